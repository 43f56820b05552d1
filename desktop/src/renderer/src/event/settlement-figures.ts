// The settlement panel's figures: the shared arithmetic (settleShow) over the sheet the panel
// shows, so the panel and the PDF the relay draws can never disagree by a cent. Amounts leave
// here as numbers of cents for formatMoney; the lines' cents are safe integers (the mutations and
// the columns' checks keep them so), and any sum of them a venue can reach stays below 2^53.
import { settleShow, type Settlement } from '@promoteros/shared/settlement';
import type { CommandResult } from '../../../common/command-map.js';

export type SettlementSheet = CommandResult<'settlement.get'>;
export type SheetLine = SettlementSheet['lines'][number];
export type LineKind = SheetLine['kind'];

export interface SettlementFigures {
  currency: string;
  ticketsSold: number;
  comps: number;
  overCapacity: boolean;
  grossCents: number;
  adjustmentsCents: number;
  adjustedGrossCents: number;
  expensesBudgetCents: number;
  /** actuals where entered, budgets elsewhere */
  expensesCents: number;
  expensesWithoutActual: number;
  netCents: number;
  guaranteeCents: number;
  shareCents: number | null;
  versusSide: Settlement['versusSide'];
  promoterProfitCents: number | null;
  splitPointCents: number | null;
  bonusCents: number;
  artistPayoutCents: number;
  /** the venue's (promoter's) share: net less the artist's payout */
  promoterResultCents: number;
}

const cents = (value: bigint) => Number(value);
const centsOrNull = (value: bigint | null) => (value === null ? null : Number(value));

/** The figures of the night, or null while the deal has no terms (there is nothing to apply). */
export function settlementFigures(sheet: SettlementSheet): SettlementFigures | null {
  const terms = sheet.terms;
  if (!terms) return null;
  const settlement = settleShow(
    {
      deal_type: terms.dealType,
      currency: terms.currency,
      guarantee_cents: terms.guaranteeCents,
      artist_share_bp: terms.artistShareBp,
      split_basis: terms.splitBasis,
      promoter_profit_bp: terms.promoterProfitBp,
      ticket_price_cents: terms.ticketPriceCents,
      sellable_capacity: terms.sellableCapacity,
      expenses_budget_cents: terms.expensesBudgetCents,
      bonuses: terms.bonuses,
    },
    sheet.lines.map((line) => ({
      kind: line.kind,
      label: line.label,
      quantity: line.quantity,
      unit_cents: line.unitCents,
      budget_cents: line.budgetCents,
      actual_cents: line.actualCents,
    })),
  );
  return {
    currency: settlement.currency,
    ticketsSold: settlement.ticketsSold,
    comps: settlement.comps,
    overCapacity: settlement.overCapacity,
    grossCents: cents(settlement.grossCents),
    adjustmentsCents: cents(settlement.adjustmentsCents),
    adjustedGrossCents: cents(settlement.adjustedGrossCents),
    expensesBudgetCents: cents(settlement.expensesBudgetCents),
    expensesCents: cents(settlement.expensesCents),
    expensesWithoutActual: settlement.expensesWithoutActual,
    netCents: cents(settlement.netCents),
    guaranteeCents: cents(settlement.guaranteeCents),
    shareCents: centsOrNull(settlement.shareCents),
    versusSide: settlement.versusSide,
    promoterProfitCents: centsOrNull(settlement.promoterProfitCents),
    splitPointCents: centsOrNull(settlement.splitPointCents),
    bonusCents: cents(settlement.bonusCents),
    artistPayoutCents: cents(settlement.artistPayoutCents),
    promoterResultCents: cents(settlement.promoterResultCents),
  };
}

/** The kinds in the order the sheet groups them, with their headings. */
export const lineGroups: readonly { kind: LineKind; title: string }[] = [
  { kind: 'TICKETS', title: 'Tickets' },
  { kind: 'COMPS', title: 'Comps' },
  { kind: 'EXPENSE', title: 'Expenses' },
  { kind: 'ADJUSTMENT', title: 'Adjustments' },
];
