// Holds: a request's claim on a venue date before it is confirmed. Holds on one date are ranked
// in the order they were placed (1st hold, 2nd hold …); releasing one moves the lower ones up.
import { z } from 'zod';
import type { HoldStatus, RequestStatus } from '../entities/booking.js';
import { calendarDate, text, timestamp, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation, type RowWrite } from './define.js';

/** A request still being decided on may hold a date; a declined, withdrawn or scheduled one may not. */
const holdingRequestStatuses: readonly RequestStatus[] = ['NEW', 'REVIEW', 'APPROVED'];

const endedHold: Record<Exclude<HoldStatus, 'ACTIVE'>, string> = {
  RELEASED: 'this hold was already released',
  CONVERTED: 'this hold was already converted into an event',
  EXPIRED: 'this hold has already expired',
};

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
    const hold = await mustGet(read, 'holds', args.holdId, 'the hold');
    if (hold.status !== 'ACTIVE') throw new RuleViolation(endedHold[hold.status as keyof typeof endedHold]);
    const writes: RowWrite[] = [
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
    ];
    // auto-promote: every hold behind the released one moves up a place
    const active = await read.where(
      'holds',
      { venue_id: hold.venue_id, hold_date: hold.hold_date, status: 'ACTIVE' },
      'rank',
    );
    for (const other of active) {
      if (other.id !== hold.id && Number(other.rank) > Number(hold.rank)) {
        writes.push({
          op: 'update',
          table: 'holds',
          id: String(other.id),
          set: { rank: Number(other.rank) - 1, updated_at: context.at },
        });
      }
    }
    return writes;
  },
});
