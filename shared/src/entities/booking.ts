// Requests for a date, their decision history, ranked holds and the events they become
// (shared/migrations/0002_booking.sql).
import { z } from 'zod';
import { calendarDate, cents, instantOf, int, text, timestamp, uuid } from './fields.js';

/** NEW → REVIEW → APPROVED | DECLINED; APPROVED → SCHEDULED; the requester may withdraw. */
export const requestStatuses = ['NEW', 'REVIEW', 'APPROVED', 'DECLINED', 'SCHEDULED', 'WITHDRAWN'] as const;
export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const holdStatuses = ['ACTIVE', 'RELEASED', 'CONVERTED', 'EXPIRED'] as const;
export const HoldStatus = z.enum(holdStatuses);
export type HoldStatus = z.infer<typeof HoldStatus>;

export const eventStatuses = ['DRAFT', 'CONFIRMED', 'CANCELLED', 'SETTLED'] as const;
export const EventStatus = z.enum(eventStatuses);
export type EventStatus = z.infer<typeof EventStatus>;

// object rules run even when a field failed; they judge only fields that parsed, and leave
// the failed ones to their own messages
const after = (later: unknown, earlier: unknown) =>
  typeof later !== 'string' || typeof earlier !== 'string' || instantOf(later) > instantOf(earlier);
const notAfter = (earlier: unknown, later: unknown) =>
  typeof later !== 'string' || typeof earlier !== 'string' || instantOf(earlier) <= instantOf(later);
const numbers = (...values: unknown[]) => values.every((v) => typeof v === 'number');

export const EventRequestRow = z
  .object({
    id: uuid,
    organization_id: uuid,
    venue_id: uuid,
    reference: text({ min: 1 }),
    status: RequestStatus,
    contact_name: text({ min: 1, max: 200 }),
    contact_email: text({ max: 320 }),
    contact_phone: text({ max: 50 }).nullable(),
    company: text({ max: 200 }).nullable(),
    artist_name: text({ min: 1, max: 200 }),
    event_title: text({ min: 1, max: 200 }),
    description: text({ max: 5000 }).nullable(),
    preferred_start: timestamp,
    preferred_end: timestamp,
    alternative_start: timestamp.nullable(),
    alternative_end: timestamp.nullable(),
    expected_attendance: int({ min: 1 }),
    budget_min_cents: cents({ min: 0 }).nullable(),
    budget_max_cents: cents({ min: 0 }).nullable(),
    deal_notes: text({ max: 5000 }).nullable(),
    tech_needs: text({ max: 5000 }).nullable(),
    tags: z.array(z.string('must be text'), 'must be a list of tags'),
    promoter_user_id: uuid.nullable(),
    submitted_at: timestamp,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .refine((r) => after(r.preferred_end, r.preferred_start), {
    message: 'must be after preferred_start',
    path: ['preferred_end'],
  })
  .refine(
    (r) =>
      r.alternative_start === null || (r.alternative_end !== null && after(r.alternative_end, r.alternative_start)),
    {
      message: 'must be after alternative_start',
      path: ['alternative_end'],
    },
  )
  .refine((r) => !numbers(r.budget_min_cents, r.budget_max_cents) || r.budget_min_cents! <= r.budget_max_cents!, {
    message: 'must not be less than budget_min_cents',
    path: ['budget_max_cents'],
  });
export type EventRequestRow = z.output<typeof EventRequestRow>;

export const DecisionLogRow = z.object({
  id: uuid,
  organization_id: uuid,
  request_id: uuid,
  from_status: RequestStatus.nullable(),
  to_status: RequestStatus,
  note: text({ max: 5000 }).nullable(),
  actor_user_id: uuid.nullable(),
  created_at: timestamp,
});
export type DecisionLogRow = z.output<typeof DecisionLogRow>;

export const EventRow = z
  .object({
    id: uuid,
    organization_id: uuid,
    venue_id: uuid,
    request_id: uuid.nullable(),
    title: text({ min: 1, max: 200 }),
    artist_name: text({ min: 1, max: 200 }),
    status: EventStatus,
    show_date: calendarDate,
    doors_at: timestamp,
    show_at: timestamp,
    ends_at: timestamp,
    capacity_override: int({ min: 1, max: 100000 }).nullable(),
    promoter_user_id: uuid.nullable(),
    notes: text({ max: 20000 }).nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .refine((e) => notAfter(e.doors_at, e.show_at), { message: 'must not be after show_at', path: ['doors_at'] })
  .refine((e) => after(e.ends_at, e.show_at), { message: 'must be after show_at', path: ['ends_at'] });
export type EventRow = z.output<typeof EventRow>;

export const HoldRow = z.object({
  id: uuid,
  organization_id: uuid,
  venue_id: uuid,
  request_id: uuid,
  hold_date: calendarDate,
  /** 1 = first hold on the date; lower holds move up when a higher one is released */
  rank: int({ min: 1 }),
  status: HoldStatus,
  expires_at: timestamp.nullable(),
  challenged_by_hold_id: uuid.nullable(),
  challenge_deadline: timestamp.nullable(),
  released_at: timestamp.nullable(),
  release_reason: text({ max: 2000 }).nullable(),
  event_id: uuid.nullable(),
  created_by: uuid.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type HoldRow = z.output<typeof HoldRow>;
