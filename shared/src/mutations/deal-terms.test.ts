import { describe, expect, it } from 'vitest';
import { dealTermsSet } from './deal-terms.js';
import type { Row } from './define.js';
import { MemoryRows } from './testing/memory-reader.js';
import { EVENT, AT, context } from './testing/fixtures.js';

const TERMS = '00000000-0000-4000-8000-00000000d001';
const NEW_TERMS = '00000000-0000-4000-8000-00000000d002';

const savedTerms: Row = {
  id: TERMS,
  event_id: EVENT,
  deal_type: 'DOOR_SPLIT',
  currency: 'USD',
  guarantee_cents: 0,
  artist_share_bp: 7000,
  split_basis: 'NET',
  promoter_profit_bp: 0,
  ticket_price_cents: 2500,
  sellable_capacity: 400,
  expenses_budget_cents: 150000,
  bonuses: [],
  notes: null,
  created_at: '2026-05-01T10:00:00+00:00',
  updated_at: '2026-05-01T10:00:00+00:00',
};

function rows(options: { status?: string; terms?: Row[] } = {}) {
  return new MemoryRows({
    events: [{ id: EVENT, title: 'Summer Night', status: options.status ?? 'CONFIRMED' }],
    deal_terms: options.terms ?? [],
  });
}

function set(args: Record<string, unknown>, memory = rows()) {
  return dealTermsSet.plan(
    dealTermsSet.args.parse({ eventId: EVENT, dealTermsId: NEW_TERMS, ...args }),
    context,
    memory,
  );
}

