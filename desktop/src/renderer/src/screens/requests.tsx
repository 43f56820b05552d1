// Incoming date requests, live (a request submitted on the venue's page appears as sync brings
// it): filter by status (several at once), venue and preferred date, search by artist, title,
// contact or reference, sort by when it came in or by the date asked for, page through, and open
// one to decide on it. A promoter member sees only their own requests here ("My requests").
import { useState } from 'react';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import { useFormat } from '../format/use-format.js';
import { requestFilters } from '../request/request-filters.js';
import { PAGE_SIZE, RequestPages } from '../request/request-pages.js';
import { RequestSearch } from '../request/request-search.js';
import { RequestTable } from '../request/request-table.js';
import { StatusFilter } from '../request/status-filter.js';
import type { Venue } from '../shell/shell.js';
import { ErrorNote, primaryButtonClass, selectClass } from '../ui/controls.js';
import { routeHash } from '../data/route.js';

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function RequestsScreen({
  venues,
  venue,
  onVenueChange,
  params,
  role,
}: {
  venues: readonly Venue[];
  venue: Venue | null;
  onVenueChange: (id: string | null) => void;
  params: URLSearchParams;
  role?: Role | undefined;
}) {
  const f = useFormat();
  const filters = requestFilters(params);
  const { statuses, page, from, to, sort, go } = filters;
  // the words live here, not in the address: every keystroke re-runs the query, not the history
  const [search, setSearch] = useState(params.get('q') ?? '');
  const promoter = role === 'PROMOTER';

  const list = useQuery('requests.list', {
    statuses,
    venueId: venue?.id ?? null,
    search,
    from: isDate(from) ? from : null,
    to: isDate(to) ? to : null,
    sort,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  });
  const total = list.data?.total ?? 0;

  return (
    <div className="space-y-3 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-2 flex items-center gap-2 text-lg font-semibold">
          {promoter ? 'My requests' : 'Requests'}
          {!promoter && (list.data?.newCount ?? 0) > 0 && (
            <span
              data-testid="new-requests"
              className="rounded-full bg-sky-600 px-2 py-0.5 text-xs font-semibold text-white"
            >
              {list.data ? f.count(list.data.newCount) : ''} new
            </span>
          )}
        </h1>
        <StatusFilter filters={filters} />
        {promoter && (
          <a href={routeHash('requests/new')} className={`${primaryButtonClass} ml-auto`}>
            New request
          </a>
        )}
        <label className={`${promoter ? '' : 'ml-auto '}flex items-center gap-2 text-sm`}>
          <span className="text-zinc-500 dark:text-zinc-400">Venue</span>
          <select
            className={selectClass}
            value={venue?.id ?? ''}
            onChange={(event) => {
              onVenueChange(event.target.value || null);
              go({ page: 0 });
            }}
          >
            <option value="">All venues</option>
            {venues.map((each) => (
              <option key={each.id} value={each.id}>
                {each.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <RequestSearch filters={filters} search={search} setSearch={setSearch} />
      <ErrorNote error={list.error} />
      <RequestTable list={list} venues={venues} />
      <RequestPages filters={filters} total={total} />
    </div>
  );
}
