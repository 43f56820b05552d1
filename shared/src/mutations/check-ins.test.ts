import { describe, expect, it } from 'vitest';
import type { MutationDefinition, Row } from './define.js';
import { checkInAdmit, checkInUndo, checkInWalkUp } from './check-ins.js';
import { isOverAllotment, sumAdmitted } from './door-rules.js';
import { MemoryRows } from './testing/memory-reader.js';
import { AT, EVENT, USER, contextAs, id } from './testing/fixtures.js';

const LIST = id(10);
const ENTRY = id(1);
const OTHER_ENTRY = id(2);
const OTHER_EVENT = id(20);
const WHEN = '2026-06-01T21:15:00.000Z';
const context = contextAs('STAFF');

function rows(checkIns: Row[] = [], status = 'CONFIRMED') {
  return new MemoryRows({
    events: [
      { id: EVENT, title: 'Summer Night', status },
      { id: OTHER_EVENT, title: 'Winter Night', status: 'CONFIRMED' },
    ],
    guest_lists: [{ id: LIST, event_id: EVENT, name: 'Band guests', allotment: 2 }],
    guest_list_entries: [
      { id: ENTRY, event_id: EVENT, guest_list_id: LIST, guest_name: 'Sam Plusone', admit_count: 2 },
      { id: OTHER_ENTRY, event_id: EVENT, guest_list_id: LIST, guest_name: 'Jo Solo', admit_count: 1 },
    ],
    check_ins: checkIns,
  });
}

const checkIn = (n: number, extra: Row): Row => ({
  id: id(n),
  event_id: EVENT,
  entry_id: ENTRY,
  kind: 'ADMIT',
  admitted: 1,
  undoes_id: null,
  device_id: 'door-1',
  ...extra,
});

function run<D extends MutationDefinition>(definition: D, args: unknown, memory: MemoryRows) {
  return definition.plan(definition.args.parse(args), context, memory);
}

const admit = (n: number, admitted: number, extra: Record<string, unknown> = {}) => ({
  id: id(n),
  eventId: EVENT,
  entryId: ENTRY,
  admitted,
  deviceId: 'door-2',
  occurredAt: WHEN,
  ...extra,
});

const undo = (n: number, undoesId: string, extra: Record<string, unknown> = {}) => ({
  id: id(n),
  eventId: EVENT,
  undoesId,
  deviceId: 'door-2',
  occurredAt: WHEN,
  ...extra,
});

describe('checkIn.admit', () => {
  it('should append an admit with its device, person and moment', async () => {
    expect(await run(checkInAdmit, admit(30, 2), rows())).toEqual([
      {
        op: 'insert',
        table: 'check_ins',
        row: {
          id: id(30),
          event_id: EVENT,
          entry_id: ENTRY,
          kind: 'ADMIT',
          admitted: 2,
          undoes_id: null,
          device_id: 'door-2',
          recorded_by: USER,
          occurred_at: WHEN,
          created_at: AT,
        },
      },
    ]);
  });

  it('should be for STAFF and above', () => {
    for (const definition of [checkInAdmit, checkInWalkUp, checkInUndo]) expect(definition.minimumRole).toBe('STAFF');
  });

  it('should never refuse an admit beyond the allotment: both are kept and the entry is flagged', async () => {
    const memory = rows([checkIn(30, { admitted: 2, device_id: 'door-1' })]);
    memory.apply(await run(checkInAdmit, admit(31, 1), memory));
    const checkIns = await memory.where('check_ins', { entry_id: ENTRY });
    expect(checkIns.map((c) => c.device_id)).toEqual(['door-1', 'door-2']);
    expect(sumAdmitted(checkIns)).toBe(3);
    expect(isOverAllotment(sumAdmitted(checkIns), 2)).toBe(true);
  });

  it('should count the same check-in sent again once', async () => {
    const memory = rows([checkIn(30, { device_id: 'door-2' })]);
    expect(await run(checkInAdmit, admit(30, 1), memory)).toEqual([]);
  });

  it('should refuse a different check-in under an id already used', async () => {
    const memory = rows([checkIn(30, { entry_id: OTHER_ENTRY })]);
    await expect(run(checkInAdmit, admit(30, 1), memory)).rejects.toThrow(
      'a different check-in with this id already exists',
    );
  });

  it('should refuse a guest of another event and a removed entry', async () => {
    await expect(run(checkInAdmit, admit(30, 1, { eventId: OTHER_EVENT }), rows())).rejects.toThrow(
      'Sam Plusone is on the list of another event',
    );
    await expect(run(checkInAdmit, admit(30, 1, { entryId: id(99) }), rows())).rejects.toThrow(
      'the guest list entry no longer exists',
    );
  });

  it.each([
    ['SETTLED', /is settled/],
    ['CANCELLED', /is cancelled/],
  ])('should refuse the door of a %s event', async (status, message) => {
    await expect(run(checkInAdmit, admit(30, 1), rows([], status))).rejects.toThrow(message);
  });

  it('should take 1..100 admissions and a device name of at most 100 characters', () => {
    for (const bad of [admit(30, 0), admit(30, 101), admit(30, 1, { deviceId: 'd'.repeat(101) })]) {
      expect(checkInAdmit.args.safeParse(bad).success).toBe(false);
    }
  });
});

