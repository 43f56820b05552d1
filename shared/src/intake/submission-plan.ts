// What filing a request writes, wherever it comes from (the public page or a promoter's app):
// the request (NEW), its first decision-log entry, and the jobs that tell people about it.
// Returned as planned writes so that the relay's form route and the request.submit mutation apply
// the very same rows; the audit entry is written by whoever applies them.
//
// Jobs (sent by the job loop's email handlers, relay/src/notify):
//   request.received         {requestId, reference, venueId, venueName, eventTitle, artist,
//                             preferredStart, preferredEnd, timezone, to: {email, name}}
//                             the confirmation to the requester
//   request.new_for_manager  {requestId, reference, venueId, venueName, eventTitle, artist,
//                             preferredStart, timezone, userId, to: {email, name}}
//                             one per OWNER and MANAGER member of the organization
import type { PlannedWrite, Row, RowReader } from '../mutations/define.js';
import { requestTimes, type IntakeFields } from './intake-fields.js';
import { requestReference } from './request-reference.js';

export interface SubmissionPlanInput {
  readonly fields: IntakeFields;
  /** the venue's row (id, name, timezone) */
  readonly venue: Row;
  readonly requestId: string;
  readonly decisionId: string;
  /** the PROMOTER member who filed it from the app; null from the public page */
  readonly promoterUserId: string | null;
  /** when it was filed (ISO instant) */
  readonly at: string;
  /** said in the decision log: where the request came from */
  readonly note: string;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export async function planRequestSubmission(input: SubmissionPlanInput, read: RowReader): Promise<PlannedWrite[]> {
  const { fields, venue, requestId, at } = input;
  const timezone = String(venue.timezone);
  const times = requestTimes(fields, timezone);
  const reference = requestReference(requestId);
  const about = {
    requestId,
    reference,
    venueId: String(venue.id),
    venueName: String(venue.name),
    eventTitle: fields.eventTitle,
    artist: fields.artist,
    preferredStart: times.preferredStart,
    timezone,
  };
  const managers = [
    ...(await read.where('memberships', { role: 'OWNER' }, 'created_at')),
    ...(await read.where('memberships', { role: 'MANAGER' }, 'created_at')),
  ];
  return [
    {
      op: 'insert',
      table: 'event_requests',
      row: {
        id: requestId,
        venue_id: venue.id,
        reference,
        status: 'NEW',
        contact_name: fields.name,
        contact_email: fields.email,
        contact_phone: orNull(fields.phone),
        company: orNull(fields.company),
        artist_name: fields.artist,
        event_title: fields.eventTitle,
        description: orNull(fields.description),
        preferred_start: times.preferredStart,
        preferred_end: times.preferredEnd,
        alternative_start: times.alternativeStart,
        alternative_end: times.alternativeEnd,
        expected_attendance: fields.expectedAttendance,
        budget_min_cents: orNull(fields.budgetMin),
        budget_max_cents: orNull(fields.budgetMax),
        deal_notes: orNull(fields.dealNotes),
        tech_needs: orNull(fields.techNeeds),
        promoter_user_id: input.promoterUserId,
        submitted_at: at,
        created_at: at,
        updated_at: at,
      },
    },
    {
      op: 'insert',
      table: 'decision_logs',
      row: {
        id: input.decisionId,
        request_id: requestId,
        from_status: null,
        to_status: 'NEW',
        note: input.note,
        actor_user_id: input.promoterUserId,
        created_at: at,
      },
    },
    {
      op: 'enqueue',
      kind: 'request.received',
      payload: { ...about, preferredEnd: times.preferredEnd, to: { email: fields.email, name: fields.name } },
    },
    ...managers.map((m): PlannedWrite => ({
      op: 'enqueue',
      kind: 'request.new_for_manager',
      payload: { ...about, userId: String(m.user_id), to: { email: m.user_email, name: m.user_name } },
    })),
  ];
}
