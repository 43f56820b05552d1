// The guests matching the door's search, as the listbox the search field controls: the best few
// (not the whole list), the highlighted one with its actions, or a line saying nobody matches.
import { GuestRow } from './guest-row.js';
import type { GuestEntry } from './guest-search.js';
import type { UndoTarget } from './use-door.js';
import type { DoorSearch } from './use-door-search.js';

export function GuestResults({
  ids,
  search,
  timezone,
  undone,
  admittedOf,
  onAdmit,
  onUndo,
  onEdit,
  onRemove,
}: {
  /** the door desk's id prefix: the list is `${ids}-results`, a row `${ids}-${entry id}` */
  ids: string;
  search: DoorSearch;
  timezone: string;
  /** check-ins taken back on this device, not yet in the answer */
  undone: ReadonlySet<string>;
  admittedOf: (entry: GuestEntry) => number;
  onAdmit: (entry: GuestEntry, count: number) => void;
  onUndo: (checkIn: UndoTarget) => void;
  onEdit: (entry: GuestEntry) => void;
  onRemove: (entry: GuestEntry) => void;
}) {
  const { query, results, selected, listNames, twice } = search;
  return (
    <ul
      id={`${ids}-results`}
      role="listbox"
      aria-label="Guests"
      // what these results answer, so a reader (or a benchmark) knows they are current
      data-query={query}
      className="space-y-2"
    >
      {results.map((entry) => (
        <GuestRow
          key={entry.id}
          id={`${ids}-${entry.id}`}
          entry={entry}
          list={listNames.get(entry.guestListId) ?? ''}
          namesakes={twice.entries.get(entry.id) ?? 1}
          admitted={admittedOf(entry)}
          active={entry === selected}
          timezone={timezone}
          undone={undone}
          onAdmit={(count) => onAdmit(entry, count)}
          onUndo={onUndo}
          onEdit={() => onEdit(entry)}
          onRemove={() => onRemove(entry)}
          onPick={() => search.pick(entry)}
        />
      ))}
      {results.length === 0 && (
        <li className="rounded-lg border-2 border-dashed border-zinc-500 p-4 text-xl">
          {query.trim() ? `No guest matches “${query.trim()}”.` : 'No guests on the lists yet.'}
        </li>
      )}
    </ul>
  );
}
