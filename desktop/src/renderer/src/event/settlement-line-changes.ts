// A settlement line as the manager types it (amounts in the deal's currency, as text) and back
// to the cents settlementLine.add / settlementLine.update take. Adjustments may be negative
// (fees taken off the gross); prices and costs may not, as the mutations also insist.
import { moneyInput, parseMoney, type Parsed } from '../format/money.js';
import type { LineKind, SheetLine } from './settlement-figures.js';

export interface LineValues {
  kind: LineKind;
  label: string;
  quantity: string;
  /** the ticket price (TICKETS) or the amount (ADJUSTMENT) */
  unit: string;
  budget: string;
  /** blank: no actual yet, the budget stands in */
  actual: string;
}

export type LineProblems = Partial<Record<keyof LineValues, string>>;

/** what a new line of the kind starts with */
export function blankLine(kind: LineKind): LineValues {
  return {
    kind,
    label: '',
    quantity: kind === 'EXPENSE' || kind === 'ADJUSTMENT' ? '1' : '',
    unit: '',
    budget: '',
    actual: '',
  };
}

/** a signed amount for adjustments: "-42.00" is 4200 cents off */
function parseSigned(text: string, currency: string): Parsed<number> {
  const trimmed = text.trim();
  const negative = /^[-−]/.test(trimmed);
  const parsed = parseMoney(negative ? trimmed.slice(1) : trimmed, currency);
  return parsed.ok && negative ? { ok: true, value: -parsed.value } : parsed;
}

function signedInput(cents: number, currency: string): string {
  return cents < 0 ? `-${moneyInput(-cents, currency)}` : moneyInput(cents, currency);
}

export function lineValues(line: SheetLine, currency: string): LineValues {
  // an adjustment's amount is its actual (quantity × unit only when no actual was entered)
  const adjustmentCents = line.actualCents ?? line.quantity * line.unitCents;
  return {
    kind: line.kind,
    label: line.label,
    quantity: String(line.quantity),
    unit: line.kind === 'ADJUSTMENT' ? signedInput(adjustmentCents, currency) : moneyInput(line.unitCents, currency),
    budget: moneyInput(line.budgetCents, currency),
    actual: line.kind === 'EXPENSE' && line.actualCents !== null ? moneyInput(line.actualCents, currency) : '',
  };
}

export interface LineFields {
  kind: LineKind;
  label: string;
  quantity: number;
  unitCents: number;
  budgetCents: number;
  actualCents: number | null;
}

/** the line's fields in cents, or the problem of each field that does not read */
export function parseLine(values: LineValues, currency: string): { fields: LineFields } | { problems: LineProblems } {
  const problems: LineProblems = {};
  const label = values.label.trim();
  if (!label) problems.label = 'name the line';
  else if ([...label].length > 200) problems.label = 'at most 200 characters';

  const quantityText = values.quantity.trim() || '0';
  const quantity = /^\d{1,8}$/.test(quantityText.replace(/,/g, '')) ? Number(quantityText.replace(/,/g, '')) : NaN;
  if (Number.isNaN(quantity)) problems.quantity = 'a whole number, 0 or more';

  const money = (field: 'unit' | 'budget' | 'actual', signed = false): number | null => {
    const parsed = signed ? parseSigned(values[field], currency) : parseMoney(values[field], currency);
    if (parsed.ok) return parsed.value;
    problems[field] = parsed.message;
    return null;
  };

  let fields: LineFields | undefined;
  switch (values.kind) {
    case 'TICKETS': {
      const unitCents = money('unit');
      fields = { kind: 'TICKETS', label, quantity, unitCents: unitCents ?? 0, budgetCents: 0, actualCents: null };
      break;
    }
    case 'COMPS':
      fields = { kind: 'COMPS', label, quantity, unitCents: 0, budgetCents: 0, actualCents: null };
      break;
    case 'EXPENSE': {
      const budgetCents = money('budget');
      const actualCents = values.actual.trim() === '' ? null : money('actual');
      fields = { kind: 'EXPENSE', label, quantity: 1, unitCents: 0, budgetCents: budgetCents ?? 0, actualCents };
      break;
    }
    case 'ADJUSTMENT': {
      // the amount is entered whole: quantity 1, the amount as the actual (as the sheet reads it)
      const amount = money('unit', true);
      fields = { kind: 'ADJUSTMENT', label, quantity: 1, unitCents: amount ?? 0, budgetCents: 0, actualCents: amount };
      break;
    }
  }
  return Object.keys(problems).length > 0 ? { problems } : { fields };
}

/** the arguments of settlementLine.update: only what differs from the line as it is */
export function lineChanges(line: SheetLine, fields: LineFields): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const pairs = [
    ['kind', line.kind, fields.kind],
    ['label', line.label, fields.label],
    ['quantity', line.quantity, fields.quantity],
    ['unitCents', line.unitCents, fields.unitCents],
    ['budgetCents', line.budgetCents, fields.budgetCents],
    ['actualCents', line.actualCents, fields.actualCents],
  ] as const;
  for (const [name, was, now] of pairs) if (was !== now) changes[name] = now;
  return changes;
}
