// Invariants that must hold for any deal and any night, checked over generated inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealTypes, splitBases } from '../entities/deals.js';
import { settleShow } from './settle-show.js';
import type { SettlementDealTerms, SettlementLine } from './settlement-inputs.js';

// cents from small to far beyond 2^53, so rounding and bigint paths both get exercised
const money = fc.oneof(fc.bigInt({ min: 0n, max: 100_000n }), fc.bigInt({ min: 0n, max: 2n ** 70n }));
const signedMoney = fc.oneof(
  fc.bigInt({ min: -100_000n, max: 100_000n }),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);
const bp = fc.integer({ min: 0, max: 10_000 });

const terms: fc.Arbitrary<SettlementDealTerms> = fc.record({
  deal_type: fc.constantFrom(...dealTypes),
  currency: fc.constant('USD'),
  guarantee_cents: money,
  artist_share_bp: bp,
  split_basis: fc.constantFrom(...splitBases),
  promoter_profit_bp: bp,
  ticket_price_cents: money,
  sellable_capacity: fc.option(fc.integer({ min: 1, max: 100_000 })),
  expenses_budget_cents: money,
  bonuses: fc.array(
    fc.record({ atTickets: fc.integer({ min: 1, max: 5_000 }), bonusCents: fc.integer({ min: 0, max: 1_000_000 }) }),
    { maxLength: 3 },
  ),
});

const ticketLine: fc.Arbitrary<SettlementLine> = fc.record({
  kind: fc.constant('TICKETS' as const),
  label: fc.constant('Tickets'),
  quantity: fc.integer({ min: 0, max: 5_000 }),
  unit_cents: money,
  budget_cents: fc.constant(0),
  actual_cents: fc.constant(null),
});

const line: fc.Arbitrary<SettlementLine> = fc.oneof(
  ticketLine,
  fc.record({
    kind: fc.constant('COMPS' as const),
    label: fc.constant('Comps'),
    quantity: fc.integer({ min: 0, max: 500 }),
    unit_cents: fc.constant(0),
    budget_cents: fc.constant(0),
    actual_cents: fc.constant(null),
  }),
  fc.record({
    kind: fc.constant('EXPENSE' as const),
    label: fc.constant('Expense'),
    quantity: fc.constant(1),
    unit_cents: fc.constant(0),
    budget_cents: money,
    actual_cents: fc.option(money),
  }),
  fc.record({
    kind: fc.constant('ADJUSTMENT' as const),
    label: fc.constant('Adjustment'),
    quantity: fc.integer({ min: 0, max: 3 }),
    unit_cents: signedMoney,
    budget_cents: fc.constant(0),
    actual_cents: fc.option(signedMoney),
  }),
);

const lines = fc.array(line, { maxLength: 8 });

/** gross − expenses + adjustments, added up here independently of the code under test */
function expectedTotal(t: SettlementDealTerms, ls: SettlementLine[]): bigint {
  let total = 0n;
  let expenseLines = 0;
  for (const l of ls) {
    if (l.kind === 'TICKETS') total += BigInt(l.quantity) * BigInt(l.unit_cents);
    if (l.kind === 'EXPENSE') {
      expenseLines++;
      total -= BigInt(l.actual_cents ?? l.budget_cents);
    }
    if (l.kind === 'ADJUSTMENT') total += BigInt(l.actual_cents ?? BigInt(l.quantity) * BigInt(l.unit_cents));
  }
  return expenseLines === 0 ? total - BigInt(t.expenses_budget_cents) : total;
}

describe('settleShow: invariants', () => {
  it('should never pay the artist less than nothing', () => {
    fc.assert(fc.property(terms, lines, (t, ls) => settleShow(t, ls).artistPayoutCents >= 0n));
  });

  it('should split exactly gross − expenses + adjustments between artist and promoter, no cent lost', () => {
    fc.assert(
      fc.property(terms, lines, (t, ls) => {
        const s = settleShow(t, ls);
        expect(s.netCents).toBe(expectedTotal(t, ls));
        expect(s.artistPayoutCents + s.promoterResultCents).toBe(expectedTotal(t, ls));
      }),
    );
  });

  it('should pay a versus deal at least its guarantee, and exactly the larger side', () => {
    fc.assert(
      fc.property(terms, lines, (t, ls) => {
        const s = settleShow({ ...t, deal_type: 'VERSUS' }, ls);
        const guarantee = BigInt(t.guarantee_cents);
        expect(s.artistPayoutCents - s.bonusCents).toBeGreaterThanOrEqual(guarantee);
        expect(s.artistPayoutCents - s.bonusCents).toBe(s.shareCents! > guarantee ? s.shareCents : guarantee);
      }),
    );
  });

  it('should pay a flat deal its guarantee and bonuses whatever the night did', () => {
    fc.assert(
      fc.property(terms, lines, (t, ls) => {
        const s = settleShow({ ...t, deal_type: 'FLAT' }, ls);
        expect(s.artistPayoutCents).toBe(BigInt(t.guarantee_cents) + s.bonusCents);
      }),
    );
  });

  it('should pay a guarantee plus deal at least its guarantee, and never above guarantee + the overage', () => {
    fc.assert(
      fc.property(terms, lines, (t, ls) => {
        const s = settleShow({ ...t, deal_type: 'GUARANTEE_PLUS' }, ls);
        const dealPay = s.artistPayoutCents - s.bonusCents;
        expect(dealPay).toBeGreaterThanOrEqual(BigInt(t.guarantee_cents));
        expect(dealPay).toBeLessThanOrEqual(BigInt(t.guarantee_cents) + s.overageCents!);
      }),
    );
  });

  it('should never pay a door split less for selling more tickets', () => {
    fc.assert(
      fc.property(terms, lines, ticketLine, (t, ls, more) => {
        const split = { ...t, deal_type: 'DOOR_SPLIT' as const };
        const before = settleShow(split, ls);
        const after = settleShow(split, [...ls, more]);
        expect(after.ticketsSold).toBeGreaterThanOrEqual(before.ticketsSold);
        expect(after.artistPayoutCents).toBeGreaterThanOrEqual(before.artistPayoutCents);
      }),
    );
  });

  it('should take every percentage within half a cent of the exact share', () => {
    fc.assert(
      fc.property(terms, lines, (t, ls) => {
        const s = settleShow({ ...t, deal_type: 'DOOR_SPLIT', bonuses: [] }, ls);
        const basis = t.split_basis === 'GROSS' ? s.adjustedGrossCents : s.netCents;
        const exactTimes10000 = (basis > 0n ? basis : 0n) * BigInt(t.artist_share_bp);
        const error = s.artistPayoutCents * 10_000n - exactTimes10000;
        expect(error <= 5_000n && error >= -5_000n).toBe(true);
      }),
    );
  });
});
