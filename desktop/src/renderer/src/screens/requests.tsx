// Incoming date requests, live (a request submitted on the venue's page appears as sync brings
// it): filter by status (several at once), venue and preferred date, search by artist, title,
// contact or reference, sort by when it came in or by the date asked for, page through, and open
// one to decide on it. A promoter member sees only their own requests here ("My requests").
import { requestStatuses } from '@promoteros/shared';
import { statusLabel } from '@promoteros/shared/labels';
import { useMemo, useState } from 'react';
import type { CommandArgs, CommandResult } from '../../../common/command-map.js';
import { navigate, routeHash } from '../data/route.js';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import { todayInZone } from '../format/venue-time.js';
import type { Venue } from '../shell/shell.js';
import {
  buttonClass,
  ErrorNote,
  inputClass,
  primaryButtonClass,
  selectClass,
  Spinner,
  StatusBadge,
} from '../ui/controls.js';
import { useFormat } from '../format/use-format.js';

type Status = CommandResult<'requests.list'>['rows'][number]['status'];
const PAGE_SIZE = 50;
const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
type Sort = NonNullable<CommandArgs<'requests.list'>['sort']>;
/** the form input, sized to a date rather than to the row */
const dateInputClass = inputClass.replace('block w-full', 'w-40').replace('py-1.5', 'py-1');

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
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((status): status is Status => (requestStatuses as readonly string[]).includes(status));
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const from = params.get('from');
  const to = params.get('to');
  const sort: Sort = params.get('sort') === 'preferred' ? 'preferred' : 'submitted';
  // the words live here, not in the address: every keystroke re-runs the query, not the history
  const [search, setSearch] = useState(params.get('q') ?? '');
  const go = (next: { statuses?: Status[]; page?: number; from?: string; to?: string; sort?: Sort }) =>
    navigate(
      routeHash('requests', {
        status: (next.statuses ?? statuses).join(','),
        from: next.from ?? from,
        to: next.to ?? to,
        sort: (next.sort ?? sort) === 'preferred' ? 'preferred' : null,
        page: String(next.page ?? 0) === '0' ? null : String(next.page ?? 0),
      }),
    );
  const promoter = role === 'PROMOTER';
  const toggle = (status: Status) =>
    go({ statuses: statuses.includes(status) ? statuses.filter((each) => each !== status) : [...statuses, status] });

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
  const venueById = useMemo(() => new Map(venues.map((each) => [each.id, each])), [venues]);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

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
        <div role="group" aria-label="Status filter" className="flex flex-wrap gap-1">
          {requestStatuses.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={statuses.includes(status)}
              onClick={() => toggle(status)}
              className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:border-indigo-500 dark:aria-pressed:bg-indigo-500"
            >
              {statusLabel(status, 'request')}
            </button>
          ))}
          {statuses.length > 0 && (
            <button
              type="button"
              onClick={() => go({ statuses: [] })}
              className="px-2 text-xs text-zinc-500 hover:underline"
            >
              Clear
            </button>
          )}
        </div>
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
              if (page !== 0) go({ page: 0 });
            }}
          />
        </label>
        <label className="flex items-center gap-2">
          <span className="text-zinc-500 dark:text-zinc-400">Preferred from</span>
          <input
            type="date"
            className={dateInputClass}
            value={from ?? ''}
            onChange={(change) => go({ from: change.target.value })}
          />
        </label>
        <label className="flex items-center gap-2">
          <span className="text-zinc-500 dark:text-zinc-400">to</span>
          <input
            type="date"
            className={dateInputClass}
            value={to ?? ''}
            onChange={(change) => go({ to: change.target.value })}
          />
        </label>
        <label className="flex items-center gap-2">
          <span className="text-zinc-500 dark:text-zinc-400">Sort</span>
          <select
            className={selectClass}
            value={sort}
            onChange={(change) => go({ sort: change.target.value === 'preferred' ? 'preferred' : 'submitted' })}
          >
            <option value="submitted">Newest submitted</option>
            <option value="preferred">Soonest preferred date</option>
          </select>
        </label>
      </div>
      <ErrorNote error={list.error} />
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th className="px-3 py-2 font-medium">Reference</th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2 font-medium">Artist</th>
              <th className="px-3 py-2 font-medium">Event</th>
              <th className="px-3 py-2 font-medium">Venue</th>
              <th className="px-3 py-2 font-medium">Preferred date</th>
              <th className="px-3 py-2 text-right font-medium">Expected</th>
              <th className="px-3 py-2 font-medium">Submitted</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {(list.data?.rows ?? []).map((row) => {
              const rowVenue = venueById.get(row.venueId);
              const zone = rowVenue?.timezone ?? 'UTC';
              const opens = routeHash(`requests/${row.id}`);
              return (
                <tr
                  key={row.id}
                  tabIndex={0}
                  onClick={() => navigate(opens)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') navigate(opens);
                    // ↑/↓ walk the rows
                    const sibling =
                      event.key === 'ArrowDown'
                        ? event.currentTarget.nextElementSibling
                        : event.key === 'ArrowUp'
                          ? event.currentTarget.previousElementSibling
                          : null;
                    if (sibling instanceof HTMLElement) {
                      event.preventDefault();
                      sibling.focus();
                    }
                  }}
                  className="cursor-pointer hover:bg-zinc-50 focus:bg-indigo-50 focus:outline-none dark:hover:bg-zinc-900 dark:focus:bg-indigo-950"
                  aria-label={`${row.artistName}, ${row.eventTitle}, ${statusLabel(row.status, 'request').toLowerCase()}`}
                >
                  <td className="px-3 py-1.5 font-mono text-xs">{row.reference}</td>
                  <td className="px-3 py-1.5">
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="px-3 py-1.5 font-medium">{row.artistName}</td>
                  <td className="max-w-64 truncate px-3 py-1.5">{row.eventTitle}</td>
                  <td className="px-3 py-1.5 text-zinc-600 dark:text-zinc-300">{rowVenue?.name ?? '—'}</td>
                  <td className="px-3 py-1.5 tabular-nums">
                    {f.date(todayInZone(zone, new Date(row.preferredStart)))}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{f.count(row.expectedAttendance)}</td>
                  <td className="px-3 py-1.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                    {f.dateTime(row.submittedAt, zone)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {list.data && list.data.rows.length === 0 && (
          <p className="py-8 text-center text-sm text-zinc-500">No requests match these filters.</p>
        )}
        {list.loading && !list.data && (
          <div className="p-4">
            <Spinner label="Loading requests…" />
          </div>
        )}
      </div>
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
    </div>
  );
}
