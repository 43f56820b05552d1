import { settleShow } from '@promoteros/shared/settlement';
import { describe, expect, it } from 'vitest';
import { settlementFigures, type SettlementSheet } from './settlement-figures.js';

const line = (
  n: number,
  fields: Partial<SettlementSheet['lines'][number]> & Pick<SettlementSheet['lines'][number], 'kind' | 'label'>,
) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  quantity: 1,
  unitCents: 0,
  budgetCents: 0,
  actualCents: null,
  position: n,
  ...fields,
});

/** a 400-ticket night: two price tiers, comps, two expenses (one with its actual), a fee taken off */
const lines: SettlementSheet['lines'] = [
  line(1, { kind: 'TICKETS', label: 'Advance', quantity: 380, unitCents: 2_500 }),
  line(2, { kind: 'TICKETS', label: 'Door', quantity: 20, unitCents: 3_000 }),
  line(3, { kind: 'COMPS', label: 'Guest list', quantity: 15 }),
  line(4, { kind: 'EXPENSE', label: 'Security', budgetCents: 30_000, actualCents: 41_000 }),
  line(5, { kind: 'EXPENSE', label: 'Sound', budgetCents: 120_000 }),
  line(6, { kind: 'ADJUSTMENT', label: 'Ticketing fees', unitCents: -4_200, actualCents: -4_200 }),
];

const terms = {
  currency: 'USD',
  ticketPriceCents: 2_500,
  sellableCapacity: 450,
  expensesBudgetCents: 150_000,
  bonuses: [] as { atTickets: number; bonusCents: number }[],
};

const versus: SettlementSheet = {
  eventId: '00000000-0000-4000-8000-00000000e001',
  status: 'CONFIRMED',
  terms: {
    ...terms,
    dealType: 'VERSUS',
    guaranteeCents: 500_000,
    artistShareBp: 7_000,
    splitBasis: 'NET',
    promoterProfitBp: 0,
    bonuses: [{ atTickets: 400, bonusCents: 25_000 }],
  },
  lines,
};

const guaranteePlus: SettlementSheet = {
  ...versus,
  terms: {
    ...terms,
    dealType: 'GUARANTEE_PLUS',
    guaranteeCents: 300_000,
    artistShareBp: 8_500,
    splitBasis: 'NET',
    promoterProfitBp: 1_500,
  },
};

/** the shared arithmetic run on the same sheet, as the relay's PDF runs it */
function sheetFigures(sheet: SettlementSheet) {
  const t = sheet.terms!;
  const s = settleShow(
    {
      deal_type: t.dealType,
      currency: t.currency,
      guarantee_cents: t.guaranteeCents,
      artist_share_bp: t.artistShareBp,
      split_basis: t.splitBasis,
      promoter_profit_bp: t.promoterProfitBp,
      sellable_capacity: t.sellableCapacity,
      expenses_budget_cents: t.expensesBudgetCents,
      bonuses: t.bonuses,
    },
    sheet.lines.map((l) => ({
      kind: l.kind,
      label: l.label,
      quantity: l.quantity,
      unit_cents: l.unitCents,
      budget_cents: l.budgetCents,
      actual_cents: l.actualCents,
    })),
  );
  return { net: Number(s.netCents), payout: Number(s.artistPayoutCents), venue: Number(s.promoterResultCents) };
}

describe('the settlement panel figures', () => {
  it('should reckon a versus deal as the sheet does: the 70 % of net beats the guarantee, plus the bonus', () => {
    const figures = settlementFigures(versus)!;
    // gross 380 × $25 + 20 × $30 = $10,100; less $42 of fees; expenses $410 actual + $1,200 budget
    expect(figures).toMatchObject({
      ticketsSold: 400,
      comps: 15,
      overCapacity: false,
      grossCents: 1_010_000,
      adjustmentsCents: -4_200,
      adjustedGrossCents: 1_005_800,
      expensesBudgetCents: 150_000,
      expensesCents: 161_000,
      expensesWithoutActual: 1,
      netCents: 844_800,
      shareCents: 591_360,
      versusSide: 'SHARE',
      bonusCents: 25_000,
      artistPayoutCents: 616_360,
      promoterResultCents: 228_440,
    });
    expect(sheetFigures(versus)).toEqual({ net: 844_800, payout: 616_360, venue: 228_440 });
  });

  it('should reckon a guarantee-plus deal: split point, the share above it rounded half away from zero', () => {
    const figures = settlementFigures(guaranteePlus)!;
    // split point = $1,610 expenses + $3,000 guarantee + 15 % of both ($691.50) = $5,301.50;
    // 85 % of the $4,756.50 above it is $4,043.025, which rounds to $4,043.03
    expect(figures).toMatchObject({
      netCents: 844_800,
      promoterProfitCents: 69_150,
      splitPointCents: 530_150,
      shareCents: 404_303,
      bonusCents: 0,
      artistPayoutCents: 704_303,
      promoterResultCents: 140_497,
    });
    expect(sheetFigures(guaranteePlus)).toEqual({ net: 844_800, payout: 704_303, venue: 140_497 });
  });

  it('should move the payout when an expense actual is entered', () => {
    const withSoundActual: SettlementSheet = {
      ...guaranteePlus,
      lines: lines.map((l) => (l.label === 'Sound' ? { ...l, actualCents: 200_000 } : l)),
    };
    const before = settlementFigures(guaranteePlus)!;
    const after = settlementFigures(withSoundActual)!;
    expect(after.expensesCents).toBe(241_000);
    expect(after.expensesWithoutActual).toBe(0);
    // the split point rises by $800 × 1.15 = $920, so the overage falls by $920 and the share by $782
    expect(after.artistPayoutCents).toBe(before.artistPayoutCents - 78_200);
    expect(after.artistPayoutCents + after.promoterResultCents).toBe(after.netCents);
    expect(sheetFigures(withSoundActual).payout).toBe(after.artistPayoutCents);
  });

  it('should have no figures while the deal has no terms', () => {
    expect(settlementFigures({ ...versus, terms: null })).toBeNull();
  });
});
