/**
 * The settlement of a show: from the deal terms and the settlement lines to the artist's payout
 * and the promoter's (venue's) result, with the line-by-line explanation printed on the sheet.
 *
 * The deal rules, as docs/domain.md ("Deal terms") describes the trade:
 * - FLAT ("flat guarantee: the artist gets a fixed fee"): the guarantee, whatever the night did.
 * - DOOR_SPLIT ("a percentage of door receipts (gross or net)"): artist_share_bp of the adjusted
 *   gross or of the net, per split_basis. A night that lost money pays 0, never less.
 * - VERSUS ("the greater of a guarantee or a percentage of net"): the larger of the guarantee and
 *   the DOOR_SPLIT share; split_basis is honoured, NET being the trade's usual case.
 * - GUARANTEE_PLUS ("a guarantee plus a percentage above a split point (after expenses and a
 *   promoter profit)"): split point = expenses + guarantee + promoter profit, the promoter profit
 *   being promoter_profit_bp of (expenses + guarantee) as the trade reckons it (the migration's
 *   comment says "of expenses"; the guarantee is part of the promoter's risk, so it is included).
 *   The artist gets the guarantee plus artist_share_bp of what the adjusted gross makes above
 *   the split point (nothing more below it). split_basis does not apply.
 * - Bonuses ("sometimes with bonuses at sales thresholds"), on any deal type: every bonus whose
 *   atTickets the tickets sold reach is added to the payout (they stack, $500 at 1,000 sold and
 *   another $500 at 1,500).
 *
 * The figures:
 * - gross: quantity × unit price over the TICKETS lines; comps are counted, bring in nothing.
 * - adjustments (ADJUSTMENT lines, ±): corrections to the receipts before the deal applies, the
 *   trade's "adjusted gross" (ticketing fees or taxes taken off, parking or other show income
 *   added). Money owed between the two sides outside the deal is not an adjustment.
 * - expenses: each EXPENSE line at its actual cost when entered, else at its budget; with no
 *   EXPENSE lines at all, the deal's expenses_budget_cents (the agreed house nut) stands in.
 * - net = gross + adjustments − expenses; the artist's payout + the promoter's result = net,
 *   exactly: the promoter's result is net − payout, so no rounding can lose or invent a cent.
 *
 * Rounding: integer cents throughout (bigint), one rounding per percentage taken, halves away
 * from zero (see divideRounded for why).
 */
import { DealType, SplitBasis } from '../entities/deals.js';
import { applyDeal } from './apply-deal.js';
import { toCents } from './cents-math.js';
import type { SettlementDealTerms, SettlementLine } from './settlement-inputs.js';
import { tallyLines, type ExpenseItem, type LineTally } from './tally-lines.js';

export interface SheetLine {
  label: string;
  cents: bigint;
}

export interface Settlement {
  dealType: DealType;
  currency: string;
  ticketsSold: number;
  comps: number;
  /** tickets sold + comps beyond the deal's sellable capacity: worth a look before signing */
  overCapacity: boolean;
  grossCents: bigint;
  adjustmentsCents: bigint;
  adjustedGrossCents: bigint;
  expenses: ExpenseItem[];
  expensesBudgetCents: bigint;
  /** what the settlement charges: actuals where entered, budgets elsewhere */
  expensesCents: bigint;
  /** expense lines still at their budget, for want of an actual */
  expensesWithoutActual: number;
  netCents: bigint;
  guaranteeCents: bigint;
  /** the percentage side of DOOR_SPLIT and VERSUS, the overage share of GUARANTEE_PLUS; null for FLAT */
  shareCents: bigint | null;
  /** VERSUS only: which side won (the guarantee on a tie, as it is what was promised) */
  versusSide: 'GUARANTEE' | 'SHARE' | null;
  /** GUARANTEE_PLUS only */
  promoterProfitCents: bigint | null;
  splitPointCents: bigint | null;
  overageCents: bigint | null;
  bonusCents: bigint;
  artistPayoutCents: bigint;
  promoterResultCents: bigint;
  explanation: SheetLine[];
}

function checkTerms(terms: SettlementDealTerms): void {
  if (!DealType.safeParse(terms.deal_type).success) {
    throw new RangeError(`deal_type: must be one of FLAT, DOOR_SPLIT, VERSUS, GUARANTEE_PLUS (got ${terms.deal_type})`);
  }
  if (!SplitBasis.safeParse(terms.split_basis).success) {
    throw new RangeError(`split_basis: must be GROSS or NET (got ${terms.split_basis})`);
  }
  for (const field of ['artist_share_bp', 'promoter_profit_bp'] as const) {
    const bp = terms[field];
    if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) {
      throw new RangeError(`${field}: must be whole basis points from 0 to 10000 (got ${bp})`);
    }
  }
  terms.bonuses.forEach((bonus, index) => {
    if (!Number.isSafeInteger(bonus.atTickets) || bonus.atTickets < 1) {
      throw new RangeError(`bonuses[${index}].atTickets: must be a whole number of at least 1`);
    }
    if (toCents(bonus.bonusCents, `bonuses[${index}].bonusCents`) < 0n) {
      throw new RangeError(`bonuses[${index}].bonusCents: must not be negative`);
    }
  });
}

