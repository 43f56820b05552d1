import { describe, expect, it } from 'vitest';
import { settleShow } from './settle-show.js';
import type { SettlementDealTerms, SettlementLine } from './settlement-inputs.js';

function deal(overrides: Partial<SettlementDealTerms> = {}): SettlementDealTerms {
  return {
    deal_type: 'FLAT',
    currency: 'USD',
    guarantee_cents: 0,
    artist_share_bp: 0,
    split_basis: 'NET',
    promoter_profit_bp: 0,
    ticket_price_cents: 2500,
    sellable_capacity: 400,
    expenses_budget_cents: 0,
    bonuses: [],
    ...overrides,
  };
}

const tickets = (label: string, quantity: number, unit: number | bigint | string): SettlementLine => ({
  kind: 'TICKETS',
  label,
  quantity,
  unit_cents: unit,
  budget_cents: 0,
  actual_cents: null,
});
const comps = (quantity: number): SettlementLine => ({
  kind: 'COMPS',
  label: 'Comps',
  quantity,
  unit_cents: 0,
  budget_cents: 0,
  actual_cents: null,
});
const expense = (label: string, budget: number, actual: number | null): SettlementLine => ({
  kind: 'EXPENSE',
  label,
  quantity: 1,
  unit_cents: budget,
  budget_cents: budget,
  actual_cents: actual,
});
const adjustment = (label: string, cents: number): SettlementLine => ({
  kind: 'ADJUSTMENT',
  label,
  quantity: 1,
  unit_cents: cents,
  budget_cents: 0,
  actual_cents: cents,
});

// The night used for the hand-computed figures below:
// 300 advance × $25.00 + 50 at the door × $30.00 = $9,000.00 gross; 20 comps.
// Sound $2,000 budgeted, $2,100 actual; security $1,000 budgeted, no actual yet.
// Expenses charged $3,100.00 (budget $3,000.00); net $5,900.00.
const night: SettlementLine[] = [
  tickets('Advance tickets', 300, 2500),
  tickets('Door sales', 50, 3000),
  comps(20),
  expense('Sound and lights', 200_000, 210_000),
  expense('Security', 100_000, null),
];

describe('settleShow: the night in figures', () => {
  it('should count tickets, comps, gross, expenses budget vs actual, and net', () => {
    const s = settleShow(deal(), night);
    expect(s.ticketsSold).toBe(350);
    expect(s.comps).toBe(20);
    expect(s.grossCents).toBe(900_000n);
    expect(s.adjustmentsCents).toBe(0n);
    expect(s.adjustedGrossCents).toBe(900_000n);
    expect(s.expensesBudgetCents).toBe(300_000n);
    expect(s.expensesCents).toBe(310_000n);
    expect(s.expensesWithoutActual).toBe(1);
    expect(s.netCents).toBe(590_000n);
    expect(s.overCapacity).toBe(false);
  });

  it('should flag tickets and comps beyond the sellable capacity', () => {
    expect(settleShow(deal({ sellable_capacity: 369 }), night).overCapacity).toBe(true);
    expect(settleShow(deal({ sellable_capacity: 370 }), night).overCapacity).toBe(false);
    expect(settleShow(deal({ sellable_capacity: null }), night).overCapacity).toBe(false);
  });

  it("should charge the deal's expense budget when no expense lines were entered", () => {
    const s = settleShow(deal({ expenses_budget_cents: 250_000 }), [tickets('Advance tickets', 100, 2500)]);
    expect(s.expensesCents).toBe(250_000n);
    expect(s.expensesBudgetCents).toBe(250_000n);
    expect(s.netCents).toBe(0n);
    expect(s.explanation).toContainEqual({
      label: 'Expense: Expenses as budgeted in the deal (budget)',
      cents: 250_000n,
    });
  });
});

describe('settleShow: FLAT', () => {
  it('should pay the guarantee and leave the rest to the promoter', () => {
    const s = settleShow(deal({ deal_type: 'FLAT', guarantee_cents: 250_000, artist_share_bp: 8000 }), night);
    expect(s.artistPayoutCents).toBe(250_000n);
    expect(s.promoterResultCents).toBe(340_000n);
    expect(s.shareCents).toBeNull();
    expect(s.splitPointCents).toBeNull();
  });

  it('should still pay the guarantee when expenses are above the gross', () => {
    const s = settleShow(deal({ deal_type: 'FLAT', guarantee_cents: 250_000 }), [
      tickets('Advance tickets', 40, 2500),
      expense('Sound and lights', 200_000, 210_000),
    ]);
    expect(s.netCents).toBe(-110_000n);
    expect(s.artistPayoutCents).toBe(250_000n);
    expect(s.promoterResultCents).toBe(-360_000n);
  });
});

