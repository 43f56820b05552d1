// The requests inbox: filtered by status, venue, preferred date and words, newest submitted (or
// soonest preferred date) first, one page at a time with the total so the screen can say
// "41–60 of 312", and how many are NEW for the badge whatever the filters.
import type { CommandArgs, CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { isoInstant } from './venue-time.js';

type ListArgs = Required<CommandArgs<'requests.list'>>;

/** `%words%` for ILIKE, with the user's own % and _ taken literally */
export function containsPattern(text: string): string | null {
  const words = text.trim();
  return words === '' ? null : `%${words.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export async function listRequests(
  replica: Replica,
  organizationId: string,
  args: ListArgs,
): Promise<CommandResult<'requests.list'>> {
  // the preferred date is the venue's calendar day, so the range reads in the venue's timezone
  const where = `r.organization_id = $1 AND (cardinality($2::text[]) = 0 OR r.status = ANY($2::text[]))
                 AND ($3::uuid IS NULL OR r.venue_id = $3)
                 AND ($4::text IS NULL OR r.artist_name ILIKE $4 OR r.event_title ILIKE $4
                      OR r.contact_name ILIKE $4 OR r.contact_email ILIKE $4 OR r.reference ILIKE $4)
                 AND ($5::date IS NULL OR (r.preferred_start AT TIME ZONE v.timezone)::date >= $5::date)
                 AND ($6::date IS NULL OR (r.preferred_start AT TIME ZONE v.timezone)::date <= $6::date)`;
  const filter = [organizationId, args.statuses, args.venueId, containsPattern(args.search), args.from, args.to];
  const [count] = await replica.query<{ total: number; new_count: number }>(
    `SELECT (SELECT count(*)::int FROM event_requests r JOIN venues v ON v.id = r.venue_id WHERE ${where}) AS total,
            (SELECT count(*)::int FROM event_requests WHERE organization_id = $1 AND status = 'NEW') AS new_count`,
    filter,
  );
  const order =
    args.sort === 'preferred' ? 'r.preferred_start, r.submitted_at DESC, r.id' : 'r.submitted_at DESC, r.id';
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
       FROM event_requests r JOIN venues v ON v.id = r.venue_id LEFT JOIN events e ON e.request_id = r.id
      WHERE ${where}
      ORDER BY ${order}
      LIMIT $7 OFFSET $8`,
    [...filter, args.limit, args.offset],
  );
  return {
    total: count?.total ?? 0,
    newCount: count?.new_count ?? 0,
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
