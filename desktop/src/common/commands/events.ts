// The venues, the calendar and one event, read from the replica.
import { z } from 'zod';
import { ConfirmationSendStatus, DealType, EventStatus, Role, SplitBasis } from '@promoteros/shared';
import { CalendarDate, Id, VenueSummary } from './fields.js';
import { DecisionStep } from './requests.js';
import type { CommandDeclarations } from './declaration.js';

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
/** a day that is in the calendar (not 2027-02-30) */
const RealDate = CalendarDate.refine(
  (date) => !Number.isNaN(Date.parse(date)) && new Date(date).toISOString().startsWith(date),
  'is not a day in the calendar',
);
/** the longest calendar.range: a year, leap day included */
export const MAX_RANGE_DAYS = 366;

export const CalendarItem = z.object({
  kind: z.enum(['event', 'hold']),
  id: z.string(),
  venueId: z.string(),
  /** the calendar day in the venue's timezone, YYYY-MM-DD */
  date: z.string(),
  title: z.string(),
  status: z.string(),
  /** hold rank (1st, 2nd…), events: null */
  rank: z.number().int().nullable(),
  /** local times in the venue's timezone, HH:MM, events only (ends may be after midnight) */
  doors: z.string().nullable(),
  show: z.string().nullable(),
  ends: z.string().nullable(),
  /** the request a hold is for (or an event was made from), so the calendar can open it */
  requestId: z.string().nullable(),
});

/** A member of the organization, as a task's assignee picker offers them. */
export const Member = z.object({ userId: z.string(), name: z.string(), role: Role });

/** One emailing of an event's confirmation: to whom, which PDF version, and how delivery went. */
export const ConfirmationSend = z.object({
  id: z.string(),
  /** false: the confirmation sent when the event was made; true: a revised one */
  revised: z.boolean(),
  status: ConfirmationSendStatus,
  /** the member who asked for it, by name */
  requestedBy: z.string().nullable(),
  recipients: z.array(z.string()),
  /** the confirmation PDF's version attached; null: sent without one (or not written yet) */
  documentVersion: z.number().int().nullable(),
  /** whether the letter and its PDF carried deal terms; null until written */
  withDealTerms: z.boolean().nullable(),
  /** whether the deal terms differ now from what this one carried (set, changed or removed since) */
  dealChangedSince: z.boolean(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** the mail server's refusal or error */
  deliveryNote: z.string().nullable(),
});

export const EventDetail = z.object({
  id: z.string(),
  title: z.string(),
  artistName: z.string(),
  /** settled events no longer change */
  status: EventStatus,
  venue: VenueSummary,
  showDate: z.string(),
  /** ISO instants; the renderer formats them in venue.timezone */
  doorsAt: z.string(),
  showAt: z.string(),
  endsAt: z.string(),
  /** what the night holds: the override if set, else the venue's capacity */
  capacity: z.number().int(),
  capacityOverride: z.number().int().nullable(),
  notes: z.string().nullable(),
  deal: z
    .object({
      id: z.string(),
      dealType: DealType,
      currency: z.string(),
      guaranteeCents: z.number(),
      artistShareBp: z.number(),
      splitBasis: SplitBasis,
      ticketPriceCents: z.number(),
      expensesBudgetCents: z.number(),
      notes: z.string().nullable(),
    })
    .nullable(),
  /** the checklist in its order */
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      position: z.number().int(),
      dueDate: z.string().nullable(),
      completedAt: z.string().nullable(),
      /** who ticked it off, by name */
      completedBy: z.string().nullable(),
      assigneeUserId: z.string().nullable(),
      /** the assignee's name */
      assignee: z.string().nullable(),
    }),
  ),
  /** the venue's own people a task may be assigned to (owners, managers, staff), by name */
  members: z.array(Member),
  /** the request the event was booked from, for the deal form's first values; null: booked directly */
  request: z
    .object({
      reference: z.string(),
      budgetMinCents: z.number().nullable(),
      budgetMaxCents: z.number().nullable(),
      dealNotes: z.string().nullable(),
    })
    .nullable(),
  /** each emailing of the confirmation, newest first (confirmation_sends) */
  confirmations: z.array(ConfirmationSend),
  requestHistory: z.array(DecisionStep),
});

/** a stretch of the calendar: the events and the holds on it, each with its venue, a hold's request */
const calendarReads = ['events', 'holds', 'venues', 'event_requests'] as const;

export const eventCommands = {
  'venues.list': { args: z.object({}), result: z.array(VenueSummary), reads: ['venues'] },
  'calendar.month': {
    args: z.object({ venueId: Id.nullable(), month: YearMonth }),
    result: z.array(CalendarItem),
    reads: calendarReads,
  },
  /** the calendar over any days, from and to included: a week, the list's next 90 days (at most a year) */
  'calendar.range': {
    args: z
      .object({ venueId: Id.nullable(), from: RealDate, to: RealDate })
      .refine((range) => range.to >= range.from, { message: 'must not be before from', path: ['to'] })
      .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < MAX_RANGE_DAYS, {
        message: `the range is at most ${MAX_RANGE_DAYS} days`,
        path: ['to'],
      }),
    result: z.array(CalendarItem),
    reads: calendarReads,
  },
  'events.get': {
    args: z.object({ eventId: Id }),
    result: EventDetail,
    reads: [
      'events',
      'venues',
      'deal_terms',
      'event_tasks',
      'memberships',
      'decision_logs',
      'event_requests',
      'confirmation_sends',
    ],
  },
} as const satisfies CommandDeclarations;
