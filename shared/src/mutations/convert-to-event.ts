// Turning an approved request into an event, in one mutation so that it happens whole or not at
// all: the event (CONFIRMED), the request SCHEDULED with its decision log entry, the hold
// CONVERTED (the holds behind it move up; the request's holds on other dates are released, since
// a scheduled request holds no dates), the organization's checklist instantiated from the
// active task templates, and the confirmation enqueued with its send recorded (confirmation-sends.ts):
//   event.confirmed { eventId, sendId, revised: false, requestId, venueId, showDate, holdId, overrideReason }
//
// A venue date that already has a confirmed event, or a higher active hold of another request,
// is refused unless the manager overrides with a reason; the reason goes to the decision log's
// note, and to the audit log with the arguments. The higher holds stay as they are: whether to
// release them is a conversation with their promoters, not something done behind their back.
import { z } from 'zod';
import type { RequestStatus } from '../entities/booking.js';
import { instantOf, int, text, timestamp, uuid } from '../entities/fields.js';
import { firstConfirmationId, queueConfirmation } from './confirmation-sends.js';
import {
  defineMutation,
  mustGet,
  RuleViolation,
  type MutationContext,
  type PlannedWrite,
  type Row,
  type RowReader,
} from './define.js';
import { derivedId } from './derived-id.js';
import { showDateOf } from './events.js';
import { activeHoldsOn, closeGap, rankName } from './holds.js';
import { canConvertToEvent, requestDecidingRole } from './request-status.js';

/** The calendar day `days` before a 'YYYY-MM-DD' day: calendar arithmetic, so a daylight-saving
 * change in between (a 23- or 25-hour day at the venue) cannot shift it by one. */