export function settleShow(terms: SettlementDealTerms, lines: readonly SettlementLine[]): Settlement {
  checkTerms(terms);
  const guaranteeCents = toCents(terms.guarantee_cents, 'guarantee_cents');
  if (guaranteeCents < 0n) throw new RangeError('guarantee_cents: must not be negative');
  const tally = tallyLines(lines);
  const sheet: SheetLine[] = [];

  const { adjustmentsCents, adjustedGrossCents } = receipts(tally, sheet);
  const { expenses, expensesBudgetCents, expensesCents } = chargedExpenses(terms, tally, sheet);
  const netCents = adjustedGrossCents - expensesCents;
  sheet.push({ label: 'Net receipts (adjusted gross less expenses)', cents: netCents });

  const { dealCents, ...deal } = applyDeal(
    terms,
    { guaranteeCents, adjustedGrossCents, expensesCents, netCents },
    sheet,
  );
  const bonusCents = bonuses(terms, tally.ticketsSold, sheet);

  const artistPayoutCents = dealCents + bonusCents;
  const promoterResultCents = netCents - artistPayoutCents;
  sheet.push({ label: 'Artist payout', cents: artistPayoutCents });
  sheet.push({ label: 'Promoter result (net less artist payout)', cents: promoterResultCents });

  const capacity = terms.sellable_capacity;
  return {
    dealType: terms.deal_type,
    currency: terms.currency,
    ticketsSold: tally.ticketsSold,
    comps: tally.comps,
    overCapacity: capacity !== null && tally.ticketsSold + tally.comps > capacity,
    grossCents: tally.grossCents,
    adjustmentsCents,
    adjustedGrossCents,
    expenses,
    expensesBudgetCents,
    expensesCents,
    expensesWithoutActual: expenses.filter((e) => e.actualCents === null).length,
    netCents,
    guaranteeCents,
    shareCents: deal.shareCents,
    versusSide: deal.versusSide,
    promoterProfitCents: deal.promoterProfitCents,
    splitPointCents: deal.splitPointCents,
    overageCents: deal.overageCents,
    bonusCents,
    artistPayoutCents,
    promoterResultCents,
    explanation: sheet,
  };
}

/** The ticket lines, the gross, the comps and the adjustments to it. */
function receipts(tally: LineTally, sheet: SheetLine[]) {
  for (const t of tally.ticketLines) sheet.push({ label: `${t.label} (${t.quantity} tickets)`, cents: t.cents });
  sheet.push({ label: `Gross ticket receipts (${tally.ticketsSold} tickets)`, cents: tally.grossCents });
  sheet.push({ label: `Comps (${tally.comps}, no charge)`, cents: 0n });

  const adjustmentsCents = tally.adjustments.reduce((sum, a) => sum + a.cents, 0n);
  const adjustedGrossCents = tally.grossCents + adjustmentsCents;
  if (tally.adjustments.length > 0) {
    for (const a of tally.adjustments) sheet.push({ label: `Adjustment: ${a.label}`, cents: a.cents });
    sheet.push({ label: 'Adjusted gross', cents: adjustedGrossCents });
  }
  return { adjustmentsCents, adjustedGrossCents };
}

/** The expense lines at actual or budget; without any, the deal's expenses budget stands in. */
function chargedExpenses(terms: SettlementDealTerms, tally: LineTally, sheet: SheetLine[]) {
  const expenses: ExpenseItem[] =
    tally.expenses.length > 0
      ? tally.expenses
      : [
          {
            label: 'Expenses as budgeted in the deal',
            budgetCents: toCents(terms.expenses_budget_cents, 'expenses_budget_cents'),
            actualCents: null,
            appliedCents: toCents(terms.expenses_budget_cents, 'expenses_budget_cents'),
          },
        ];
  const expensesBudgetCents = expenses.reduce((sum, e) => sum + e.budgetCents, 0n);
  const expensesCents = expenses.reduce((sum, e) => sum + e.appliedCents, 0n);
  for (const e of expenses) {
    sheet.push({
      label: `Expense: ${e.label} (${e.actualCents === null ? 'budget' : 'actual'})`,
      cents: e.appliedCents,
    });
  }
  sheet.push({ label: 'Total expenses, budget', cents: expensesBudgetCents });
  sheet.push({ label: 'Total expenses, actual (budget where no actual)', cents: expensesCents });
  return { expenses, expensesBudgetCents, expensesCents };
}

/** Every bonus whose threshold the tickets sold reach, lowest first; they stack. */
function bonuses(terms: SettlementDealTerms, ticketsSold: number, sheet: SheetLine[]): bigint {
  let bonusCents = 0n;
  const reached = terms.bonuses.filter((b) => ticketsSold >= b.atTickets).sort((a, b) => a.atTickets - b.atTickets);
  for (const bonus of reached) {
    const cents = toCents(bonus.bonusCents, 'bonusCents');
    bonusCents += cents;
    sheet.push({ label: `Bonus at ${bonus.atTickets} tickets sold`, cents });
  }
  return bonusCents;
}
