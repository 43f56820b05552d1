import { describe, expect, it } from 'vitest';
import { blankLine, lineChanges, lineValues, parseLine } from './settlement-line-changes.js';

const expense = {
  id: '00000000-0000-4000-8000-000000000004',
  kind: 'EXPENSE' as const,
  label: 'Security',
  quantity: 1,
  unitCents: 0,
  budgetCents: 30_000,
  actualCents: null,
  position: 0,
};

describe('a settlement line as typed', () => {
  it('should read dollars as cents, and a blank actual as none yet', () => {
    const values = { ...blankLine('EXPENSE'), label: ' Security ', budget: '300', actual: '' };
    expect(parseLine(values, 'USD')).toEqual({
      fields: { kind: 'EXPENSE', label: 'Security', quantity: 1, unitCents: 0, budgetCents: 30_000, actualCents: null },
    });
    expect(parseLine({ ...values, actual: '$410.50' }, 'USD')).toMatchObject({ fields: { actualCents: 41_050 } });
  });

  it('should take a negative adjustment but not a negative price or cost', () => {
    const fee = { ...blankLine('ADJUSTMENT'), label: 'Ticketing fees', unit: '-42' };
    expect(parseLine(fee, 'USD')).toMatchObject({ fields: { unitCents: -4_200, actualCents: -4_200, quantity: 1 } });
    const tickets = { ...blankLine('TICKETS'), label: 'Door', quantity: '20', unit: '-30' };
    expect(parseLine(tickets, 'USD')).toEqual({ problems: { unit: 'must not be negative' } });
  });

  it('should name each field that does not read', () => {
    const values = { ...blankLine('TICKETS'), label: '', quantity: '1.5', unit: '25.001' };
    expect(parseLine(values, 'USD')).toEqual({
      problems: { label: 'name the line', quantity: 'a whole number, 0 or more', unit: 'at most 2 decimals' },
    });
    expect(parseLine({ ...values, label: 'Door', quantity: '3', unit: '2500.5' }, 'JPY')).toEqual({
      problems: { unit: 'JPY has no cents' },
    });
  });

  it('should show a line in the inputs and send only what changed', () => {
    expect(lineValues({ ...expense, actualCents: 41_000 }, 'USD')).toMatchObject({
      budget: '300.00',
      actual: '410.00',
    });
    const typed = parseLine({ ...lineValues(expense, 'USD'), actual: '410' }, 'USD');
    expect('fields' in typed && lineChanges(expense, typed.fields)).toEqual({ actualCents: 41_000 });
  });
});
