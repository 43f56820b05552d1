import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../common/command-map.js';
import { dealChanges, dealFormValues, prefilledFromRequest } from './deal-changes.js';

const deal: NonNullable<CommandResult<'events.get'>['deal']> = {
  id: '0b7a6c2e-8d4f-4a1b-9c3d-2e5f6a7b8c9d',
  dealType: 'VERSUS',
  currency: 'USD',
  guaranteeCents: 150_000,
  artistShareBp: 8_500,
  splitBasis: 'NET',
  ticketPriceCents: 3_500,
  expensesBudgetCents: 420_050,
  notes: null,
};

describe('the deal form', () => {
  it('should show cents as dollars and basis points as percent', () => {
    expect(dealFormValues(deal)).toEqual({
      dealType: 'VERSUS',
      currency: 'USD',
      guarantee: '1500.00',
      artistShare: '85',
      splitBasis: 'NET',
      ticketPrice: '35.00',
      expensesBudget: '4200.50',
      notes: '',
    });
  });

  it('should send only the terms that changed, in cents and basis points', () => {
    const values = { ...dealFormValues(deal), guarantee: '$2,000', artistShare: '82.5' };
    expect(dealChanges(deal, values)).toEqual({ ok: true, changes: { guaranteeCents: 200_000, artistShareBp: 8_250 } });
  });

  it('should send every term for an event without a deal', () => {
    const values = { ...dealFormValues(null), guarantee: '750', currency: 'gbp' };
    expect(dealChanges(null, values)).toEqual({
      ok: true,
      changes: {
        dealType: 'FLAT',
        currency: 'GBP',
        splitBasis: 'NET',
        notes: null,
        guaranteeCents: 75_000,
        ticketPriceCents: 0,
        expensesBudgetCents: 0,
        artistShareBp: 0,
      },
    });
  });

  it('should start a deal not made yet from the request: its budget’s lower end as the guarantee, its deal notes as the notes', () => {
    const request = { reference: 'RQ-7KD2', budgetMinCents: 250_000, budgetMaxCents: 400_000, dealNotes: 'Versus 80%' };
    expect(dealFormValues(null, request)).toMatchObject({
      guarantee: '2500.00',
      notes: 'Versus 80%',
      dealType: 'FLAT',
    });
    expect(dealFormValues(null, { ...request, budgetMinCents: null })).toMatchObject({ guarantee: '4000.00' });
    expect(prefilledFromRequest(null, request)).toBe(true);
    // the saved deal wins over the request; a request that said nothing prefills nothing
    expect(dealFormValues(deal, request)).toMatchObject({ guarantee: '1500.00', notes: '' });
    expect(prefilledFromRequest(deal, request)).toBe(false);
    const silent = { reference: 'RQ-7KD2', budgetMinCents: null, budgetMaxCents: null, dealNotes: ' ' };
    expect(dealFormValues(null, silent)).toMatchObject({ guarantee: '', notes: '' });
    expect(prefilledFromRequest(null, silent)).toBe(false);
    expect(prefilledFromRequest(null, null)).toBe(false);
  });

  it('should name the fields that are not amounts', () => {
    const values = { ...dealFormValues(deal), guarantee: '12.345', artistShare: '120', currency: 'XX' };
    expect(dealChanges(deal, values)).toEqual({
      ok: false,
      problems: {
        currency: 'a currency code such as USD',
        guarantee: 'at most 2 decimals',
        artistShare: 'must be at most 100%',
      },
    });
  });
});
