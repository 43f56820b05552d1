// The door's search field, in large type: a combobox over the guest rows (the highlighted row is
// its active descendant, so a screen reader follows the arrows), with how many guests match above.
import type { KeyboardEvent, Ref } from 'react';
import { useFormat } from '../format/use-format.js';
import type { DoorSearch } from './use-door-search.js';

const guestNoun = { one: 'guest', other: 'guests' };

export function GuestSearchField({
  ref,
  ids,
  search,
  listed,
  onKeyDown,
}: {
  ref: Ref<HTMLInputElement>;
  /** the door desk's id prefix: `${ids}-guests` heads the section, `${ids}-results` is the list */
  ids: string;
  search: DoorSearch;
  /** guests on the lists in all */
  listed: number;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const f = useFormat();
  const { query, found, results, selected } = search;
  return (
    <>
      <div className="flex items-baseline justify-between gap-3">
        <h2 id={`${ids}-guests`} className="text-xl font-black">
          Guest list
        </h2>
        <p className="text-base" aria-live="polite">
          {query.trim()
            ? `${f.count(found.total)} of ${f.countOf(listed, guestNoun)} ${found.total === 1 ? 'matches' : 'match'}`
            : `${f.countOf(listed, guestNoun)} · type a name`}
        </p>
      </div>
      <input
        ref={ref}
        type="search"
        role="combobox"
        aria-label="Find a guest"
        aria-expanded={results.length > 0}
        aria-controls={`${ids}-results`}
        aria-activedescendant={selected ? `${ids}-${selected.id}` : undefined}
        aria-keyshortcuts="Enter Shift+Enter Alt+W Alt+Z"
        autoComplete="off"
        spellCheck={false}
        placeholder="Type a guest's name, Enter to admit"
        value={query}
        onChange={(event) => search.typed(event.target.value)}
        onKeyDown={onKeyDown}
        className="block w-full rounded-lg border-4 border-zinc-900 bg-white px-4 py-3 text-3xl font-bold text-zinc-950 placeholder:text-zinc-500 focus:outline-4 focus:outline-offset-2 focus:outline-sky-600 dark:border-zinc-100 dark:bg-black dark:text-white"
      />
    </>
  );
}
