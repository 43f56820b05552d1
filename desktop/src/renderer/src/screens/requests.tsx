// Incoming date requests: filter by status (several at once) and venue, page through, and open
// the event a scheduled request became.
import { useMemo } from 'react';
import { RequestStatus, type CommandResult } from '../../../common/command-map.js';
import { navigate, routeHash } from '../data/route.js';
import { useQuery } from '../data/use-query.js';
import { formatDateTimeInZone, formatLocalDate, todayInZone } from '../format/venue-time.js';
import type { Venue } from '../shell/shell.js';
import { buttonClass, ErrorNote, selectClass, Spinner, StatusBadge } from '../ui/controls.js';

type Status = CommandResult<'requests.list'>['rows'][number]['status'];
const PAGE_SIZE = 50;
const ALL_STATUSES = RequestStatus.options;

export function RequestsScreen({
  venues,
  venue,
  onVenueChange,
  params,
}: {
  venues: readonly Venue[];
  venue: Venue | null;
  onVenueChange: (id: string | null) => void;
  params: URLSearchParams;
}) {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((status): status is Status => (ALL_STATUSES as readonly string[]).includes(status));
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const go = (next: { statuses?: Status[]; page?: number }) =>
    navigate(
      routeHash('requests', {
        status: (next.statuses ?? statuses).join(','),
        page: String(next.page ?? 0) === '0' ? null : String(next.page ?? 0),
      }),
    );
  const toggle = (status: Status) =>
    go({ statuses: statuses.includes(status) ? statuses.filter((each) => each !== status) : [...statuses, status] });

  const list = useQuery(
    'requests.list',
    { statuses, venueId: venue?.id ?? null, limit: PAGE_SIZE, offset: page * PAGE_SIZE },
    ['event_requests', 'events', 'venues'],
  );
  const venueById = useMemo(() => new Map(venues.map((each) => [each.id, each])), [venues]);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="space-y-3 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-2 text-lg font-semibold">Requests</h1>
        <div role="group" aria-label="Status filter" className="flex flex-wrap gap-1">
          {ALL_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={statuses.includes(status)}
              onClick={() => toggle(status)}
              className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:border-indigo-500 dark:aria-pressed:bg-indigo-500"
            >
              {status.charAt(0) + status.slice(1).toLowerCase()}
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
        <label className="ml-auto flex items-center gap-2 text-sm">
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
              const opens = row.eventId ? routeHash(`events/${row.eventId}`) : undefined;
              return (
                <tr
                  key={row.id}
                  tabIndex={opens ? 0 : undefined}
                  onClick={() => opens && navigate(opens)}
                  onKeyDown={(event) => {
                    if (opens && event.key === 'Enter') navigate(opens);
                  }}
                  className={opens ? 'cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-900' : ''}
                  title={opens ? 'Open the event' : undefined}
                >
                  <td className="px-3 py-1.5 font-mono text-xs">{row.reference}</td>
                  <td className="px-3 py-1.5">
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="px-3 py-1.5 font-medium">{row.artistName}</td>
                  <td className="max-w-64 truncate px-3 py-1.5">{row.eventTitle}</td>
                  <td className="px-3 py-1.5 text-zinc-600 dark:text-zinc-300">{rowVenue?.name ?? '—'}</td>
                  <td className="px-3 py-1.5 tabular-nums">
                    {formatLocalDate(todayInZone(zone, new Date(row.preferredStart)))}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{row.expectedAttendance.toLocaleString()}</td>
                  <td className="px-3 py-1.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                    {formatDateTimeInZone(row.submittedAt, zone)}
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
            : `${(page * PAGE_SIZE + 1).toLocaleString()}–${Math.min(total, (page + 1) * PAGE_SIZE).toLocaleString()} of ${total.toLocaleString()}`}
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
