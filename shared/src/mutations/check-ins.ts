// The door: every check-in is a row appended to check_ins, never a counter overwritten, so the
// check-ins of several door devices working offline simply add up when they reconnect.
//   checkIn.admit   a guest on the list (and their +N) comes in
//   checkIn.walkUp  people who paid at the door, counted the same way
//   checkIn.undo    takes one check-in back, as a row of its own (admitted = −the original)
//
// Rules:
// - a check-in is never refused for going over the entry's allotment: two devices may each have
//   let the guest in offline, and both people are inside. The entry is flagged instead, derived
//   from the rows (door-rules.ts isOverAllotment), the same on every device;
// - an undo names the check-in it takes back: an undo cannot itself be undone (admit again
//   instead), a check-in is undone at most once (a second device's undo of the same check-in
//   is refused, so an entry never counts below zero), and a device that names the entry it
//   means (entryId) cannot take back another guest's check-in;
// - a settled or cancelled event's door is closed (door-rules.ts);
// - ids come from the device: the same check-in sent again is counted once.
import { z } from 'zod';
import type { CheckInKind } from '../entities/guest-lists.js';
import { int, text, timestamp, uuid } from '../entities/fields.js';
import {
  defineMutation,
  mustGet,
  RuleViolation,
  type MutationContext,
  type Row,
  type RowReader,
  type RowWrite,
} from './define.js';
import { openDoorEvent } from './door-rules.js';

const admitted = int({ min: 1, max: 100 });
/** which door laptop recorded it, for the manager reading a flagged entry */
const deviceId = text({ min: 1, max: 100 });

/** true when this very check-in is already recorded (a resend); a different row under its id is refused */
async function alreadyRecorded(read: RowReader, id: string, same: (row: Row) => boolean): Promise<boolean> {
  const existing = await read.get('check_ins', id);
  if (!existing) return false;
  if (!same(existing)) throw new RuleViolation('a different check-in with this id already exists');
  return true;
}

/** the one write every check-in plans: a row appended, stamped with who recorded it, where and when */
function appendCheckIn(
  args: { id: string; eventId: string; deviceId: string; occurredAt: string },
  context: MutationContext,
  what: { kind: CheckInKind; entry_id: unknown; admitted: number; undoes_id: string | null },
): RowWrite {
  return {
    op: 'insert',
    table: 'check_ins',
    row: {
      id: args.id,
      event_id: args.eventId,
      ...what,
      device_id: args.deviceId,
      recorded_by: context.userId,
      occurred_at: args.occurredAt,
      created_at: context.at,
    },
  };
}

export const checkInAdmit = defineMutation({
  name: 'checkIn.admit',
  minimumRole: 'STAFF',
  args: z.object({ id: uuid, eventId: uuid, entryId: uuid, admitted, deviceId, occurredAt: timestamp }),
  subject: (args) => ({ table: 'check_ins', id: args.id }),
  describe: (args) => `Check in ${args.admitted === 1 ? 'a guest' : `${args.admitted} guests`} from the list`,
  async plan(args, context, read) {
    await openDoorEvent(read, args.eventId);
    const entry = await mustGet(read, 'guest_list_entries', args.entryId, 'the guest list entry');
    if (entry.event_id !== args.eventId)
      throw new RuleViolation(`${String(entry.guest_name)} is on the list of another event`);
    if (await alreadyRecorded(read, args.id, (row) => row.kind === 'ADMIT' && row.entry_id === args.entryId)) return [];
    return [
      appendCheckIn(args, context, { kind: 'ADMIT', entry_id: args.entryId, admitted: args.admitted, undoes_id: null }),
    ];
  },
});

export const checkInWalkUp = defineMutation({
  name: 'checkIn.walkUp',
  minimumRole: 'STAFF',
  args: z.object({ id: uuid, eventId: uuid, admitted, deviceId, occurredAt: timestamp }),
  subject: (args) => ({ table: 'check_ins', id: args.id }),
  describe: (args) => `Count ${args.admitted === 1 ? 'a walk-up' : `${args.admitted} walk-ups`} at the door`,
  async plan(args, context, read) {
    await openDoorEvent(read, args.eventId);
    if (await alreadyRecorded(read, args.id, (row) => row.kind === 'WALK_UP' && row.event_id === args.eventId))
      return [];
    return [
      appendCheckIn(args, context, { kind: 'WALK_UP', entry_id: null, admitted: args.admitted, undoes_id: null }),
    ];
  },
});

export const checkInUndo = defineMutation({
  name: 'checkIn.undo',
  minimumRole: 'STAFF',
  args: z.object({
    id: uuid,
    eventId: uuid,
    undoesId: uuid,
    /** the entry the door person means to correct (null: a walk-up); checked when given */
    entryId: uuid.nullable().optional(),
    deviceId,
    occurredAt: timestamp,
  }),
  subject: (args) => ({ table: 'check_ins', id: args.id }),
  describe: () => 'Undo a check-in',
  async plan(args, context, read) {
    await openDoorEvent(read, args.eventId);
    const original = await mustGet(read, 'check_ins', args.undoesId, 'the check-in to undo');
    if (await alreadyRecorded(read, args.id, (row) => row.undoes_id === args.undoesId)) return [];
    if (original.event_id !== args.eventId) throw new RuleViolation('that check-in was made at another event');
    if (args.entryId !== undefined && original.entry_id !== args.entryId) {
      if (original.entry_id === null) throw new RuleViolation('that check-in is a walk-up, not this guest');
      if (args.entryId === null) throw new RuleViolation("that check-in is a guest's, not a walk-up");
      throw new RuleViolation("that check-in is another guest's");
    }
    if (original.kind === 'UNDO') throw new RuleViolation('an undo cannot be undone: check the guest in again');
    // by event first: PostgreSQL finds the event's check-ins by index (check_ins_event_idx)
    const [earlier] = await read.where('check_ins', { event_id: args.eventId, undoes_id: args.undoesId });
    if (earlier) throw new RuleViolation(`that check-in was already undone (on ${String(earlier.device_id)})`);
    return [
      appendCheckIn(args, context, {
        kind: 'UNDO',
        entry_id: original.entry_id ?? null,
        admitted: -Number(original.admitted),
        undoes_id: args.undoesId,
      }),
    ];
  },
});