export function daysBefore(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

/** The id of the task an event gets from a template: the same on the device and the relay. */
export const templateTaskId = (eventId: string, templateId: string): string => derivedId(eventId, templateId);

const refusedStatus: Partial<Record<RequestStatus, string>> = {
  SCHEDULED: 'this request is already an event',
  NEW: 'a NEW request must be approved before it becomes an event',
  REVIEW: 'a request under review must be approved before it becomes an event',
};

const convertToEventArgs = z
  .object({
    requestId: uuid,
    /** made by the device: the event's id, the tasks' ids derive from it */
    eventId: uuid,
    /** made by the device: the decision log row's id */
    decisionId: uuid,
    /** the hold to convert; left out: the request's active hold on the show's date, if any */
    holdId: uuid.nullable().optional(),
    title: text({ min: 1, max: 200 }),
    artistName: text({ min: 1, max: 200 }),
    /** instants; the UI turns the venue's local times into them */
    doorsAt: timestamp,
    showAt: timestamp,
    endsAt: timestamp,
    capacityOverride: int({ min: 1, max: 100000 }).nullable().optional(),
    /** confirm over a confirmed event or a higher hold on the date, saying why */
    override: z
      .object({ reason: text({ min: 1, max: 2000 }).refine((s) => s.trim() !== '', 'must not be empty') })
      .optional(),
  })
  .refine((a) => instantOf(a.showAt) >= instantOf(a.doorsAt), {
    message: 'the show must start at or after doors',
    path: ['showAt'],
  })
  .refine((a) => instantOf(a.endsAt) > instantOf(a.showAt), {
    message: 'the show must end after it starts',
    path: ['endsAt'],
  });

type ConvertToEventArgs = z.output<typeof convertToEventArgs>;

export const requestConvertToEvent = defineMutation({
  name: 'request.convertToEvent',
  minimumRole: requestDecidingRole,
  args: convertToEventArgs,
  subject: (args) => ({ table: 'event_requests', id: args.requestId }),
  describe: (args) => `Confirm “${args.title}” as an event`,
  async plan(args, context, read) {
    const request = await mustGet(read, 'event_requests', args.requestId, 'the request');
    const status = request.status as RequestStatus;
    if (!canConvertToEvent(status))
      throw new RuleViolation(refusedStatus[status] ?? `a ${status} request cannot become an event`);
    if (await read.get('events', args.eventId)) throw new RuleViolation('an event with this id already exists');
    if (await read.get('decision_logs', args.decisionId))
      throw new RuleViolation('a decision with this id already exists');
    const venue = await mustGet(read, 'venues', String(request.venue_id), 'the venue');
    const showDate = showDateOf(args.showAt, String(venue.timezone));

    const hold = await holdToConvert(read, args.holdId, args.requestId, request.venue_id, showDate);
    const active = await activeHoldsOn(read, request.venue_id, showDate);
    const conflicts = await conflictsOn(read, request, showDate, hold, active);
    if (conflicts.length > 0 && !args.override)
      throw new RuleViolation(`${conflicts.join('; ')}: give a reason to confirm anyway`);
    const overrideReason = args.override?.reason ?? null;
    const decisionNote = overrideReason === null ? null : `confirmed over ${conflicts.join('; ')}: ${overrideReason}`;

    const writes: PlannedWrite[] = [
      ...confirmedEvent(args, context, request, showDate),
      ...scheduledRequest(args, context, status, decisionNote),
    ];
    if (hold) writes.push(...convertedHold(hold, active, args.eventId, context.at));
    writes.push(...(await releaseOtherHolds(read, args.requestId, hold, showDate, context.at)));
    writes.push(...(await checklist(read, args.eventId, showDate, context.at)));
    writes.push(
      ...queueConfirmation({ id: firstConfirmationId(args.eventId), eventId: args.eventId, revised: false }, context, {
        requestId: args.requestId,
        venueId: request.venue_id,
        showDate,
        holdId: hold?.id ?? null,
        overrideReason,
      }),
    );
    return writes;
  },
});

/** The event, CONFIRMED on the show's date at the request's venue, for the request's promoter. */
function confirmedEvent(
  args: ConvertToEventArgs,
  context: MutationContext,
  request: Row,
  showDate: string,
): PlannedWrite[] {
  return [
    {
      op: 'insert',
      table: 'events',
      row: {
        id: args.eventId,
        venue_id: request.venue_id,
        request_id: args.requestId,
        title: args.title,
        artist_name: args.artistName,
        status: 'CONFIRMED',
        show_date: showDate,
        doors_at: args.doorsAt,
        show_at: args.showAt,
        ends_at: args.endsAt,
        capacity_override: args.capacityOverride ?? null,
        promoter_user_id: request.promoter_user_id ?? null,
        notes: null,
        created_at: context.at,
        updated_at: context.at,
      },
    },
  ];
}

/** The request SCHEDULED, with its decision log entry (the override's reason as its note). */
function scheduledRequest(
  args: ConvertToEventArgs,
  context: MutationContext,
  fromStatus: RequestStatus,
  note: string | null,
): PlannedWrite[] {
  return [
    {
      op: 'update',
      table: 'event_requests',
      id: args.requestId,
      set: { status: 'SCHEDULED', updated_at: context.at },
    },
    {
      op: 'insert',
      table: 'decision_logs',
      row: {
        id: args.decisionId,
        request_id: args.requestId,
        from_status: fromStatus,
        to_status: 'SCHEDULED',
        note,
        actor_user_id: context.userId,
        created_at: context.at,
      },
    },
  ];
}

/** The hold CONVERTED to the event; the holds behind it on the date move up. */
function convertedHold(hold: Row, active: readonly Row[], eventId: string, at: string): PlannedWrite[] {
  return [
    {
      op: 'update',
      table: 'holds',
      id: String(hold.id),
      set: { status: 'CONVERTED', event_id: eventId, updated_at: at },
    },
    ...closeGap(hold, active, at),
  ];
}

/** A scheduled request holds no dates: its holds on other days are released for the others. */
async function releaseOtherHolds(
  read: RowReader,
  requestId: string,
  converted: Row | undefined,
  showDate: string,
  at: string,
): Promise<PlannedWrite[]> {
  const writes: PlannedWrite[] = [];
  const otherHolds = await read.where('holds', { request_id: requestId, status: 'ACTIVE' }, 'hold_date');
  for (const other of otherHolds) {
    if (other.id === converted?.id) continue;
    writes.push(
      {
        op: 'update',
        table: 'holds',
        id: String(other.id),
        set: {
          status: 'RELEASED',
          released_at: at,
          release_reason: `the request became an event on ${showDate}`,
          updated_at: at,
        },
      },
      ...closeGap(other, await activeHoldsOn(read, other.venue_id, other.hold_date), at),
    );
  }
  return writes;
}

/** The event's checklist, one task per active template, due its days before the show. */
async function checklist(read: RowReader, eventId: string, showDate: string, at: string): Promise<PlannedWrite[]> {
  const templates = await read.where('task_templates', { active: true }, 'position');
  return templates.map((template, position) => ({
    op: 'insert',
    table: 'event_tasks',
    row: {
      id: templateTaskId(eventId, String(template.id)),
      event_id: eventId,
      template_id: template.id,
      title: template.title,
      description: template.description ?? null,
      assignee_user_id: null,
      due_date: daysBefore(showDate, Number(template.default_due_days)),
      completed_at: null,
      completed_by: null,
      position,
      created_at: at,
      updated_at: at,
    },
  }));
}

/** The named hold (which must be the request's, active, on the show's date) or the request's
 * active hold on that date; undefined when the request holds nothing there. */
async function holdToConvert(
  read: RowReader,
  holdId: string | null | undefined,
  requestId: string,
  venueId: unknown,
  showDate: string,
): Promise<Row | undefined> {
  if (!holdId) {
    const [held] = await read.where('holds', {
      request_id: requestId,
      venue_id: venueId,
      hold_date: showDate,
      status: 'ACTIVE',
    });
    return held;
  }
  const hold = await mustGet(read, 'holds', holdId, 'the hold');
  if (hold.request_id !== requestId) throw new RuleViolation('the hold belongs to another request');
  if (hold.status !== 'ACTIVE') throw new RuleViolation(`the hold is no longer active (${String(hold.status)})`);
  if (hold.hold_date !== showDate)
    throw new RuleViolation(`the hold is on ${String(hold.hold_date)} but the show is on ${showDate} at the venue`);
  return hold;
}

/** What stands in the way on the date, in words: confirmed events and higher holds of others. */
async function conflictsOn(
  read: RowReader,
  request: Row,
  showDate: string,
  hold: Row | undefined,
  active: readonly Row[],
): Promise<string[]> {
  const conflicts: string[] = [];
  const confirmed = await read.where('events', {
    venue_id: request.venue_id,
    show_date: showDate,
    status: 'CONFIRMED',
  });
  for (const event of confirmed) conflicts.push(`${showDate} already has the confirmed event “${String(event.title)}”`);
  // without a hold of its own, the request stands behind every active hold on the date
  const ownRank = hold ? Number(hold.rank) : Infinity;
  for (const other of active) {
    if (other.request_id !== request.id && Number(other.rank) < ownRank)
      conflicts.push(`another request has the ${rankName(Number(other.rank))} hold on ${showDate}`);
  }
  return conflicts;
}
