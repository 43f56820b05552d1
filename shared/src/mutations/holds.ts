// Holds: a request's claim on a venue date before it is confirmed. Holds on one date are ranked
// in the order they were placed (1st hold, 2nd hold …); releasing one moves the lower ones up.
//
// A lower hold may challenge the 1st: the 1st must answer by a deadline, by confirming (turning
// its request into an event) or by releasing. Nothing happens on its own when the deadline
// passes: the relay's hold loop (relay/src/holds) enqueues `hold.challenge_expired` once and the
// manager decides, since releasing someone's date automatically is not a call software makes.
// Expiry is different: a hold with an expiry date lapses by itself (the same loop sets it
// EXPIRED, moves the lower holds up and enqueues `hold.expired`; `hold.expiring` a day before).
//
// Jobs enqueued here:
//   hold.challenged { holdId, challengerHoldId, requestId, challengerRequestId, venueId, holdDate, deadline }
import { z } from 'zod';
import type { HoldStatus, RequestStatus } from '../entities/booking.js';
import { calendarDate, instantOf, text, timestamp, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation, type Row, type RowReader, type RowWrite } from './define.js';

/** A request still being decided on may hold a date; a declined, withdrawn or scheduled one may not. */
export const holdingRequestStatuses: readonly RequestStatus[] = ['NEW', 'REVIEW', 'APPROVED'];

const endedHold: Record<Exclude<HoldStatus, 'ACTIVE'>, string> = {
  RELEASED: 'this hold was already released',
  CONVERTED: 'this hold was already converted into an event',
  EXPIRED: 'this hold has already expired',
};