describe('settleShow: DOOR_SPLIT', () => {
  it('should pay the share of net', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 7000, split_basis: 'NET' }), night);
    expect(s.shareCents).toBe(413_000n);
    expect(s.artistPayoutCents).toBe(413_000n);
    expect(s.promoterResultCents).toBe(177_000n);
    expect(s.explanation).toContainEqual({ label: 'Door split: 70% of net', cents: 413_000n });
  });

  it('should pay the share of gross, even when that leaves the promoter below zero', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 7000, split_basis: 'GROSS' }), night);
    expect(s.artistPayoutCents).toBe(630_000n);
    expect(s.promoterResultCents).toBe(-40_000n);
    expect(s.explanation).toContainEqual({ label: 'Door split: 70% of adjusted gross', cents: 630_000n });
  });

  it('should pay 0 of a negative net, never bill the artist', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 8000, split_basis: 'NET' }), [
      tickets('Advance tickets', 40, 2500),
      expense('Sound and lights', 200_000, null),
    ]);
    expect(s.netCents).toBe(-100_000n);
    expect(s.artistPayoutCents).toBe(0n);
    expect(s.promoterResultCents).toBe(-100_000n);
  });

  it('should pay nothing on a night with no sales', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 7000, expenses_budget_cents: 50_000 }), []);
    expect(s.ticketsSold).toBe(0);
    expect(s.grossCents).toBe(0n);
    expect(s.netCents).toBe(-50_000n);
    expect(s.artistPayoutCents).toBe(0n);
    expect(s.promoterResultCents).toBe(-50_000n);
  });

  it('should pay nothing when only comps came in', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 7000, split_basis: 'GROSS' }), [comps(25)]);
    expect(s.comps).toBe(25);
    expect(s.ticketsSold).toBe(0);
    expect(s.grossCents).toBe(0n);
    expect(s.artistPayoutCents).toBe(0n);
    expect(s.explanation).toContainEqual({ label: 'Comps (25, no charge)', cents: 0n });
  });

  it('should pay all of it at 100 % and none of it at 0 %', () => {
    const all = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 10_000, split_basis: 'GROSS' }), night);
    expect(all.artistPayoutCents).toBe(900_000n);
    expect(all.promoterResultCents).toBe(-310_000n);
    const none = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 0 }), night);
    expect(none.artistPayoutCents).toBe(0n);
    expect(none.promoterResultCents).toBe(590_000n);
  });

  it('should round a half cent toward the artist and give the promoter the exact rest', () => {
    // net 3 cents at 50 %: 1.5 cents rounds to 2, the promoter keeps 1, nothing lost
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 5000 }), [tickets('Door sales', 3, 1)]);
    expect(s.artistPayoutCents).toBe(2n);
    expect(s.promoterResultCents).toBe(1n);
  });

  it('should round odd shares to the nearest cent', () => {
    // 33.33 % of $1.50 is 49.995 cents
    const up = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 3333 }), [tickets('Door sales', 1, 150)]);
    expect(up.artistPayoutCents).toBe(50n);
    expect(up.promoterResultCents).toBe(100n);
    // 33.33 % of $1.00 is 33.33 cents
    const down = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 3333 }), [tickets('Door sales', 1, 100)]);
    expect(down.artistPayoutCents).toBe(33n);
    expect(down.promoterResultCents).toBe(67n);
  });
});

