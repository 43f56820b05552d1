import { describe, expect, it } from 'vitest';
import type { MutationDefinition, Row } from './define.js';
import { MemoryRows } from './testing/memory-reader.js';
import { findMutation } from './registry.js';
import { roleAtLeast } from '../roles.js';
import {
  eventSettle,
  settlementLineAdd,
  settlementLineRemove,
  settlementLineReorder,
  settlementLineUpdate,
} from './settlement-lines.js';
import { AT, EVENT, context, id } from './testing/fixtures.js';

const LINE = id(1);

function line(extra: Row = {}): Row {
  return {
    id: LINE,
    event_id: EVENT,
    kind: 'EXPENSE',
    label: 'Security',
    quantity: 1,
    unit_cents: 0,
    budget_cents: 30_000,
    actual_cents: null,
    position: 0,
    ...extra,
  };
}

function rows(options: { status?: string; lines?: Row[]; terms?: boolean } = {}) {
  return new MemoryRows({
    events: [{ id: EVENT, title: 'Summer Night', status: options.status ?? 'CONFIRMED' }],
    settlement_lines: options.lines ?? [line()],
    deal_terms: options.terms === false ? [] : [{ id: id(700), event_id: EVENT, deal_type: 'FLAT' }],
  });
}

function run<D extends MutationDefinition>(definition: D, args: unknown, memory = rows()) {
  return definition.plan(definition.args.parse(args), context, memory);
}

const addArgs = {
  id: id(2),
  eventId: EVENT,
  kind: 'TICKETS',
  label: 'General admission',
  quantity: 380,
  unitCents: 2500,
  budgetCents: 0,
  actualCents: null,
};

const settled = { name: 'RuleViolation', message: '“Summer Night” is settled and can no longer be edited' };
const cancelled = { name: 'RuleViolation', message: '“Summer Night” is cancelled: it has no settlement to enter' };

describe('who may touch the money', () => {
  it('should leave settlement lines and settling to managers and owners, never staff or promoters', () => {
    for (const name of ['settlementLine.add', 'settlementLine.update', 'settlementLine.remove', 'event.settle']) {
      const definition = findMutation(name)!;
      expect(definition.minimumRole).toBe('MANAGER');
      expect(roleAtLeast('OWNER', definition.minimumRole)).toBe(true);
      expect(roleAtLeast('STAFF', definition.minimumRole)).toBe(false);
      expect(roleAtLeast('PROMOTER', definition.minimumRole)).toBe(false);
    }
  });
});

