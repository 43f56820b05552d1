import { describe, expect, it } from 'vitest';
import type { Role } from '../roles.js';
import type { MutationDefinition, Row } from './define.js';
import {
  guestEntryAdd,
  guestEntryRemove,
  guestEntryUpdate,
  guestListCreate,
  guestListRemove,
  guestListUpdate,
} from './guest-lists.js';
import { MemoryRows } from './testing/memory-reader.js';
import { AT, EVENT, USER, contextAs, id } from './testing/fixtures.js';

const LIST = id(10);
const OTHER_EVENT = id(20);
/** an hour before and after AT, the moment every test edits at */
const BEFORE_AT = '2026-06-01T11:00:00.000Z';
const AFTER_AT = '2026-06-01T13:00:00.000Z';

function entry(n: number, admitCount: number, extra: Row = {}): Row {
  return {
    id: id(n),
    event_id: EVENT,
    guest_list_id: LIST,
    guest_name: `Guest ${n}`,
    admit_count: admitCount,
    ...extra,
  };
}

function rows(options: { list?: Row; entries?: Row[]; checkIns?: Row[]; status?: string } = {}) {
  return new MemoryRows({
    events: [
      { id: EVENT, title: 'Summer Night', status: options.status ?? 'CONFIRMED' },
      { id: OTHER_EVENT, title: 'Winter Night', status: 'CONFIRMED' },
    ],
    guest_lists: [
      {
        id: LIST,
        event_id: EVENT,
        name: 'Band guests',
        kind: 'ARTIST',
        allotment: 10,
        cutoff_at: null,
        ...options.list,
      },
    ],
    guest_list_entries: options.entries ?? [],
    check_ins: options.checkIns ?? [],
  });
}

function run<D extends MutationDefinition>(definition: D, args: unknown, memory: MemoryRows, role: Role = 'STAFF') {
  return definition.plan(definition.args.parse(args), contextAs(role), memory);
}

const add = (n: number, admitCount: number, extra: Record<string, unknown> = {}) => ({
  id: id(n),
  eventId: EVENT,
  guestListId: LIST,
  guestName: `Guest ${n}`,
  admitCount,
  note: null,
  ...extra,
});

const admit = (n: number, entryId: string, admitted: number): Row => ({
  id: id(n),
  event_id: EVENT,
  entry_id: entryId,
  kind: 'ADMIT',
  admitted,
});

describe('guestList.create', () => {
  it('should add a list with its allotment and cutoff', async () => {
    const args = { id: id(11), eventId: EVENT, name: 'Press', kind: 'MEDIA', allotment: 6, cutoffAt: AFTER_AT };
    expect(await run(guestListCreate, args, rows(), 'MANAGER')).toEqual([
      {
        op: 'insert',
        table: 'guest_lists',
        row: {
          id: id(11),
          event_id: EVENT,
          name: 'Press',
          kind: 'MEDIA',
          allotment: 6,
          cutoff_at: AFTER_AT,
          created_at: AT,
          updated_at: AT,
        },
      },
    ]);
  });

  it('should be for managers and owners only', () => {
    expect(guestListCreate.minimumRole).toBe('MANAGER');
    expect(guestListUpdate.minimumRole).toBe('MANAGER');
    expect(guestListRemove.minimumRole).toBe('MANAGER');
  });

  it.each([
    ['SETTLED', '“Summer Night” is settled: its guest list and door count are final'],
    ['CANCELLED', '“Summer Night” is cancelled: there is no door'],
  ])('should refuse a list for a %s event', async (status, message) => {
    const args = { id: id(11), eventId: EVENT, name: 'Press', kind: 'MEDIA', allotment: null, cutoffAt: null };
    await expect(run(guestListCreate, args, rows({ status }), 'OWNER')).rejects.toMatchObject({
      name: 'RuleViolation',
      message,
    });
  });

  it('should refuse an unknown kind with the kinds it takes', () => {
    const parsed = guestListCreate.args.safeParse({ id: id(11), eventId: EVENT, name: 'X', kind: 'VIP' });
    expect(parsed.error?.issues[0]?.message).toBe('must be ARTIST, PROMOTER, COMP, WILL_CALL, MEDIA or OTHER');
  });
});