describe('settleShow: VERSUS', () => {
  it('should pay the share when it is larger than the guarantee', () => {
    const s = settleShow(deal({ deal_type: 'VERSUS', guarantee_cents: 400_000, artist_share_bp: 7000 }), night);
    expect(s.shareCents).toBe(413_000n);
    expect(s.versusSide).toBe('SHARE');
    expect(s.artistPayoutCents).toBe(413_000n);
    expect(s.promoterResultCents).toBe(177_000n);
    expect(s.explanation).toContainEqual({ label: 'Versus deal pays the larger: the percentage', cents: 413_000n });
  });

  it('should pay the guarantee when it is larger than the share', () => {
    const s = settleShow(deal({ deal_type: 'VERSUS', guarantee_cents: 500_000, artist_share_bp: 7000 }), night);
    expect(s.shareCents).toBe(413_000n);
    expect(s.versusSide).toBe('GUARANTEE');
    expect(s.artistPayoutCents).toBe(500_000n);
    expect(s.promoterResultCents).toBe(90_000n);
  });

  it('should take the share of gross when the basis is GROSS', () => {
    const s = settleShow(
      deal({ deal_type: 'VERSUS', guarantee_cents: 500_000, artist_share_bp: 7000, split_basis: 'GROSS' }),
      night,
    );
    expect(s.shareCents).toBe(630_000n);
    expect(s.artistPayoutCents).toBe(630_000n);
  });

  it('should name the guarantee on a tie', () => {
    const s = settleShow(deal({ deal_type: 'VERSUS', guarantee_cents: 413_000, artist_share_bp: 7000 }), night);
    expect(s.versusSide).toBe('GUARANTEE');
    expect(s.artistPayoutCents).toBe(413_000n);
  });

  it('should pay the guarantee when expenses are above the gross', () => {
    const s = settleShow(deal({ deal_type: 'VERSUS', guarantee_cents: 150_000, artist_share_bp: 8000 }), [
      tickets('Advance tickets', 40, 2500),
      expense('Sound and lights', 200_000, 250_000),
    ]);
    expect(s.netCents).toBe(-150_000n);
    expect(s.shareCents).toBe(0n);
    expect(s.artistPayoutCents).toBe(150_000n);
    expect(s.promoterResultCents).toBe(-300_000n);
  });
});

describe('settleShow: GUARANTEE_PLUS', () => {
  const terms = deal({
    deal_type: 'GUARANTEE_PLUS',
    guarantee_cents: 200_000,
    artist_share_bp: 8500,
    promoter_profit_bp: 1500,
  });

  it('should pay the guarantee plus the share above the split point', () => {
    // split point: $3,100 expenses + $2,000 guarantee + 15 % of $5,100 ($765) = $5,865
    // above it: $9,000 − $5,865 = $3,135, of which 85 % = $2,664.75
    const s = settleShow(terms, night);
    expect(s.promoterProfitCents).toBe(76_500n);
    expect(s.splitPointCents).toBe(586_500n);
    expect(s.overageCents).toBe(313_500n);
    expect(s.shareCents).toBe(266_475n);
    expect(s.artistPayoutCents).toBe(466_475n);
    // the promoter keeps its profit and 15 % of the overage
    expect(s.promoterResultCents).toBe(123_525n);
    expect(s.explanation).toEqual(
      expect.arrayContaining([
        { label: 'Promoter profit (15% of expenses and guarantee)', cents: 76_500n },
        { label: 'Split point (expenses + guarantee + promoter profit)', cents: 586_500n },
        { label: "Artist's 85% above the split point", cents: 266_475n },
      ]),
    );
  });

  it('should pay the guarantee alone below the split point', () => {
    const s = settleShow(terms, [
      tickets('Advance tickets', 200, 2500),
      expense('Sound and lights', 200_000, 210_000),
      expense('Security', 100_000, null),
    ]);
    expect(s.grossCents).toBe(500_000n);
    expect(s.splitPointCents).toBe(586_500n);
    expect(s.overageCents).toBe(0n);
    expect(s.artistPayoutCents).toBe(200_000n);
    expect(s.promoterResultCents).toBe(-10_000n);
  });

  it('should pay the guarantee alone exactly at the split point', () => {
    const s = settleShow(terms, [tickets('Door sales', 1, 586_500), expense('Sound and lights', 310_000, null)]);
    expect(s.overageCents).toBe(0n);
    expect(s.artistPayoutCents).toBe(200_000n);
    expect(s.promoterResultCents).toBe(76_500n);
  });

  it('should leave the promoter exactly its profit at a 100 % share', () => {
    const s = settleShow({ ...terms, artist_share_bp: 10_000 }, night);
    expect(s.artistPayoutCents).toBe(513_500n);
    expect(s.promoterResultCents).toBe(76_500n);
  });

  it('should pay only the guarantee at a 0 % share', () => {
    const s = settleShow({ ...terms, artist_share_bp: 0 }, night);
    expect(s.artistPayoutCents).toBe(200_000n);
  });
});

