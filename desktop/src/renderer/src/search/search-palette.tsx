// Ctrl/Cmd-K: answers from the local replica as you type, arrow keys to move, Enter to open,
// Escape to close. A combobox with its listbox (ARIA 1.2): focus stays in the box and the active
// option is announced through aria-activedescendant. The answers come as fast as the replica gives
// them (use-latest-search.ts).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { navigate, routeHash } from '../data/route.js';
import { useFormat } from '../format/use-format.js';
import { ErrorNote } from '../ui/controls.js';
import type { SearchHit } from './hit-text.js';
import { SearchHitRow } from './search-hit-row.js';
import { useLatestSearch } from './use-latest-search.js';

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
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const { hits, error, searched } = useLatestSearch(text, setActive);
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
            <SearchHitRow
              key={`${hit.kind}:${hit.id}`}
              id={`${ids}-hit-${index}`}
              hit={hit}
              active={index === active}
              onPoint={() => setActive(index)}
              onOpen={() => open(hit)}
            />
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
