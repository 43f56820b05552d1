// The requests as a table, one row a request: reference, status, artist, event, venue, the
// preferred date on the venue's calendar and when it came in on its clock. A row opens the
// request (click or Enter); ↑/↓ walk the rows.
import { statusLabel } from '@promoteros/shared/labels';
import { useMemo } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { navigate, routeHash } from '../data/route.js';
import { useFormat } from '../format/use-format.js';
import { todayInZone } from '../format/venue-time.js';
import type { Venue } from '../shell/shell.js';
import { Spinner, StatusBadge } from '../ui/controls.js';

export function RequestTable({
  list,
  venues,
}: {
  list: { data: CommandResult<'requests.list'> | undefined; loading: boolean };
  venues: readonly Venue[];
}) {
  const f = useFormat();
  const venueById = useMemo(() => new Map(venues.map((each) => [each.id, each])), [venues]);
  return (
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
                <td className="px-3 py-1.5 tabular-nums">{f.date(todayInZone(zone, new Date(row.preferredStart)))}</td>
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
  );
}
