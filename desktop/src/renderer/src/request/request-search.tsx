// The line of filters under the requests list's header: words to search for (artist, title,
// contact or reference), the preferred dates from and to, and the order.
import { inputClass, selectClass } from '../ui/controls.js';
import type { RequestFilters } from './request-filters.js';

/** the form input, sized to a date rather than to the row */
const dateInputClass = inputClass.replace('block w-full', 'w-40').replace('py-1.5', 'py-1');

export function RequestSearch({
  filters,
  search,
  setSearch,
}: {
  filters: RequestFilters;
  search: string;
  setSearch: (search: string) => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex min-w-64 flex-1 items-center gap-2">
        <span className="sr-only">Search requests</span>
        <input
          type="search"
          placeholder="Search artist, title, contact or reference…"
          className={inputClass}
          value={search}
          onChange={(change) => {
            setSearch(change.target.value);
            if (filters.page !== 0) filters.go({ page: 0 });
          }}
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="text-zinc-500 dark:text-zinc-400">Preferred from</span>
        <input
          type="date"
          className={dateInputClass}
          value={filters.from ?? ''}
          onChange={(change) => filters.go({ from: change.target.value })}
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="text-zinc-500 dark:text-zinc-400">to</span>
        <input
          type="date"
          className={dateInputClass}
          value={filters.to ?? ''}
          onChange={(change) => filters.go({ to: change.target.value })}
        />
      </label>
      <label className="flex items-center gap-2">
        <span className="text-zinc-500 dark:text-zinc-400">Sort</span>
        <select
          className={selectClass}
          value={filters.sort}
          onChange={(change) => filters.go({ sort: change.target.value === 'preferred' ? 'preferred' : 'submitted' })}
        >
          <option value="submitted">Newest submitted</option>
          <option value="preferred">Soonest preferred date</option>
        </select>
      </label>
    </div>
  );
}