describe('dealTerms.set', () => {
  it('should insert the terms with the table defaults for what the user left out', async () => {
    const writes = await set({ dealType: 'FLAT', guaranteeCents: 250000, notes: 'cash on the night' });
    expect(writes).toEqual([
      {
        op: 'insert',
        table: 'deal_terms',
        row: {
          id: NEW_TERMS,
          event_id: EVENT,
          deal_type: 'FLAT',
          currency: 'USD',
          guarantee_cents: 250000,
          artist_share_bp: 0,
          split_basis: 'NET',
          promoter_profit_bp: 0,
          ticket_price_cents: 0,
          sellable_capacity: null,
          expenses_budget_cents: 0,
          bonuses: [],
          notes: 'cash on the night',
          created_at: AT,
          updated_at: AT,
        },
      },
    ]);
  });

  it('should insert every term the user gave', async () => {
    const writes = await set({
      dealType: 'GUARANTEE_PLUS',
      currency: 'EUR',
      guaranteeCents: '100000',
      artistShareBp: 8500,
      splitBasis: 'GROSS',
      promoterProfitBp: 1500,
      ticketPriceCents: 3000,
      sellableCapacity: 350,
      expensesBudgetCents: 90000,
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      op: 'insert',
      row: {
        deal_type: 'GUARANTEE_PLUS',
        currency: 'EUR',
        guarantee_cents: 100000,
        artist_share_bp: 8500,
        split_basis: 'GROSS',
        promoter_profit_bp: 1500,
        ticket_price_cents: 3000,
        sellable_capacity: 350,
        expenses_budget_cents: 90000,
      },
    });
  });

  it('should update only the given terms of the event’s existing row, keeping its id', async () => {
    const writes = await set({ ticketPriceCents: 2800, sellableCapacity: null }, rows({ terms: [savedTerms] }));
    expect(writes).toEqual([
      {
        op: 'update',
        table: 'deal_terms',
        id: TERMS,
        set: { ticket_price_cents: 2800, sellable_capacity: null, updated_at: AT },
      },
    ]);
  });

  it('should refuse a first save that does not name the deal type', async () => {
    await expect(set({ guaranteeCents: 1000 })).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'choose the deal type before the other terms',
    });
  });

  it('should refuse a new row whose id is already taken', async () => {
    const other = { ...savedTerms, id: NEW_TERMS, event_id: '00000000-0000-4000-8000-00000000e002' };
    await expect(set({ dealType: 'FLAT', guaranteeCents: 1000 }, rows({ terms: [other] }))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'deal terms with this id already exist',
    });
  });

  it('should refuse terms of a settled event', async () => {
    await expect(set({ ticketPriceCents: 1 }, rows({ status: 'SETTLED', terms: [savedTerms] }))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: '“Summer Night” is settled and can no longer be edited',
    });
  });

  it('should refuse terms of an event that no longer exists', async () => {
    await expect(set({ dealType: 'FLAT', guaranteeCents: 1 }, new MemoryRows())).rejects.toMatchObject({
      message: 'the event no longer exists',
    });
  });

  describe('what each deal type needs', () => {
    const needs = {
      FLAT: 'a flat deal needs a guarantee above zero',
      DOOR_SPLIT: 'a door split needs an artist share above zero',
      VERSUS: 'a versus deal needs both a guarantee and an artist share above zero',
      GUARANTEE_PLUS: 'a guarantee-plus deal needs both a guarantee and an artist share above zero',
    };
    // [deal type, guarantee, share, accepted]
    const cases: [keyof typeof needs, number, number, boolean][] = [
      ['FLAT', 0, 0, false],
      ['FLAT', 0, 5000, false],
      ['FLAT', 100, 0, true],
      ['DOOR_SPLIT', 0, 0, false],
      ['DOOR_SPLIT', 100, 0, false],
      ['DOOR_SPLIT', 0, 1, true],
      ['VERSUS', 0, 0, false],
      ['VERSUS', 100, 0, false],
      ['VERSUS', 0, 5000, false],
      ['VERSUS', 100, 5000, true],
      ['GUARANTEE_PLUS', 0, 0, false],
      ['GUARANTEE_PLUS', 100, 0, false],
      ['GUARANTEE_PLUS', 0, 5000, false],
      ['GUARANTEE_PLUS', 100, 5000, true],
    ];

    for (const [dealType, guaranteeCents, artistShareBp, accepted] of cases) {
      it(`should ${accepted ? 'accept' : 'refuse'} a new ${dealType} deal with guarantee ${guaranteeCents} and share ${artistShareBp}`, async () => {
        const planned = set({ dealType, guaranteeCents, artistShareBp });
        if (accepted) await expect(planned).resolves.toHaveLength(1);
        else await expect(planned).rejects.toMatchObject({ name: 'RuleViolation', message: needs[dealType] });
      });
    }

    it('should judge a change of deal type against the terms already saved', async () => {
      // the saved door split has a share but no guarantee
      const memory = rows({ terms: [savedTerms] });
      await expect(set({ dealType: 'VERSUS' }, memory)).rejects.toMatchObject({ message: needs.VERSUS });
      await expect(set({ dealType: 'FLAT' }, memory)).rejects.toMatchObject({ message: needs.FLAT });
      expect(await set({ dealType: 'VERSUS', guaranteeCents: 50000 }, memory)).toEqual([
        {
          op: 'update',
          table: 'deal_terms',
          id: TERMS,
          set: { deal_type: 'VERSUS', guarantee_cents: 50000, updated_at: AT },
        },
      ]);
    });

    it('should refuse removing the share a saved door split pays from', async () => {
      await expect(set({ artistShareBp: 0 }, rows({ terms: [savedTerms] }))).rejects.toMatchObject({
        message: needs.DOOR_SPLIT,
      });
    });
  });

  describe('arguments', () => {
    const refused = (args: Record<string, unknown>) => {
      const result = dealTermsSet.args.safeParse({ eventId: EVENT, dealTermsId: NEW_TERMS, ...args });
      expect(result.success).toBe(false);
      return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };

    it('should refuse ids that are not uuids', () => {
      expect(refused({ eventId: 'e1', dealTermsId: 'd1', dealType: 'FLAT' })).toEqual([
        'eventId: must be a uuid',
        'dealTermsId: must be a uuid',
      ]);
    });

    it('should refuse an unknown deal type and split basis', () => {
      expect(refused({ dealType: 'PERCENT', splitBasis: 'HALF' })).toHaveLength(2);
    });

    it('should refuse a currency that is not three capital letters', () => {
      expect(refused({ currency: 'usd' })).toEqual(['currency: must be a three-letter currency code such as USD']);
    });

    it('should refuse negative money and shares outside 0..10000', () => {
      expect(refused({ guaranteeCents: -1 })).toEqual(['guaranteeCents: must not be negative']);
      expect(refused({ ticketPriceCents: 12.5 })).toEqual(['ticketPriceCents: must be a whole number of cents']);
      expect(refused({ artistShareBp: 10001 })).toEqual(['artistShareBp: must be at most 10000']);
      expect(refused({ promoterProfitBp: -1 })).toEqual(['promoterProfitBp: must be at least 0']);
    });

    it('should refuse a sellable capacity below 1 and notes over 5000 characters', () => {
      expect(refused({ sellableCapacity: 0 })).toEqual(['sellableCapacity: must be at least 1']);
      expect(refused({ notes: 'x'.repeat(5001) })).toEqual(['notes: must be at most 5000 characters']);
    });

    it('should refuse a save that names no term', () => {
      expect(refused({})).toEqual([': name at least one term to set']);
    });
  });
});
