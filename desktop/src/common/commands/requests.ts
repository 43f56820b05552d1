// The requests inbox and one request with its decisions and holds, read from the replica.
import { z } from 'zod';
import { RequestStatus, storableText } from '@promoteros/shared';
import { CalendarDate, Id, VenueSummary } from './fields.js';
import { HoldRow } from './holds.js';
import type { CommandDeclarations } from './declaration.js';

export const RequestRow = z.object({
  id: z.string(),
  reference: z.string(),
  status: RequestStatus,
  venueId: z.string(),
  artistName: z.string(),
  eventTitle: z.string(),
  contactName: z.string(),
  preferredStart: z.string(),
  expectedAttendance: z.number().int(),
  submittedAt: z.string(),
  /** the event this request became (events.request_id), so a SCHEDULED row can open it */
  eventId: z.string().nullable().optional(),
});

export const DecisionStep = z.object({
  at: z.string(),
  fromStatus: RequestStatus.nullable(),
  toStatus: RequestStatus,
  note: z.string().nullable(),
  actor: z.string().nullable(),
});

/** One request with everything the requester told us, how it was decided and the dates it holds. */
export const RequestDetail = z.object({
  id: z.string(),
  reference: z.string(),
  status: RequestStatus,
  venue: VenueSummary,
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  company: z.string().nullable(),
  artistName: z.string(),
  eventTitle: z.string(),
  description: z.string().nullable(),
  preferredStart: z.string(),
  preferredEnd: z.string(),
  alternativeStart: z.string().nullable(),
  alternativeEnd: z.string().nullable(),
  expectedAttendance: z.number().int(),
  budgetMinCents: z.number().nullable(),
  budgetMaxCents: z.number().nullable(),
  dealNotes: z.string().nullable(),
  techNeeds: z.string().nullable(),
  submittedAt: z.string(),
  eventId: z.string().nullable(),
  history: z.array(DecisionStep),
  holds: z.array(HoldRow),
});

export const requestCommands = {
  'requests.list': {
    args: z.object({
      statuses: z.array(RequestStatus).max(6).default([]),
      venueId: Id.nullable().default(null),
      /** words to find in the artist, title, contact (name or email) or reference */
      search: z.string().check(storableText()).max(200).default(''),
      /** the preferred date (the venue's calendar day) from / to, inclusive */
      from: CalendarDate.nullable().default(null),
      to: CalendarDate.nullable().default(null),
      /** newest submitted first, or soonest preferred date first */
      sort: z.enum(['submitted', 'preferred']).default('submitted'),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    /** newCount: the NEW requests of the organization, whatever the filters (the inbox badge) */
    result: z.object({ total: z.number().int(), newCount: z.number().int(), rows: z.array(RequestRow) }),
    reads: ['event_requests', 'venues', 'events'],
  },
  'requests.get': {
    args: z.object({ requestId: Id }),
    result: RequestDetail,
    reads: ['event_requests', 'venues', 'events', 'decision_logs', 'memberships', 'holds'],
  },
} as const satisfies CommandDeclarations;
