// The requests inbox: newest first, filtered by status and venue, one page at a time with the
// total so the screen can say "41–60 of 312".
import type { CommandArgs, CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { isoInstant } from './venue-time.js';

type ListArgs = Required<CommandArgs<'requests.list'>>;

export async function listRequests(
  replica: Replica,
  organizationId: string,
  args: ListArgs,
): Promise<CommandResult<'requests.list'>> {
  const where = `r.organization_id = $1 AND (cardinality($2::text[]) = 0 OR r.status = ANY($2::text[]))
                 AND ($3::uuid IS NULL OR r.venue_id = $3)`;
  const filter = [organizationId, args.statuses, args.venueId];
  const [count] = await replica.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM event_requests r WHERE ${where}`,
    filter,
  );
  const rows = await replica.query<{
    id: string;
    reference: string;
    status: ListArgs['statuses'][number];
    venue_id: string;
    artist_name: string;
    event_title: string;
    contact_name: string;
    preferred_start: Date;
    expected_attendance: number;
    submitted_at: Date;
    event_id: string | null;
  }>(
    // the event a scheduled request became, so the row can open it
    `SELECT r.id, r.reference, r.status, r.venue_id, r.artist_name, r.event_title, r.contact_name,
            r.preferred_start, r.expected_attendance, r.submitted_at, e.id AS event_id
       FROM event_requests r LEFT JOIN events e ON e.request_id = r.id
      WHERE ${where}
      ORDER BY r.submitted_at DESC, r.id
      LIMIT $4 OFFSET $5`,
    [...filter, args.limit, args.offset],
  );
  return {
    total: count?.total ?? 0,
    rows: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      status: row.status,
      venueId: row.venue_id,
      artistName: row.artist_name,
      eventTitle: row.event_title,
      contactName: row.contact_name,
      preferredStart: isoInstant(row.preferred_start),
      expectedAttendance: row.expected_attendance,
      submittedAt: isoInstant(row.submitted_at),
      eventId: row.event_id,
    })),
  };
}