describe('guestList.update', () => {
  it('should change only the fields named, even lowering the allotment below what is listed', async () => {
    const memory = rows({ entries: [entry(1, 8)] });
    expect(await run(guestListUpdate, { id: LIST, allotment: 4 }, memory, 'MANAGER')).toEqual([
      { op: 'update', table: 'guest_lists', id: LIST, set: { allotment: 4, updated_at: AT } },
    ]);
  });

  it('should refuse a list that no longer exists', async () => {
    await expect(run(guestListUpdate, { id: id(99), name: 'X' }, rows(), 'MANAGER')).rejects.toThrow(
      'the guest list no longer exists',
    );
  });
});

describe('guestList.remove', () => {
  it('should remove the list and its entries by name when nobody on it came in', async () => {
    const memory = rows({ entries: [entry(1, 2), entry(2, 1)] });
    expect(await run(guestListRemove, { id: LIST }, memory, 'MANAGER')).toEqual([
      { op: 'delete', table: 'guest_list_entries', id: id(1) },
      { op: 'delete', table: 'guest_list_entries', id: id(2) },
      { op: 'delete', table: 'guest_lists', id: LIST },
    ]);
  });

  it('should keep a list whose guests were checked in, for the door count', async () => {
    const memory = rows({ entries: [entry(1, 2)], checkIns: [admit(30, id(1), 1)] });
    await expect(run(guestListRemove, { id: LIST }, memory, 'OWNER')).rejects.toThrow(
      '“Band guests” has guests who were checked in: it stays for the door count',
    );
  });

  it('should do nothing for a list removed already', async () => {
    expect(await run(guestListRemove, { id: id(99) }, rows(), 'MANAGER')).toEqual([]);
  });
});

describe('guestEntry.add', () => {
  it('should put the guest on the list, remembering who added them', async () => {
    const writes = await run(guestEntryAdd, add(1, 3, { note: 'at the side door' }), rows());
    expect(writes).toEqual([
      {
        op: 'insert',
        table: 'guest_list_entries',
        row: {
          id: id(1),
          event_id: EVENT,
          guest_list_id: LIST,
          guest_name: 'Guest 1',
          admit_count: 3,
          note: 'at the side door',
          added_by: USER,
          created_at: AT,
          updated_at: AT,
        },
      },
    ]);
  });

  it('should let STAFF fill the list up to its allotment exactly', async () => {
    await expect(run(guestEntryAdd, add(3, 2), rows({ entries: [entry(1, 5), entry(2, 3)] }))).resolves.toHaveLength(1);
  });

  it('should refuse STAFF an entry that takes the list past its allotment, saying how many are left', async () => {
    await expect(run(guestEntryAdd, add(3, 3), rows({ entries: [entry(1, 5), entry(2, 3)] }))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: '“Band guests” would hold 11 admissions, over its allotment of 10 (2 left): ask a manager',
    });
  });

  it.each(['MANAGER', 'OWNER'] as const)('should let %s go past the allotment', async (role) => {
    await expect(
      run(guestEntryAdd, add(3, 3), rows({ entries: [entry(1, 5), entry(2, 3)] }), role),
    ).resolves.toHaveLength(1);
  });

  it('should take any number of guests on a list without an allotment', async () => {
    const memory = rows({ list: { allotment: null }, entries: [entry(1, 100)] });
    await expect(run(guestEntryAdd, add(2, 100), memory)).resolves.toHaveLength(1);
  });

  it('should refuse STAFF after the cutoff', async () => {
    await expect(run(guestEntryAdd, add(1, 1), rows({ list: { cutoff_at: BEFORE_AT } }))).rejects.toThrow(
      '“Band guests” closed at its cutoff: ask a manager to add late names',
    );
  });

  it('should let STAFF add before the cutoff, judged by when they made the edit', async () => {
    await expect(run(guestEntryAdd, add(1, 1), rows({ list: { cutoff_at: AFTER_AT } }))).resolves.toHaveLength(1);
  });

  it.each(['MANAGER', 'OWNER'] as const)('should let %s add after the cutoff', async (role) => {
    await expect(run(guestEntryAdd, add(1, 1), rows({ list: { cutoff_at: BEFORE_AT } }), role)).resolves.toHaveLength(
      1,
    );
  });

  it('should refuse a list of another event', async () => {
    await expect(run(guestEntryAdd, add(1, 1, { eventId: OTHER_EVENT }), rows())).rejects.toThrow(
      '“Band guests” is a list of another event',
    );
  });

  it('should refuse an entry id that is already taken', async () => {
    await expect(run(guestEntryAdd, add(1, 1), rows({ entries: [entry(1, 1)] }))).rejects.toThrow(
      'a guest list entry with this id already exists',
    );
  });

  it('should refuse a settled event', async () => {
    await expect(run(guestEntryAdd, add(1, 1), rows({ status: 'SETTLED' }), 'OWNER')).rejects.toThrow(/is settled/);
  });

  it('should refuse an admit count outside 1..100 by name', () => {
    for (const admitCount of [0, 101, 1.5]) {
      expect(guestEntryAdd.args.safeParse(add(1, admitCount)).error?.issues[0]?.path).toEqual(['admitCount']);
    }
  });
});

