// One request as the manager decides on it: everything the requester told us, its venue (for
// the venue's clock), every decision with who made it and why, the dates it holds and the event
// it became. It reads the replica's views, so the user's own decisions not yet uploaded show.
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { notFound } from '../command-failure.js';
import { decisionHistory } from './decision-history.js';
import { holdsOfRequest } from './holds.js';
import { isoInstant } from './venue-time.js';

type RequestDetail = CommandResult<'requests.get'>;

interface RequestRecord {
  id: string;
  reference: string;
  status: RequestDetail['status'];
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  company: string | null;
  artist_name: string;
  event_title: string;
  description: string | null;
  preferred_start: Date;
  preferred_end: Date;
  alternative_start: Date | null;
  alternative_end: Date | null;
  expected_attendance: number;
  budget_min_cents: number | null;
  budget_max_cents: number | null;
  deal_notes: string | null;
  tech_needs: string | null;
  submitted_at: Date;
  venue_id: string;
  venue_name: string;
  timezone: string;
  capacity: number;
  event_id: string | null;
}

const instantOrNull = (value: Date | null) => (value === null ? null : isoInstant(value));

export async function requestDetail(
  replica: Replica,
  organizationId: string,
  requestId: string,
): Promise<RequestDetail> {
  // bigint money columns as float8: exact for any sum of cents below 2^53
  const [row] = await replica.query<RequestRecord>(
    `SELECT r.id, r.reference, r.status, r.contact_name, r.contact_email, r.contact_phone, r.company,
            r.artist_name, r.event_title, r.description, r.preferred_start, r.preferred_end,
            r.alternative_start, r.alternative_end, r.expected_attendance,
            r.budget_min_cents::float8 AS budget_min_cents, r.budget_max_cents::float8 AS budget_max_cents,
            r.deal_notes, r.tech_needs, r.submitted_at,
            v.id AS venue_id, v.name AS venue_name, v.timezone, v.capacity,
            (SELECT e.id FROM events e WHERE e.request_id = r.id LIMIT 1) AS event_id
       FROM event_requests r JOIN venues v ON v.id = r.venue_id
      WHERE r.organization_id = $1 AND r.id = $2`,
    [organizationId, requestId],
  );
  if (!row) throw notFound(`no request ${requestId} in this organization`);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    venue: { id: row.venue_id, organizationId, name: row.venue_name, timezone: row.timezone, capacity: row.capacity },
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    company: row.company,
    artistName: row.artist_name,
    eventTitle: row.event_title,
    description: row.description,
    preferredStart: isoInstant(row.preferred_start),
    preferredEnd: isoInstant(row.preferred_end),
    alternativeStart: instantOrNull(row.alternative_start),
    alternativeEnd: instantOrNull(row.alternative_end),
    expectedAttendance: row.expected_attendance,
    budgetMinCents: row.budget_min_cents,
    budgetMaxCents: row.budget_max_cents,
    dealNotes: row.deal_notes,
    techNeeds: row.tech_needs,
    submittedAt: isoInstant(row.submitted_at),
    eventId: row.event_id,
    history: await decisionHistory(replica, organizationId, requestId),
    holds: await holdsOfRequest(replica, organizationId, requestId),
  };
}