describe('settlementLine.add', () => {
  it('should add a line after the last one with every column set', async () => {
    const writes = await run(settlementLineAdd, addArgs, rows({ lines: [line({ position: 4 })] }));
    expect(writes).toEqual([
      {
        op: 'insert',
        table: 'settlement_lines',
        row: {
          id: id(2),
          event_id: EVENT,
          kind: 'TICKETS',
          label: 'General admission',
          quantity: 380,
          unit_cents: 2500,
          budget_cents: 0,
          actual_cents: null,
          position: 5,
          created_at: AT,
          updated_at: AT,
        },
      },
    ]);
  });

  it('should put the first line of an event at position 0', async () => {
    const writes = await run(settlementLineAdd, addArgs, rows({ lines: [] }));
    expect(writes[0]).toMatchObject({ row: { position: 0 } });
  });

  it('should take a negative adjustment (ticketing fees taken off the gross)', async () => {
    const args = {
      ...addArgs,
      kind: 'ADJUSTMENT',
      label: 'Ticketing fees',
      quantity: 1,
      unitCents: 0,
      actualCents: -4200,
    };
    const writes = await run(settlementLineAdd, args);
    expect(writes[0]).toMatchObject({ row: { kind: 'ADJUSTMENT', actual_cents: -4200 } });
  });

  it('should refuse a negative ticket price or expense, naming it', async () => {
    await expect(run(settlementLineAdd, { ...addArgs, unitCents: -2500 })).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'a ticket price must not be negative',
    });
    const expense = { ...addArgs, kind: 'EXPENSE', label: 'Sound', unitCents: 0, budgetCents: 100, actualCents: -1 };
    await expect(run(settlementLineAdd, expense)).rejects.toMatchObject({
      message: 'an expense actual must not be negative',
    });
    await expect(run(settlementLineAdd, { ...expense, budgetCents: -5, actualCents: null })).rejects.toMatchObject({
      message: 'an expense budget must not be negative',
    });
  });

  it('should refuse fractions of a cent, unsafe amounts, a negative quantity and an unknown kind', () => {
    const problems = (args: object) =>
      settlementLineAdd.args
        .safeParse({ ...addArgs, ...args })
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ unitCents: 12.5 })).toEqual(['unitCents: must be a whole number of cents']);
    expect(problems({ budgetCents: 2 ** 60 })).toEqual(['budgetCents: is too large to be handled safely as cents']);
    expect(problems({ quantity: -1 })).toEqual(['quantity: must be at least 0']);
    expect(problems({ quantity: 1.5 })).toEqual(['quantity: must be a whole number']);
    expect(problems({ kind: 'TIPS' })?.[0]).toMatch(/^kind: /);
    expect(problems({ label: '' })?.[0]).toMatch(/^label: /);
  });

  it('should refuse a line on a settled or cancelled event', async () => {
    await expect(run(settlementLineAdd, addArgs, rows({ status: 'SETTLED' }))).rejects.toMatchObject(settled);
    await expect(run(settlementLineAdd, addArgs, rows({ status: 'CANCELLED' }))).rejects.toMatchObject(cancelled);
  });

  it('should refuse an id that is already taken', async () => {
    await expect(run(settlementLineAdd, { ...addArgs, id: LINE })).rejects.toMatchObject({
      message: 'a settlement line with this id already exists',
    });
  });
});

describe('settlementLine.update', () => {
  it('should set only the fields that changed', async () => {
    const writes = await run(settlementLineUpdate, { id: LINE, label: 'Security', actualCents: 41_000 });
    expect(writes).toEqual([
      { op: 'update', table: 'settlement_lines', id: LINE, set: { actual_cents: 41_000, updated_at: AT } },
    ]);
  });

  it('should clear an actual back to the budget', async () => {
    const memory = rows({ lines: [line({ actual_cents: 41_000 })] });
    const writes = await run(settlementLineUpdate, { id: LINE, actualCents: null }, memory);
    expect(writes[0]).toMatchObject({ set: { actual_cents: null } });
  });

  it('should change nothing when the line already reads so', async () => {
    expect(await run(settlementLineUpdate, { id: LINE, budgetCents: 30_000 })).toEqual([]);
  });

  it('should judge the line as it will be: a ticket line may not inherit a negative price', async () => {
    const memory = rows({ lines: [line({ kind: 'ADJUSTMENT', unit_cents: -500 })] });
    await expect(run(settlementLineUpdate, { id: LINE, kind: 'TICKETS' }, memory)).rejects.toMatchObject({
      message: 'a ticket price must not be negative',
    });
  });

  it('should refuse an edit naming no field, a line that is gone, a settled or cancelled event', async () => {
    expect(settlementLineUpdate.args.safeParse({ id: LINE }).success).toBe(false);
    await expect(run(settlementLineUpdate, { id: id(9), label: 'X' })).rejects.toMatchObject({
      message: 'the settlement line no longer exists',
    });
    await expect(
      run(settlementLineUpdate, { id: LINE, label: 'X' }, rows({ status: 'SETTLED' })),
    ).rejects.toMatchObject(settled);
    await expect(
      run(settlementLineUpdate, { id: LINE, label: 'X' }, rows({ status: 'CANCELLED' })),
    ).rejects.toMatchObject(cancelled);
  });
});

