// The renders the relay has queued or is running for an event, for "Generating…": asked once
// when the panel opens, then every two seconds while any is under way. A finished render shows
// as a new version in the synced documents table (useQuery refreshes the list by itself).
import { useCallback, useEffect, useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';

type Render = CommandResult<'documents.renders'>[number];

const POLL_MS = 2_000;

export function useDocumentRenders(eventId: string): {
  renders: readonly Render[];
  error: CommandError | undefined;
  /** after asking for a render: look again now, and keep looking while it is under way */
  refresh: () => void;
} {
  const bridge = useBridge();
  const [renders, setRenders] = useState<readonly Render[]>([]);
  const [error, setError] = useState<CommandError>();
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      const outcome = await bridge.invoke('documents.renders', { eventId });
      if (!live) return;
      if (outcome.ok) {
        setRenders(outcome.value);
        setError(undefined);
        if (outcome.value.length > 0) timer = setTimeout(() => void look(), POLL_MS);
      } else {
        // offline: nothing to show as under way; the list of versions still shows from the replica
        setRenders([]);
        setError(outcome.error.code === 'offline' ? undefined : outcome.error);
      }
    };
    void look();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [bridge, eventId, asked]);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { renders, error, refresh };
}
