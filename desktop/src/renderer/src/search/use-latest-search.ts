// The palette's answers, from the local replica as the text changes. No debounce: the first
// keystroke asks at once; while a search is running, only the latest text waits to go next, so a
// burst of keystrokes costs at most one extra query and the answer shown is always for what is in
// the box.
import { useEffect, useRef, useState } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import type { SearchHit } from './hit-text.js';

/** `setActive`: a new answer puts the first hit back under the keyboard */
export function useLatestSearch(text: string, setActive: (index: number) => void) {
  const bridge = useBridge();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<CommandError>();
  /** the text the hits answer */
  const [searched, setSearched] = useState('');
  const latest = useRef('');
  const running = useRef(false);
  const waiting = useRef<string | undefined>(undefined);

  useEffect(() => {
    const query = text.trim();
    latest.current = query;
    if (!query) {
      waiting.current = undefined;
      setHits([]);
      setSearched('');
      return;
    }
    waiting.current = query;
    if (!running.current) void runSearches();

    async function runSearches() {
      running.current = true;
      while (waiting.current !== undefined) {
        const next = waiting.current;
        waiting.current = undefined;
        const outcome = await bridge.invoke('search.query', { text: next, limit: 20 });
        // a newer text is waiting or the box changed: this answer is no longer wanted
        if (waiting.current !== undefined || next !== latest.current) continue;
        if (outcome.ok) {
          setHits(outcome.value);
          setError(undefined);
        } else setError(outcome.error);
        setSearched(next);
        setActive(0);
      }
      running.current = false;
    }
  }, [bridge, text, setActive]);
  return { hits, error, searched };
}