describe('guestEntry.update', () => {
  it('should rename without touching the count or the allotment', async () => {
    const memory = rows({ list: { allotment: 1, cutoff_at: BEFORE_AT }, entries: [entry(1, 5)] });
    expect(await run(guestEntryUpdate, { id: id(1), guestName: 'Sam Smith' }, memory)).toEqual([
      { op: 'update', table: 'guest_list_entries', id: id(1), set: { guest_name: 'Sam Smith', updated_at: AT } },
    ]);
  });

  it('should refuse STAFF a raise past the allotment, and let a manager make it', async () => {
    const memory = rows({ entries: [entry(1, 5), entry(2, 4)] });
    await expect(run(guestEntryUpdate, { id: id(1), admitCount: 7 }, memory)).rejects.toThrow(
      '“Band guests” would hold 11 admissions, over its allotment of 10 (1 left): ask a manager',
    );
    await expect(run(guestEntryUpdate, { id: id(1), admitCount: 6 }, memory)).resolves.toHaveLength(1);
    await expect(run(guestEntryUpdate, { id: id(1), admitCount: 7 }, memory, 'MANAGER')).resolves.toHaveLength(1);
  });

  it('should refuse STAFF a raise after the cutoff but let them lower the count', async () => {
    const memory = rows({ list: { cutoff_at: BEFORE_AT }, entries: [entry(1, 3)] });
    await expect(run(guestEntryUpdate, { id: id(1), admitCount: 4 }, memory)).rejects.toThrow(/closed at its cutoff/);
    expect(await run(guestEntryUpdate, { id: id(1), admitCount: 2 }, memory)).toEqual([
      { op: 'update', table: 'guest_list_entries', id: id(1), set: { admit_count: 2, updated_at: AT } },
    ]);
  });

  it('should refuse a count below the admissions already made on the entry', async () => {
    const memory = rows({ entries: [entry(1, 4)], checkIns: [admit(30, id(1), 2), admit(31, id(1), 1)] });
    await expect(run(guestEntryUpdate, { id: id(1), admitCount: 2 }, memory, 'OWNER')).rejects.toThrow(
      'Guest 1 already brought in 3: the entry cannot allot fewer',
    );
    await expect(run(guestEntryUpdate, { id: id(1), admitCount: 3 }, memory)).resolves.toHaveLength(1);
  });

  it('should refuse an edit that names no field', () => {
    expect(guestEntryUpdate.args.safeParse({ id: id(1) }).success).toBe(false);
  });
});

describe('guestEntry.remove', () => {
  it('should let STAFF take a name off before it came in', async () => {
    expect(await run(guestEntryRemove, { id: id(1) }, rows({ entries: [entry(1, 2)] }))).toEqual([
      { op: 'delete', table: 'guest_list_entries', id: id(1) },
    ]);
  });

  it('should keep an entry that was checked in, even if the admit was undone', async () => {
    const undone = { id: id(31), event_id: EVENT, entry_id: id(1), kind: 'UNDO', admitted: -1, undoes_id: id(30) };
    const memory = rows({ entries: [entry(1, 2)], checkIns: [admit(30, id(1), 1), undone] });
    await expect(run(guestEntryRemove, { id: id(1) }, memory, 'OWNER')).rejects.toThrow(
      'Guest 1 was checked in: the entry stays for the door count',
    );
  });

  it('should do nothing for an entry removed already', async () => {
    expect(await run(guestEntryRemove, { id: id(1) }, rows())).toEqual([]);
  });
});
