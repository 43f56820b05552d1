// The door's search: what was typed, who is highlighted (door-highlight.ts) and the matches, found
// in memory per keystroke (guest-search.ts) from the guest list the door holds. The names are
// folded once per entry and kept across answers (GuestIndexer), not after every check-in.
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { highlighted, highlightForQuery, moveHighlight, NOTHING, type Highlight } from './door-highlight.js';
import { findGuests, GuestIndexer, type FoundGuests, type GuestEntry } from './guest-search.js';
import { listedMoreThanOnce, type ListedMoreThanOnce } from './namesakes.js';

/** rows shown for a search: the door needs the few best, not the whole list */
const SHOWN = 30;

export interface DoorSearch {
  readonly query: string;
  readonly found: FoundGuests;
  /** the rows shown, best first */
  readonly results: GuestEntry[];
  /** the guest Enter admits, if anyone */
  readonly selected: GuestEntry | undefined;
  /** list id → list name */
  readonly listNames: ReadonlyMap<string, string>;
  /** names on their list more than once (added twice, or by two doors offline) */
  readonly twice: ListedMoreThanOnce;
  typed(query: string): void;
  /** the arrows: one row down (1) or up (-1) */
  move(step: 1 | -1): void;
  pick(entry: GuestEntry): void;
  clear(): void;
  /** after an admit: nobody highlighted at once, so a second Enter admits no one; the emptied
   * search and its list of guests right after, interruptibly (the count is drawn first) */
  clearAfterAdmission(): void;
}

export function useDoorSearch(data: CommandResult<'guestList.get'> | undefined, initialSearch?: string): DoorSearch {
  const [query, setQuery] = useState(initialSearch ?? '');
  // a search the door did not type highlights nobody: Enter admits only once someone chose a row
  const [highlight, setHighlight] = useState<Highlight>(NOTHING);
  // the search being emptied after an admit, until that empty search is drawn: keys typed
  // meanwhile land after the old text still in the field, and belong to a new search
  const emptying = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (query === '') emptying.current = undefined;
  }, [query]);
  useEffect(() => {
    if (!initialSearch) return;
    setQuery(initialSearch);
    setHighlight(NOTHING);
  }, [initialSearch]);

  const listNames = useMemo(() => new Map((data?.lists ?? []).map((list) => [list.id, list.name])), [data?.lists]);
  const indexer = useRef(new GuestIndexer());
  const index = useMemo(() => indexer.current.index(data?.entries ?? [], listNames), [data?.entries, listNames]);
  const found = useMemo(() => findGuests(index, query, SHOWN), [index, query]);
  const twice = useMemo(() => listedMoreThanOnce(data?.entries ?? []), [data?.entries]);
  const results = found.entries;

  return {
    query,
    found,
    results,
    selected: highlighted(results, highlight),
    listNames,
    twice,
    typed(typedValue) {
      const stale = emptying.current;
      const value = stale && typedValue.startsWith(stale) ? typedValue.slice(stale.length) : typedValue;
      emptying.current = undefined;
      setQuery(value);
      setHighlight(highlightForQuery(value));
    },
    move(step) {
      setHighlight(moveHighlight(results, highlight, step));
    },
    pick(entry) {
      setHighlight({ kind: 'entry', id: entry.id });
    },
    clear() {
      setQuery('');
      setHighlight(NOTHING);
    },
    clearAfterAdmission() {
      emptying.current = query;
      setHighlight(NOTHING);
      startTransition(() => setQuery(''));
    },
  };
}
