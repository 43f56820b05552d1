// A value the user just changed, shown before the replica's answer comes back. An edit is
// applied locally at once, but its new value reaches the screen only when the query re-runs on
// `replica.changed`; without this a ticked checkbox would spring back for a moment, and a task
// moved twice in a row would jump. The local value gives way as soon as the synced value equals
// it, or, once no edit is in flight, as soon as the synced value changes at all (someone else's
// edit, or ours came back differently).
import { useCallback, useEffect, useRef, useState } from 'react';

interface Local<T> {
  readonly value: T;
  readonly inFlight: number;
  /** the synced value when the last edit settled: a change from it ends the local value */
  readonly settledAt?: { readonly synced: T };
}

export function usePendingValue<T>(
  synced: T,
  equal: (a: T, b: T) => boolean = Object.is,
): [shown: T, apply: (value: T, edit: () => Promise<boolean>) => Promise<boolean>] {
  const [local, setLocal] = useState<Local<T> | null>(null);
  const latest = useRef(synced);
  latest.current = synced;

  useEffect(() => {
    if (!local) return;
    const caughtUp = equal(local.value, synced);
    const movedOn = local.inFlight === 0 && local.settledAt !== undefined && !equal(local.settledAt.synced, synced);
    if (caughtUp || movedOn) setLocal(null);
  }, [synced, local, equal]);

  const apply = useCallback(async (value: T, edit: () => Promise<boolean>) => {
    setLocal((previous) => ({ value, inFlight: (previous?.inFlight ?? 0) + 1 }));
    const made = await edit();
    setLocal((previous) => {
      if (!previous || !made) return null;
      const inFlight = previous.inFlight - 1;
      return { ...previous, inFlight, ...(inFlight === 0 ? { settledAt: { synced: latest.current } } : {}) };
    });
    return made;
  }, []);

  return [local ? local.value : synced, apply];
}
