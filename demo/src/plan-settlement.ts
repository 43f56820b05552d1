// A show's settlement sheet: actuals after the show (tickets, comps, expenses), advance sales
// tonight with a door-sales line still to count, and budgets before it. Expenses are itemised as
// the show comes near (the advance); further out, the deal's budget stands in for them
// (settleShow), as it does in the office.
import type { RowOf } from '@promoteros/shared';
import { audit, DAY, HOUR, iso, membersWith } from './plan-types.js';
import { keepTheNightHealthy, type PlannedDeal } from './plan-deal.js';
import type { ShowContext } from './plan-show.js';

/** shows this near have their expenses itemised line by line */
const ITEMISED_DAYS = 21;

// bills in before the night: the advertising is spent and the ticketing platform's fees known
const billedAhead = new Set(['Marketing and advertising', 'Box office and ticketing']);

const expenseLines: ReadonlyArray<readonly [string, number]> = [
  ['Sound and lights', 0.3],
  ['Security', 0.2],
  ['Stagehands and crew', 0.15],
  ['Marketing and advertising', 0.15],
  ['Box office and ticketing', 0.08],
  ['Hospitality and catering', 0.07],
  ['Cleaning', 0.05],
];

export function planSettlement(show: ShowContext, { deal, ticketPrice, sold }: PlannedDeal): void {
  const { r, ev, event, isPast, sellable, clock, plan } = show;
  const org = show.venue.organization;
  const settled = ev.status === 'SETTLED';
  const lines: Array<RowOf<'settlement_lines'>> = [];
  const line = (
    kind: RowOf<'settlement_lines'>['kind'],
    label: string,
    quantity: number,
    unit: number,
    budget: number,
    actual: number | null,
  ) => {
    lines.push({
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      kind,
      label,
      quantity,
      unit_cents: unit,
      budget_cents: budget,
      actual_cents: actual,
      position: lines.length,
      created_at: iso(event.bookedAt),
      updated_at: iso(
        isPast || event.tonight ? Math.min(Date.parse(ev.ends_at) + DAY, clock.anchor - HOUR) : event.bookedAt,
      ),
    });
  };
  const projected = Math.round(sellable * 0.75);
  if (isPast) {
    const advance = Math.round(sold * r.between(0.7, 0.9));
    line('TICKETS', 'Advance tickets', advance, ticketPrice, projected * ticketPrice, advance * ticketPrice);
    line('TICKETS', 'Door sales', sold - advance, ticketPrice + 500, 0, (sold - advance) * (ticketPrice + 500));
    line('COMPS', 'Comps', r.int(20, 80), 0, 0, 0);
  } else if (event.tonight) {
    // the advance is in from the ticketing platform; the door's sales are counted tonight
    line('TICKETS', 'Advance tickets', sold, ticketPrice, projected * ticketPrice, sold * ticketPrice);
    line('TICKETS', 'Door sales', 0, ticketPrice + 500, 0, null);
  }
  const itemised = isPast || show.daysAway <= ITEMISED_DAYS;
  for (const [label, share] of itemised ? expenseLines : []) {
    const budget = Math.round((deal.expenses_budget_cents * share) / 100) * 100;
    const known = isPast ? settled || r.chance(0.6) : event.tonight && billedAhead.has(label);
    const actual = known ? Math.round((budget * r.between(0.85, 1.1)) / 100) * 100 : null;
    line('EXPENSE', label, 1, budget, budget, actual);
  }
  if (isPast && r.chance(0.3)) line('ADJUSTMENT', 'Parking reimbursement', 1, 15_000, 0, 15_000);
  if (event.tonight) keepTheNightHealthy(deal, lines);
  plan.settlement_lines.push(...lines);
  if (settled) {
    audit(plan, clock, {
      organizationId: org.id,
      actor: r.pick(membersWith(org, 'OWNER', 'MANAGER')).userId,
      action: 'settlement.signed_off',
      table: 'events',
      entityId: ev.id,
      at: Date.parse(ev.updated_at),
      details: { title: ev.title },
    });
  }
}