describe('settlementLine.remove', () => {
  it('should delete the line, and do nothing when it is gone already', async () => {
    expect(await run(settlementLineRemove, { id: LINE })).toEqual([
      { op: 'delete', table: 'settlement_lines', id: LINE },
    ]);
    expect(await run(settlementLineRemove, { id: id(9) })).toEqual([]);
  });

  it('should refuse on a settled or cancelled event', async () => {
    await expect(run(settlementLineRemove, { id: LINE }, rows({ status: 'SETTLED' }))).rejects.toMatchObject(settled);
    await expect(run(settlementLineRemove, { id: LINE }, rows({ status: 'CANCELLED' }))).rejects.toMatchObject(
      cancelled,
    );
  });
});

describe('settlementLine.reorder', () => {
  const three = () =>
    rows({
      lines: [
        line({ id: id(21), label: 'Security', position: 0 }),
        line({ id: id(22), label: 'Catering', position: 1 }),
        line({ id: id(23), label: 'Runner', position: 2 }),
      ],
    });

  it('should give each line whose place changed its new position, and leave the others alone', async () => {
    expect(await run(settlementLineReorder, { eventId: EVENT, lineIds: [id(22), id(21), id(23)] }, three())).toEqual([
      { op: 'update', table: 'settlement_lines', id: id(22), set: { position: 0, updated_at: AT } },
      { op: 'update', table: 'settlement_lines', id: id(21), set: { position: 1, updated_at: AT } },
    ]);
  });

  it('should keep lines left out after the listed ones, and skip a line removed meanwhile', async () => {
    expect(await run(settlementLineReorder, { eventId: EVENT, lineIds: [id(23), id(99)] }, three())).toEqual([
      { op: 'update', table: 'settlement_lines', id: id(23), set: { position: 0, updated_at: AT } },
      { op: 'update', table: 'settlement_lines', id: id(21), set: { position: 1, updated_at: AT } },
      { op: 'update', table: 'settlement_lines', id: id(22), set: { position: 2, updated_at: AT } },
    ]);
  });

  it('should refuse a line named twice, and a settled or cancelled event', async () => {
    expect(() => settlementLineReorder.args.parse({ eventId: EVENT, lineIds: [id(21), id(21)] })).toThrow(
      'names a line twice',
    );
    await expect(
      run(settlementLineReorder, { eventId: EVENT, lineIds: [id(21)] }, rows({ status: 'SETTLED' })),
    ).rejects.toMatchObject(settled);
    await expect(
      run(settlementLineReorder, { eventId: EVENT, lineIds: [id(21)] }, rows({ status: 'CANCELLED' })),
    ).rejects.toMatchObject(cancelled);
  });
});

describe('event.settle', () => {
  it('should mark an event with deal terms SETTLED', async () => {
    expect(await run(eventSettle, { eventId: EVENT })).toEqual([
      { op: 'update', table: 'events', id: EVENT, set: { status: 'SETTLED', updated_at: AT } },
    ]);
  });

  it('should refuse an event without deal terms, or a cancelled one', async () => {
    await expect(run(eventSettle, { eventId: EVENT }, rows({ terms: false }))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: '“Summer Night” has no deal terms: there is no payout to settle against',
    });
    await expect(run(eventSettle, { eventId: EVENT }, rows({ status: 'CANCELLED' }))).rejects.toMatchObject(cancelled);
  });

  it('should refuse to settle a draft, while its lines may still be entered', async () => {
    const draft = rows({ status: 'DRAFT' });
    await expect(run(eventSettle, { eventId: EVENT }, draft)).rejects.toMatchObject({
      name: 'RuleViolation',
      message: '“Summer Night” is a draft: confirm the show before settling it',
    });
    expect(await run(settlementLineAdd, addArgs, draft)).toHaveLength(1);
  });

  it('should leave a settled event as it is, and freeze it for every later line edit', async () => {
    const memory = rows();
    memory.apply(await run(eventSettle, { eventId: EVENT }, memory));
    expect(await run(eventSettle, { eventId: EVENT }, memory)).toEqual([]);
    await expect(run(settlementLineUpdate, { id: LINE, actualCents: 1 }, memory)).rejects.toMatchObject(settled);
  });
});