describe('checkIn.walkUp', () => {
  it('should count people at the door without an entry', async () => {
    const args = { id: id(40), eventId: EVENT, admitted: 3, deviceId: 'door-3', occurredAt: WHEN };
    expect(await run(checkInWalkUp, args, rows())).toEqual([
      {
        op: 'insert',
        table: 'check_ins',
        row: {
          id: id(40),
          event_id: EVENT,
          entry_id: null,
          kind: 'WALK_UP',
          admitted: 3,
          undoes_id: null,
          device_id: 'door-3',
          recorded_by: USER,
          occurred_at: WHEN,
          created_at: AT,
        },
      },
    ]);
  });

  it('should refuse a settled event', async () => {
    const args = { id: id(40), eventId: EVENT, admitted: 1, deviceId: 'door-3', occurredAt: WHEN };
    await expect(run(checkInWalkUp, args, rows([], 'SETTLED'))).rejects.toThrow(/is settled/);
  });
});

describe('checkIn.undo', () => {
  it('should append the negative of the check-in it takes back, on the same entry', async () => {
    const memory = rows([checkIn(30, { admitted: 2 })]);
    expect(await run(checkInUndo, undo(31, id(30)), memory)).toEqual([
      {
        op: 'insert',
        table: 'check_ins',
        row: {
          id: id(31),
          event_id: EVENT,
          entry_id: ENTRY,
          kind: 'UNDO',
          admitted: -2,
          undoes_id: id(30),
          device_id: 'door-2',
          recorded_by: USER,
          occurred_at: WHEN,
          created_at: AT,
        },
      },
    ]);
  });

  it('should undo a walk-up the same way', async () => {
    const memory = rows([checkIn(30, { entry_id: null, kind: 'WALK_UP', admitted: 4 })]);
    expect(await run(checkInUndo, undo(31, id(30)), memory)).toMatchObject([
      { row: { entry_id: null, kind: 'UNDO', admitted: -4 } },
    ]);
  });

  it('should refuse the undo of an undo', async () => {
    const memory = rows([checkIn(30, {}), checkIn(31, { kind: 'UNDO', admitted: -1, undoes_id: id(30) })]);
    await expect(run(checkInUndo, undo(32, id(31)), memory)).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'an undo cannot be undone: check the guest in again',
    });
  });

  it('should refuse a second undo of one check-in, naming the device that undid it', async () => {
    const memory = rows([checkIn(30, {}), checkIn(31, { kind: 'UNDO', admitted: -1, undoes_id: id(30) })]);
    await expect(run(checkInUndo, undo(32, id(30)), memory)).rejects.toThrow(
      'that check-in was already undone (on door-1)',
    );
  });

  it("should refuse to take back another guest's check-in", async () => {
    const memory = rows([checkIn(30, {}), checkIn(33, { entry_id: null, kind: 'WALK_UP' })]);
    await expect(run(checkInUndo, undo(31, id(30), { entryId: OTHER_ENTRY }), memory)).rejects.toThrow(
      "that check-in is another guest's",
    );
    await expect(run(checkInUndo, undo(31, id(33), { entryId: ENTRY }), memory)).rejects.toThrow(
      'that check-in is a walk-up, not this guest',
    );
    await expect(run(checkInUndo, undo(31, id(30), { entryId: null }), memory)).rejects.toThrow(
      "that check-in is a guest's, not a walk-up",
    );
    await expect(run(checkInUndo, undo(31, id(30), { entryId: ENTRY }), memory)).resolves.toHaveLength(1);
    await expect(run(checkInUndo, undo(31, id(33), { entryId: null }), memory)).resolves.toHaveLength(1);
  });

  it('should refuse to undo a check-in made at another event, or one that does not exist', async () => {
    const memory = rows([checkIn(30, { event_id: OTHER_EVENT })]);
    await expect(run(checkInUndo, undo(31, id(30)), memory)).rejects.toThrow('that check-in was made at another event');
    await expect(run(checkInUndo, undo(31, id(99)), memory)).rejects.toThrow('the check-in to undo no longer exists');
  });

  it('should count the same undo sent again once', async () => {
    const memory = rows([checkIn(30, {}), checkIn(31, { kind: 'UNDO', admitted: -1, undoes_id: id(30) })]);
    expect(await run(checkInUndo, undo(31, id(30)), memory)).toEqual([]);
  });
});

describe('over-allotment', () => {
  it('should flag an entry only when more came in than it allots', () => {
    expect([1, 2, 3].map((admitted) => isOverAllotment(admitted, 2))).toEqual([false, false, true]);
  });
});
