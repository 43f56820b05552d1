// The status chips over the requests list: several statuses at once, each pressed or not, and
// Clear to show every status again.
import { requestStatuses } from '@promoteros/shared';
import { statusLabel } from '@promoteros/shared/labels';
import type { RequestFilters } from './request-filters.js';

export function StatusFilter({ filters }: { filters: RequestFilters }) {
  return (
    <div role="group" aria-label="Status filter" className="flex flex-wrap gap-1">
      {requestStatuses.map((status) => (
        <button
          key={status}
          type="button"
          aria-pressed={filters.statuses.includes(status)}
          onClick={() => filters.toggle(status)}
          className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:border-indigo-500 dark:aria-pressed:bg-indigo-500"
        >
          {statusLabel(status, 'request')}
        </button>
      ))}
      {filters.statuses.length > 0 && (
        <button
          type="button"
          onClick={() => filters.go({ statuses: [] })}
          className="px-2 text-xs text-zinc-500 hover:underline"
        >
          Clear
        </button>
      )}
    </div>
  );
}
