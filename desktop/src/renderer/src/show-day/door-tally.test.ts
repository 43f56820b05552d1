import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../common/command-map.js';
import { checkAdmit, knownCheckIns, tallyDoor } from './door-tally.js';

type GuestListDoor = CommandResult<'guestList.get'>;

const checkIn = (id: string, admitted: number) => ({
  id,
  kind: 'ADMIT' as const,
  admitted,
  undoesId: null,
  undone: false,
  deviceId: 'door-1',
  recordedBy: null,
  occurredAt: '2026-11-27T06:00:00.000Z',
});

const answer: GuestListDoor = {
  eventId: 'event',
  lists: [],
  entries: [
    {
      id: 'ada',
      guestListId: 'artist',
      guestName: 'Ada',
      admitCount: 2,
      note: null,
      addedBy: null,
      admitted: 1,
      flagged: false,
      checkIns: [checkIn('a1', 1)],
    },
  ],
  walkUps: [{ ...checkIn('w1', 3), kind: 'WALK_UP' }],
  door: {
    capacity: 10,
    total: 4,
    walkUps: 3,
    lists: [{ guestListId: 'artist', name: 'Artist', admitted: 1 }],
    nearCapacity: false,
  },
};

describe('tallyDoor', () => {
  it("should count this device's check-ins until the answer holds them, and never twice", () => {
    const local = [
      { id: 'a2', entryId: 'ada', guestListId: 'artist', admitted: 1, undoesId: null },
      { id: 'w2', entryId: null, guestListId: null, admitted: 5, undoesId: null },
    ];
    const before = tallyDoor(answer, knownCheckIns(answer), local);
    expect(before.door).toEqual({
      capacity: 10,
      total: 10,
      walkUps: 8,
      lists: [{ guestListId: 'artist', name: 'Artist', admitted: 2 }],
      nearCapacity: true,
    });
    expect(before.extraByEntry.get('ada')).toBe(1);

    // the answer now holds a2 (and counts it): only w2 is still added
    const next: GuestListDoor = {
      ...answer,
      entries: [{ ...answer.entries[0]!, admitted: 2, checkIns: [checkIn('a1', 1), checkIn('a2', 1)] }],
      door: { ...answer.door, total: 5, lists: [{ guestListId: 'artist', name: 'Artist', admitted: 2 }] },
    };
    const after = tallyDoor(next, knownCheckIns(next), local);
    expect(after.door.total).toBe(10);
    expect(after.extraByEntry.has('ada')).toBe(false);
    expect(after.unseen.map((c) => c.id)).toEqual(['w2']);
  });

  it('should take an undo off at once and mark what it takes back', () => {
    const tally = tallyDoor(answer, knownCheckIns(answer), [
      { id: 'u1', entryId: 'ada', guestListId: 'artist', admitted: -1, undoesId: 'a1' },
    ]);
    expect(tally.door.total).toBe(3);
    expect(tally.undone.has('a1')).toBe(true);
    expect(tally.door.lists[0]!.admitted).toBe(0);
  });
});

describe('checkAdmit', () => {
  it('should let a guest in within their allotment without asking', () => {
    expect(checkAdmit('Ada', 3, 1, 2)).toEqual({ confirm: false });
  });

  it('should ask before admitting a guest already fully in, or beyond what is left', () => {
    expect(checkAdmit('Ada', 2, 2, 1)).toMatchObject({ confirm: true, reason: 'fully-admitted' });
    expect(checkAdmit('Ada', 3, 2, 2)).toMatchObject({
      confirm: true,
      reason: 'beyond-allotment',
      message: 'Ada has 1 of 3 left. Admit 2, beyond the allotment?',
    });
  });
});
