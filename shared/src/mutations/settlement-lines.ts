// The settlement sheet's lines (tickets sold, comps, expenses budget vs actual, adjustments) and
// settling the show. Money is the house's and the artist's, so MANAGER and up only: door staff
// count heads, they do not enter what the night cost.
import { z } from 'zod';
import { SettlementLineKind } from '../entities/deals.js';
import { cents, int, text, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation, type Row } from './define.js';
import { editableEvent } from './rules.js';
import { orderedIds, reorderWrites } from './reorder.js';

const label = text({ min: 1, max: 200 });
/** a stadium's worth of tickets and then some; the column is an integer */
const quantity = int({ min: 0, max: 10_000_000 });

/** A cancelled show has nothing to settle, a settled one is final: neither takes line edits. */
async function eventTakingLines(read: Parameters<typeof editableEvent>[0], eventId: string): Promise<Row> {
  const event = await editableEvent(read, eventId);
  if (event.status === 'CANCELLED')
    throw new RuleViolation(`“${String(event.title)}” is cancelled: it has no settlement to enter`);
  return event;
}

/**
 * What each kind of line may hold, judged on the line as it will be (the fields the user left
 * alone included): a ticket price or a cost below zero would be a typo, not a figure, while an
 * adjustment is a correction either way (fees off, parking income on).
 */
function checkLine(line: Row): void {
  const negative = (column: string) => line[column] !== null && Number(line[column]) < 0;
  switch (line.kind) {
    case 'TICKETS':
      if (negative('unit_cents')) throw new RuleViolation('a ticket price must not be negative');
      break;
    case 'EXPENSE':
      if (negative('budget_cents')) throw new RuleViolation('an expense budget must not be negative');
      if (negative('actual_cents')) throw new RuleViolation('an expense actual must not be negative');
      break;
  }
}

export const settlementLineAdd = defineMutation({
  name: 'settlementLine.add',
  minimumRole: 'MANAGER',
  args: z.object({
    /** made by the device, so the optimistic row and the relay's row are the same row */
    id: uuid,
    eventId: uuid,
    kind: SettlementLineKind,
    label,
    quantity,
    unitCents: cents(),
    budgetCents: cents(),
    actualCents: cents().nullable(),
  }),
  subject: (args) => ({ table: 'settlement_lines', id: args.id }),
  describe: (args) => `Add “${args.label}” to the settlement`,
  async plan(args, context, read) {
    await eventTakingLines(read, args.eventId);
    if (await read.get('settlement_lines', args.id))
      throw new RuleViolation('a settlement line with this id already exists');
    const row: Row = {
      id: args.id,
      event_id: args.eventId,
      kind: args.kind,
      label: args.label,
      quantity: args.quantity,
      unit_cents: args.unitCents,
      budget_cents: args.budgetCents,
      actual_cents: args.actualCents,
    };
    checkLine(row);
    const siblings = await read.where('settlement_lines', { event_id: args.eventId }, 'position');
    const last = siblings.at(-1);
    row.position = last ? Number(last.position) + 1 : 0;
    row.created_at = context.at;
    row.updated_at = context.at;
    return [{ op: 'insert', table: 'settlement_lines', row }];
  },
});

/** The column each argument of settlementLine.update sets. */
const columns = {
  kind: 'kind',
  label: 'label',
  quantity: 'quantity',
  unitCents: 'unit_cents',
  budgetCents: 'budget_cents',
  actualCents: 'actual_cents',
} as const;

export const settlementLineUpdate = defineMutation({
  name: 'settlementLine.update',
  minimumRole: 'MANAGER',
  args: z
    .object({
      id: uuid,
      kind: SettlementLineKind.optional(),
      label: label.optional(),
      quantity: quantity.optional(),
      unitCents: cents().optional(),
      budgetCents: cents().optional(),
      actualCents: cents().nullable().optional(),
    })
    .refine((a) => Object.keys(a).length > 1, 'name at least one field to change'),
  subject: (args) => ({ table: 'settlement_lines', id: args.id }),
  describe: (args) => `Edit a settlement line${args.label ? ` (“${args.label}”)` : ''}`,
  async plan(args, context, read) {
    const line = await mustGet(read, 'settlement_lines', args.id, 'the settlement line');
    await eventTakingLines(read, String(line.event_id));
    // only the fields the user touched: another device's edit of the other fields stays
    const set: Row = {};
    for (const [arg, column] of Object.entries(columns)) {
      const value = args[arg as keyof typeof columns];
      if (value !== undefined && value !== line[column]) set[column] = value;
    }
    checkLine({ ...line, ...set });
    if (Object.keys(set).length === 0) return []; // already as the user wants it
    set.updated_at = context.at;
    return [{ op: 'update', table: 'settlement_lines', id: args.id, set }];
  },
});

export const settlementLineRemove = defineMutation({
  name: 'settlementLine.remove',
  minimumRole: 'MANAGER',
  args: z.object({ id: uuid }),
  subject: (args) => ({ table: 'settlement_lines', id: args.id }),
  describe: () => 'Remove a settlement line',
  async plan(args, _context, read) {
    const line = await read.get('settlement_lines', args.id);
    if (!line) return []; // removed already
    await eventTakingLines(read, String(line.event_id));
    return [{ op: 'delete', table: 'settlement_lines', id: args.id }];
  },
});

export const settlementLineReorder = defineMutation({
  name: 'settlementLine.reorder',
  minimumRole: 'MANAGER',
  args: z.object({
    eventId: uuid,
    /** the event's lines in their new order (the sheet prints them so); lines left out keep their place after these */
    lineIds: orderedIds('line'),
  }),
  subject: (args) => ({ table: 'events', id: args.eventId }),
  describe: () => 'Reorder the settlement lines',
  async plan(args, context, read) {
    await eventTakingLines(read, args.eventId);
    const lines = await read.where('settlement_lines', { event_id: args.eventId }, 'position');
    return reorderWrites('settlement_lines', lines, args.lineIds, context.at);
  },
});

export const eventSettle = defineMutation({
  name: 'event.settle',
  minimumRole: 'MANAGER',
  args: z.object({ eventId: uuid }),
  subject: (args) => ({ table: 'events', id: args.eventId }),
  describe: () => 'Settle the show',
  async plan(args, context, read) {
    const event = await mustGet(read, 'events', args.eventId, 'the event');
    // settled already (on another device, maybe): the first settlement stands
    if (event.status === 'SETTLED') return [];
    await eventTakingLines(read, args.eventId);
    // lines may be drafted ahead (a budget), but only a show that is on can be settled
    if (event.status === 'DRAFT')
      throw new RuleViolation(`“${String(event.title)}” is a draft: confirm the show before settling it`);
    const [terms] = await read.where('deal_terms', { event_id: args.eventId });
    if (!terms)
      throw new RuleViolation(`“${String(event.title)}” has no deal terms: there is no payout to settle against`);
    return [{ op: 'update', table: 'events', id: args.eventId, set: { status: 'SETTLED', updated_at: context.at } }];
  },
});
