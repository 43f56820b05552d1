// Ctrl/Cmd-K: answers from the local replica as you type, arrow keys to move, Enter to open,
// Escape to close. A combobox with its listbox (ARIA 1.2): focus stays in the box and the active
// option is announced through aria-activedescendant. No debounce: the first keystroke asks at once; while a search is running,
// only the latest text waits to go next, so a burst of keystrokes costs at most one extra query
// and the answer shown is always for what is in the box.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { navigate, routeHash } from '../data/route.js';
import { useFormat } from '../format/use-format.js';
import { ErrorNote } from '../ui/controls.js';
import { hitDetails, kindLabel, type SearchHit } from './hit-text.js';

/** where opening a hit goes; artists and people narrow the search instead (null) */
export function hitRoute(hit: SearchHit): string | null {
  switch (hit.kind) {
    case 'event':
      return routeHash(`events/${hit.id}`);
    case 'request':
      return routeHash(`requests/${hit.id}`);
    case 'guest':
      // the show's door (at its own venue), with the guest's name already in its search
      return routeHash('show-day', { event: hit.eventId, guest: hit.title });
    default:
      return null;
  }
}

export function SearchPalette({ onClose }: { onClose: () => void }) {
  const f = useFormat();
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<CommandError>();
  const [searched, setSearched] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  const ids = useId();

  useEffect(() => {
    input.current?.focus();
    const previous = opener.current;
    // give focus back to what had it when the palette closes
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

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
  }, [bridge, text]);

  function open(hit: SearchHit | undefined) {
    if (!hit) return;
    const route = hitRoute(hit);
    if (route) {
      navigate(route);
      onClose();
    } else {
      // an artist or a person narrows the search to their events and requests
      setText(hit.title);
      input.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(hits.length - 1, index + 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(0, index - 1));
    else if (event.key === 'Enter') open(hits[active]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  }

  useEffect(() => {
    document.getElementById(`${ids}-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, ids]);

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center bg-zinc-950/40 px-4 pt-[12vh] backdrop-blur-[1px]"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Search"
        className="w-full max-w-xl overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl dark:border-zinc-700 dark:bg-zinc-900"
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          role="combobox"
          aria-label="Search"
          aria-expanded={hits.length > 0}
          aria-controls={`${ids}-hits`}
          aria-activedescendant={hits.length ? `${ids}-hit-${active}` : undefined}
          aria-autocomplete="list"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search events, guests, requests, artists, people…"
          className="w-full border-b border-zinc-200 bg-transparent px-4 py-3 text-base outline-none dark:border-zinc-700"
          spellCheck={false}
        />
        <ErrorNote error={error} />
        <ul
          id={`${ids}-hits`}
          role="listbox"
          aria-label="Results"
          data-query={searched}
          className="max-h-[50vh] overflow-y-auto py-1"
        >
          {hits.map((hit, index) => (
            <li
              key={`${hit.kind}:${hit.id}`}
              id={`${ids}-hit-${index}`}
              role="option"
              aria-selected={index === active}
              // Chromium sends a mousemove without movement when the list changes under a still
              // pointer; only a real move of the mouse may take the selection from the keyboard
              onMouseMove={(event) => (event.movementX || event.movementY) && setActive(index)}
              onClick={() => open(hit)}
              className="flex cursor-pointer items-center gap-3 px-4 py-2 text-sm aria-selected:bg-indigo-50 dark:aria-selected:bg-indigo-950"
            >
              <span className="w-16 shrink-0 text-[11px] font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300">
                {kindLabel[hit.kind]}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{hit.title}</span>
                <span className="block truncate text-xs text-zinc-600 dark:text-zinc-300">{hitDetails(hit, f)}</span>
              </span>
            </li>
          ))}
        </ul>
        {searched && hits.length === 0 && !error && (
          <p className="px-4 py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
            Nothing matches “{searched}”.
          </p>
        )}
        <p role="status" className="sr-only">
          {searched && hits.length > 0 && f.countOf(hits.length, { one: 'result', other: 'results' })}
        </p>
        <footer className="flex gap-4 border-t border-zinc-200 px-4 py-2 text-[11px] text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
          <span>↑↓ move</span>
          <span>Enter open</span>
          <span>Esc close</span>
        </footer>
      </div>
    </div>
  );
}