/** What people call a rank: 1st, 2nd, 3rd, 4th … */
export function rankName(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** The hold, if it is still active; otherwise a RuleViolation saying how it ended. */
async function activeHold(read: RowReader, holdId: string): Promise<Row> {
  const hold = await mustGet(read, 'holds', holdId, 'the hold');
  if (hold.status !== 'ACTIVE') throw new RuleViolation(endedHold[hold.status as keyof typeof endedHold]);
  return hold;
}

/** The active holds on the hold's venue and date, 1st first. */
export function activeHoldsOn(read: RowReader, venueId: unknown, holdDate: unknown): Promise<Row[]> {
  return read.where('holds', { venue_id: venueId, hold_date: holdDate, status: 'ACTIVE' }, 'rank');
}

/**
 * The writes that close the gap a hold leaves in the queue (released, converted, expired): every
 * hold behind it moves up a place, and a challenge it made of the 1st hold is withdrawn.
 */
export function closeGap(leaving: Row, active: readonly Row[], at: string): RowWrite[] {
  const writes: RowWrite[] = [];
  for (const other of active) {
    if (other.id === leaving.id) continue;
    const set: Row = {};
    if (Number(other.rank) > Number(leaving.rank)) set.rank = Number(other.rank) - 1;
    if (other.challenged_by_hold_id === leaving.id) {
      set.challenged_by_hold_id = null;
      set.challenge_deadline = null;
    }
    if (Object.keys(set).length > 0)
      writes.push({ op: 'update', table: 'holds', id: String(other.id), set: { ...set, updated_at: at } });
  }
  return writes;
}

export const holdPlace = defineMutation({
  name: 'hold.place',
  minimumRole: 'MANAGER',
  args: z.object({
    /** made by the device, so the optimistic row and the relay's row are the same row */
    holdId: uuid,
    requestId: uuid,
    /** the held day in the venue's timezone */
    holdDate: calendarDate,
    expiresAt: timestamp.optional(),
  }),
  subject: (args) => ({ table: 'holds', id: args.holdId }),
  describe: (args) => `Hold ${args.holdDate}`,
  async plan(args, context, read) {
    const request = await mustGet(read, 'event_requests', args.requestId, 'the request');
    if (!holdingRequestStatuses.includes(request.status as RequestStatus))
      throw new RuleViolation(`a ${String(request.status)} request cannot hold a date`);
    if (await read.get('holds', args.holdId)) throw new RuleViolation('a hold with this id already exists');
    const active = await read.where(
      'holds',
      { venue_id: request.venue_id, hold_date: args.holdDate, status: 'ACTIVE' },
      'rank',
    );
    if (active.some((hold) => hold.request_id === args.requestId))
      throw new RuleViolation(`this request already holds ${args.holdDate}`);
    return [
      {
        op: 'insert',
        table: 'holds',
        row: {
          id: args.holdId,
          venue_id: request.venue_id,
          request_id: args.requestId,
          hold_date: args.holdDate,
          // the newest hold queues behind every active one
          rank: active.length + 1,
          status: 'ACTIVE',
          expires_at: args.expiresAt ?? null,
          challenged_by_hold_id: null,
          challenge_deadline: null,
          released_at: null,
          release_reason: null,
          event_id: null,
          created_by: context.userId,
          created_at: context.at,
          updated_at: context.at,
        },
      },
    ];
  },
});

export const holdRelease = defineMutation({
  name: 'hold.release',
  minimumRole: 'MANAGER',
  args: z.object({
    holdId: uuid,
    reason: text({ max: 2000 }).nullable().optional(),
  }),
  subject: (args) => ({ table: 'holds', id: args.holdId }),
  describe: () => 'Release a hold',
  async plan(args, context, read) {
    const hold = await activeHold(read, args.holdId);
    const active = await activeHoldsOn(read, hold.venue_id, hold.hold_date);
    return [
      {
        op: 'update',
        table: 'holds',
        id: args.holdId,
        set: {
          status: 'RELEASED',
          released_at: context.at,
          release_reason: args.reason ?? null,
          updated_at: context.at,
        },
      },
      // auto-promote: every hold behind the released one moves up a place
      ...closeGap(hold, active, context.at),
    ];
  },
});

export const holdChallenge = defineMutation({
  name: 'hold.challenge',
  minimumRole: 'MANAGER',
  args: z.object({
    /** the challenger: a lower active hold on the date */
    holdId: uuid,
    /** by when the 1st hold must confirm or release */
    deadline: timestamp,
  }),
  subject: (args) => ({ table: 'holds', id: args.holdId }),
  describe: () => 'Challenge the 1st hold',
  async plan(args, context, read) {
    const challenger = await activeHold(read, args.holdId);
    if (Number(challenger.rank) === 1) throw new RuleViolation('this hold is already the 1st hold on its date');
    if (instantOf(args.deadline) <= instantOf(context.at))
      throw new RuleViolation('the deadline to answer the challenge must be in the future');
    const active = await activeHoldsOn(read, challenger.venue_id, challenger.hold_date);
    const first = active.find((hold) => Number(hold.rank) === 1);
    if (!first) throw new RuleViolation(`there is no 1st hold on ${String(challenger.hold_date)} to challenge`);
    const standing = first.challenged_by_hold_id;
    if (standing && standing !== challenger.id && active.some((hold) => hold.id === standing))
      throw new RuleViolation('the 1st hold is already challenged by another hold');
    return [
      {
        op: 'update',
        table: 'holds',
        id: String(first.id),
        set: { challenged_by_hold_id: args.holdId, challenge_deadline: args.deadline, updated_at: context.at },
      },
      {
        op: 'enqueue',
        kind: 'hold.challenged',
        payload: {
          holdId: first.id,
          challengerHoldId: args.holdId,
          requestId: first.request_id,
          challengerRequestId: challenger.request_id,
          venueId: first.venue_id,
          holdDate: first.hold_date,
          deadline: args.deadline,
        },
      },
    ];
  },
});

export const holdSetExpiry = defineMutation({
  name: 'hold.setExpiry',
  minimumRole: 'MANAGER',
  args: z.object({
    holdId: uuid,
    /** when the hold lapses by itself; null: it stays until released or converted */
    expiresAt: timestamp.nullable(),
  }),
  subject: (args) => ({ table: 'holds', id: args.holdId }),
  describe: (args) => (args.expiresAt === null ? 'Keep a hold without expiry' : 'Change when a hold expires'),
  async plan(args, context, read) {
    const hold = await activeHold(read, args.holdId);
    if (args.expiresAt !== null && instantOf(args.expiresAt) <= instantOf(context.at))
      throw new RuleViolation('a hold’s expiry must be in the future (release the hold to end it now)');
    const current = hold.expires_at;
    const same =
      args.expiresAt === null
        ? current === null || current === undefined
        : typeof current === 'string' && instantOf(current) === instantOf(args.expiresAt);
    if (same) return [];
    return [
      { op: 'update', table: 'holds', id: args.holdId, set: { expires_at: args.expiresAt, updated_at: context.at } },
    ];
  },
});
