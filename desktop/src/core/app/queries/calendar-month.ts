// A stretch of a venue's calendar (or every venue's), a month, a week or any range of days: its
// events and the dates held for requests, by the venue's own calendar day. Released, converted
// and expired holds no longer hold the date, so only ACTIVE ones show.
import type { CommandArgs, CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { addDays } from '@promoteros/shared/venue-clock';
import { monthRange, venueClock } from './venue-time.js';

interface CalendarRow {
  kind: CommandResult<'calendar.range'>[number]['kind'];
  id: string;
  venue_id: string;
  date: string;
  title: string;
  status: string;
  rank: number | null;
  doors_at: Date | null;
  show_at: Date | null;
  ends_at: Date | null;
  timezone: string;
  request_id: string | null;
}

export async function calendarMonth(
  replica: Replica,
  organizationId: string,
  args: CommandArgs<'calendar.month'>,
): Promise<CommandResult<'calendar.month'>> {
  const { first, next } = monthRange(args.month);
  return calendarRange(replica, organizationId, { venueId: args.venueId, from: first, to: addDays(next, -1) });
}

/** from and to are venue calendar days, both included (the command checks the span) */
export async function calendarRange(
  replica: Replica,
  organizationId: string,
  args: CommandArgs<'calendar.range'>,
): Promise<CommandResult<'calendar.range'>> {
  const rows = await replica.query<CalendarRow>(
    `SELECT 'event' AS kind, e.id, e.venue_id, e.show_date::text AS date, e.title, e.status, NULL::int AS rank,
            e.doors_at, e.show_at, e.ends_at, v.timezone, e.request_id::text AS request_id
       FROM events e JOIN venues v ON v.id = e.venue_id
      WHERE e.organization_id = $1 AND ($2::uuid IS NULL OR e.venue_id = $2)
        AND e.show_date >= $3::date AND e.show_date <= $4::date
     UNION ALL
     SELECT 'hold', h.id, h.venue_id, h.hold_date::text, coalesce(r.artist_name, 'Hold'), h.status, h.rank,
            NULL, NULL, NULL, v.timezone, h.request_id::text
       FROM holds h JOIN venues v ON v.id = h.venue_id
       LEFT JOIN event_requests r ON r.id = h.request_id
      WHERE h.organization_id = $1 AND ($2::uuid IS NULL OR h.venue_id = $2) AND h.status = 'ACTIVE'
        AND h.hold_date >= $3::date AND h.hold_date <= $4::date
     ORDER BY date, kind, rank NULLS FIRST, show_at, title, id`,
    [organizationId, args.venueId, args.from, args.to],
  );
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    venueId: row.venue_id,
    date: row.date,
    title: row.title,
    status: row.status,
    rank: row.rank,
    doors: row.doors_at ? venueClock(row.doors_at, row.timezone) : null,
    show: row.show_at ? venueClock(row.show_at, row.timezone) : null,
    ends: row.ends_at ? venueClock(row.ends_at, row.timezone) : null,
    requestId: row.request_id,
  }));
}
