// Holds with the request behind each: all of one request's, or all on one venue date (active
// ones by rank first: who holds 1st, 2nd …; then the released, converted and expired ones).
import type { HoldStatus } from '@promoteros/shared';
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { isoInstant } from './venue-time.js';

type HoldRow = CommandResult<'holds.onDate'>[number];

interface HoldRecord {
  id: string;
  request_id: string;
  venue_id: string;
  hold_date: string;
  rank: number;
  status: HoldStatus;
  expires_at: Date | null;
  challenged_by_hold_id: string | null;
  challenge_deadline: Date | null;
  release_reason: string | null;
  event_id: string | null;
  reference: string | null;
  artist_name: string | null;
  event_title: string | null;
}

const SELECT = `SELECT h.id, h.request_id, h.venue_id, h.hold_date::text AS hold_date, h.rank, h.status, h.expires_at,
                       h.challenged_by_hold_id, h.challenge_deadline, h.release_reason, h.event_id,
                       r.reference, r.artist_name, r.event_title
                  FROM holds h LEFT JOIN event_requests r ON r.id = h.request_id`;
const ORDER = `ORDER BY h.hold_date, (h.status <> 'ACTIVE'), h.rank, h.updated_at DESC, h.id`;

export async function holdsOnDate(
  replica: Replica,
  organizationId: string,
  venueId: string,
  date: string,
): Promise<HoldRow[]> {
  const rows = await replica.query<HoldRecord>(
    `${SELECT} WHERE h.organization_id = $1 AND h.venue_id = $2 AND h.hold_date = $3::date ${ORDER}`,
    [organizationId, venueId, date],
  );
  return rows.map(holdRow);
}

export async function holdsOfRequest(replica: Replica, organizationId: string, requestId: string): Promise<HoldRow[]> {
  const rows = await replica.query<HoldRecord>(
    `${SELECT} WHERE h.organization_id = $1 AND h.request_id = $2 ${ORDER}`,
    [organizationId, requestId],
  );
  return rows.map(holdRow);
}

function holdRow(row: HoldRecord): HoldRow {
  return {
    id: row.id,
    requestId: row.request_id,
    venueId: row.venue_id,
    holdDate: row.hold_date,
    rank: row.rank,
    status: row.status,
    expiresAt: row.expires_at ? isoInstant(row.expires_at) : null,
    challengedByHoldId: row.challenged_by_hold_id,
    challengeDeadline: row.challenge_deadline ? isoInstant(row.challenge_deadline) : null,
    releaseReason: row.release_reason,
    eventId: row.event_id,
    // a request the member may not see (another promoter's) stays anonymous
    reference: row.reference ?? '—',
    artistName: row.artist_name ?? 'Another request',
    eventTitle: row.event_title ?? '',
  };
}
