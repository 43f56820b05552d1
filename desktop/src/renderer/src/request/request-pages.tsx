// Paging through the requests, a page of PAGE_SIZE at a time: which ones are shown of how many,
// and Previous / Next.
import { useFormat } from '../format/use-format.js';
import { buttonClass } from '../ui/controls.js';
import type { RequestFilters } from './request-filters.js';

export const PAGE_SIZE = 50;

export function RequestPages({ filters, total }: { filters: RequestFilters; total: number }) {
  const f = useFormat();
  const { page, go } = filters;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      <span className="text-zinc-500 dark:text-zinc-400">
        {total === 0
          ? 'No requests'
          : `${f.count(page * PAGE_SIZE + 1)}–${f.count(Math.min(total, (page + 1) * PAGE_SIZE))} of ${f.count(total)}`}
      </span>
      <div className="flex items-center gap-2">
        <button type="button" className={buttonClass} disabled={page === 0} onClick={() => go({ page: page - 1 })}>
          Previous
        </button>
        <span className="tabular-nums text-zinc-500">
          Page {page + 1} of {pages}
        </span>
        <button
          type="button"
          className={buttonClass}
          disabled={page + 1 >= pages}
          onClick={() => go({ page: page + 1 })}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
