// Adds up the settlement lines: what came in at the door, what the show cost, what was corrected.
import { toCents } from './cents-math.js';
import type { SettlementLine } from './settlement-inputs.js';

export interface ExpenseItem {
  label: string;
  budgetCents: bigint;
  /** null until the real cost is entered; the budget then stands in for it */
  actualCents: bigint | null;
  /** what the settlement charges: the actual when known, else the budget */
  appliedCents: bigint;
}

export interface LineTally {
  ticketsSold: number;
  comps: number;
  /** ticket receipts: quantity × unit price over the TICKETS lines */
  grossCents: bigint;
  ticketLines: { label: string; quantity: number; unitCents: bigint; cents: bigint }[];
  expenses: ExpenseItem[];
  adjustments: { label: string; cents: bigint }[];
}

export function tallyLines(lines: readonly SettlementLine[]): LineTally {
  const tally: LineTally = {
    ticketsSold: 0,
    comps: 0,
    grossCents: 0n,
    ticketLines: [],
    expenses: [],
    adjustments: [],
  };
  lines.forEach((line, index) => {
    const field = (column: string) => `lines[${index}].${column}`;
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`${field('quantity')}: must be a whole number, not negative (got ${line.quantity})`);
    }
    switch (line.kind) {
      case 'TICKETS': {
        const unitCents = toCents(line.unit_cents, field('unit_cents'));
        if (unitCents < 0n) throw new RangeError(`${field('unit_cents')}: a ticket price must not be negative`);
        const cents = BigInt(line.quantity) * unitCents;
        tally.ticketsSold += line.quantity;
        tally.grossCents += cents;
        tally.ticketLines.push({ label: line.label, quantity: line.quantity, unitCents, cents });
        break;
      }
      case 'COMPS':
        // comps are counted for the drop count and the sheet, but bring in no money
        tally.comps += line.quantity;
        break;
      case 'EXPENSE': {
        const budgetCents = toCents(line.budget_cents, field('budget_cents'));
        const actualCents = line.actual_cents === null ? null : toCents(line.actual_cents, field('actual_cents'));
        tally.expenses.push({ label: line.label, budgetCents, actualCents, appliedCents: actualCents ?? budgetCents });
        break;
      }
      case 'ADJUSTMENT': {
        // The entered amount is actual_cents; a line without it counts quantity × unit_cents
        // (the demo data fills both the same way). Either may be negative.
        const cents =
          line.actual_cents === null
            ? BigInt(line.quantity) * toCents(line.unit_cents, field('unit_cents'))
            : toCents(line.actual_cents, field('actual_cents'));
        tally.adjustments.push({ label: line.label, cents });
        break;
      }
      default:
        throw new RangeError(
          `${field('kind')}: unknown settlement line kind ${String((line as { kind: unknown }).kind)}`,
        );
    }
  });
  return tally;
}