describe('settleShow: bonuses', () => {
  const bonuses = [
    { atTickets: 400, bonusCents: 100_000 },
    { atTickets: 300, bonusCents: 50_000 },
  ];

  it('should add every bonus whose threshold the sales reached, and stack them', () => {
    const s = settleShow(deal({ deal_type: 'FLAT', guarantee_cents: 250_000, bonuses }), night);
    expect(s.bonusCents).toBe(50_000n);
    expect(s.artistPayoutCents).toBe(300_000n);
    expect(s.promoterResultCents).toBe(290_000n);
    const sellOut = settleShow(deal({ deal_type: 'FLAT', guarantee_cents: 250_000, bonuses }), [
      ...night,
      tickets('Door sales, late', 50, 3000),
    ]);
    expect(sellOut.ticketsSold).toBe(400);
    expect(sellOut.bonusCents).toBe(150_000n);
    expect(sellOut.explanation.filter((l) => l.label.startsWith('Bonus')).map((l) => l.label)).toEqual([
      'Bonus at 300 tickets sold',
      'Bonus at 400 tickets sold',
    ]);
  });
});

describe('settleShow: adjustments', () => {
  it('should correct the receipts before the deal applies (adjusted gross)', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 7000, split_basis: 'NET' }), [
      ...night,
      adjustment('Ticketing fees', -20_000),
      adjustment('Parking income', 15_000),
    ]);
    expect(s.adjustmentsCents).toBe(-5_000n);
    expect(s.adjustedGrossCents).toBe(895_000n);
    expect(s.netCents).toBe(585_000n);
    expect(s.artistPayoutCents).toBe(409_500n);
    expect(s.artistPayoutCents + s.promoterResultCents).toBe(585_000n);
    expect(s.explanation).toContainEqual({ label: 'Adjustment: Ticketing fees', cents: -20_000n });
  });

  it('should take an adjustment without an actual as quantity × unit', () => {
    const s = settleShow(deal(), [
      { kind: 'ADJUSTMENT', label: 'Bar rebate', quantity: 3, unit_cents: -700, budget_cents: 0, actual_cents: null },
    ]);
    expect(s.adjustmentsCents).toBe(-2_100n);
  });

  it('should let an adjustment lower the gross basis of a door split too', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 5000, split_basis: 'GROSS' }), [
      tickets('Door sales', 10, 1000),
      adjustment('Sales tax', -1_001),
    ]);
    // 50 % of $89.99 = 4499.5 cents, rounded away from zero
    expect(s.artistPayoutCents).toBe(4_500n);
    expect(s.promoterResultCents).toBe(4_499n);
  });
});

describe('settleShow: large numbers', () => {
  it('should settle beyond 2^53 cents without losing a cent', () => {
    // 2^53 + 1 cents a ticket: a number would silently hold 2^53
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 5000, split_basis: 'GROSS' }), [
      tickets('Door sales', 3, 9_007_199_254_740_993n),
    ]);
    expect(s.grossCents).toBe(27_021_597_764_222_979n);
    expect(s.artistPayoutCents).toBe(13_510_798_882_111_490n);
    expect(s.promoterResultCents).toBe(13_510_798_882_111_489n);
  });

  it('should multiply large safe numbers exactly', () => {
    const s = settleShow(deal({ deal_type: 'DOOR_SPLIT', artist_share_bp: 7000, split_basis: 'GROSS' }), [
      tickets('Stadium', 2_000_000_000, '9007199254740991'),
    ]);
    expect(s.grossCents).toBe(18_014_398_509_481_982_000_000_000n);
    expect(s.artistPayoutCents).toBe(12_610_078_956_637_387_400_000_000n);
  });
});

