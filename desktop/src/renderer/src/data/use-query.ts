// A command whose answer stays current: it runs when its arguments change and again whenever
// the replica reports a change to one of the tables it reads (`replica.changed`; the command map
// declares them with the command), so what sync brings in appears without a reload. The previous
// answer stays on screen while the next loads.
import { useEffect, useRef, useState } from 'react';
import {
  tablesReadBy,
  type CommandArgs,
  type CommandError,
  type CommandResult,
  type QueryName,
} from '../../../common/command-map.js';
import { useBridge } from './bridge-context.js';

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: CommandError | undefined;
  /** true until the first answer (or error) for the current arguments */
  readonly loading: boolean;
}

export function useQuery<K extends QueryName>(name: K, args: CommandArgs<K>): QueryState<CommandResult<K>> {
  const bridge = useBridge();
  const key = JSON.stringify([name, args]);
  const tablesKey = tablesReadBy(name).join(',');
  const [state, setState] = useState<QueryState<CommandResult<K>> & { key: string }>({
    data: undefined,
    error: undefined,
    loading: true,
    key,
  });
  // answers can arrive out of order; only the latest request may write
  const latest = useRef(0);

  useEffect(() => {
    let live = true;
    const run = async () => {
      const request = ++latest.current;
      const outcome = await bridge.invoke(name, JSON.parse(key)[1] as CommandArgs<K>);
      if (!live || request !== latest.current) return;
      setState((previous) =>
        outcome.ok
          ? { data: outcome.value, error: undefined, loading: false, key }
          : { data: previous.key === key ? previous.data : undefined, error: outcome.error, loading: false, key },
      );
    };
    void run();
    const watched = new Set(tablesKey.split(','));
    const unsubscribe = bridge.on('replica.changed', ({ tables: changed }) => {
      if (changed.some((table) => watched.has(table))) void run();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge, key, name, tablesKey]);

  // while new arguments load, keep showing the last answer but say it is loading
  return state.key === key ? state : { ...state, loading: true };
}
