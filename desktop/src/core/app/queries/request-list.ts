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
  const where = `organization_id = $1 AND (cardinality($2::text[]) = 0 OR status = ANY($2::text[]))
                 AND ($3::uuid IS NULL OR venue_id = $3)`;
  const filter = [organizationId, args.statuses, args.venueId];
  const [count] = await replica.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM event_requests WHERE ${where}`,
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
  }>(
    `SELECT id, reference, status, venue_id, artist_name, event_title, contact_name, preferred_start,
            expected_attendance, submitted_at
       FROM event_requests WHERE ${where}
      ORDER BY submitted_at DESC, id
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
    })),
  };
}