describe('settleShow: a night with no sales at all', () => {
  // nothing sold, nothing entered: the deal's expense budget (2,000.00) stands in for expenses
  const nothing: SettlementLine[] = [];
  const terms = {
    guarantee_cents: 150_000,
    artist_share_bp: 8000,
    promoter_profit_bp: 1000,
    expenses_budget_cents: 200_000,
  };

  it('should pay each deal what it promises without sales, and leave the promoter the whole loss', () => {
    const paid = (dealType: 'FLAT' | 'DOOR_SPLIT' | 'VERSUS' | 'GUARANTEE_PLUS') => {
      const s = settleShow(deal({ ...terms, deal_type: dealType }), nothing);
      expect(s.ticketsSold).toBe(0);
      expect(s.grossCents).toBe(0n);
      expect(s.netCents).toBe(-200_000n);
      expect(s.artistPayoutCents + s.promoterResultCents).toBe(-200_000n);
      return s.artistPayoutCents;
    };
    expect(paid('FLAT')).toBe(150_000n);
    expect(paid('DOOR_SPLIT')).toBe(0n);
    expect(paid('VERSUS')).toBe(150_000n);
    expect(paid('GUARANTEE_PLUS')).toBe(150_000n);
  });

  it('should put the split point above an empty house and pay nothing over it', () => {
    // split point: 2,000.00 expenses + 1,500.00 guarantee + 10 % of 3,500.00 = 3,850.00
    const s = settleShow(deal({ ...terms, deal_type: 'GUARANTEE_PLUS' }), nothing);
    expect(s.splitPointCents).toBe(385_000n);
    expect(s.overageCents).toBe(0n);
    expect(s.shareCents).toBe(0n);
  });
});

describe('settleShow: refusals', () => {
  it('should refuse fractions of a cent, naming the line and column', () => {
    expect(() => settleShow(deal(), [tickets('Door sales', 1, 12.5)])).toThrow(
      'lines[0].unit_cents: must be a whole number of cents',
    );
    expect(() => settleShow(deal({ guarantee_cents: 0.5 }), [])).toThrow(/guarantee_cents/);
  });

  it('should refuse shares outside 0–100 %', () => {
    expect(() => settleShow(deal({ artist_share_bp: 10_001 }), [])).toThrow(/artist_share_bp/);
    expect(() => settleShow(deal({ promoter_profit_bp: -1 }), [])).toThrow(/promoter_profit_bp/);
  });

  it('should refuse a negative guarantee, ticket price or quantity', () => {
    expect(() => settleShow(deal({ guarantee_cents: -1 }), [])).toThrow('guarantee_cents: must not be negative');
    expect(() => settleShow(deal(), [tickets('Door sales', 1, -100)])).toThrow(/lines\[0\]\.unit_cents/);
    expect(() => settleShow(deal(), [tickets('Door sales', -1, 100)])).toThrow(/lines\[0\]\.quantity/);
  });

  it('should refuse an unknown deal type or basis', () => {
    expect(() => settleShow(deal({ deal_type: 'BACKEND' as never }), [])).toThrow(/deal_type/);
    expect(() => settleShow(deal({ split_basis: 'HALF' as never }), [])).toThrow(/split_basis/);
  });
});

describe('settleShow: the sheet', () => {
  it('should explain the night line by line, ending with payout and result', () => {
    const s = settleShow(deal({ deal_type: 'VERSUS', guarantee_cents: 400_000, artist_share_bp: 7000 }), night);
    expect(s.explanation).toEqual([
      { label: 'Advance tickets (300 tickets)', cents: 750_000n },
      { label: 'Door sales (50 tickets)', cents: 150_000n },
      { label: 'Gross ticket receipts (350 tickets)', cents: 900_000n },
      { label: 'Comps (20, no charge)', cents: 0n },
      { label: 'Expense: Sound and lights (actual)', cents: 210_000n },
      { label: 'Expense: Security (budget)', cents: 100_000n },
      { label: 'Total expenses, budget', cents: 300_000n },
      { label: 'Total expenses, actual (budget where no actual)', cents: 310_000n },
      { label: 'Net receipts (adjusted gross less expenses)', cents: 590_000n },
      { label: 'Guarantee', cents: 400_000n },
      { label: 'Versus: 70% of net', cents: 413_000n },
      { label: 'Versus deal pays the larger: the percentage', cents: 413_000n },
      { label: 'Artist payout', cents: 413_000n },
      { label: 'Promoter result (net less artist payout)', cents: 177_000n },
    ]);
  });
});
