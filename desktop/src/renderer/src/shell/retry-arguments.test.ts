import { describe, expect, it } from 'vitest';
import { editableFields, fieldLabel, mayOverride, overrideArguments, retryArguments } from './retry-arguments.js';

const args = {
  eventId: '6f0c1a52-3b8e-4d7a-9d61-0d8f3c1f2a10',
  title: 'Late show',
  capacityOverride: 900,
  notes: null,
};

describe('correcting a refused edit', () => {
  it('should offer its text and number fields, not the ids that say which rows it is about', () => {
    expect(editableFields(args)).toEqual([
      ['title', 'Late show'],
      ['capacityOverride', '900'],
    ]);
    expect(editableFields({ eventId: args.eventId, taskIds: [args.eventId] })).toEqual([]);
    expect(editableFields(null)).toEqual([]);
  });

  it('should label fields in words, with their unit', () => {
    expect(fieldLabel('artistName')).toBe('Artist name');
    expect(fieldLabel('guaranteeCents')).toBe('Guarantee (cents)');
    expect(fieldLabel('artistShareBp')).toBe('Artist share (basis points)');
  });

  it('should keep each corrected field to its original type', () => {
    expect(retryArguments(args, { title: 'Early show', capacityOverride: ' 1200 ' })).toEqual({
      ok: true,
      value: { ...args, title: 'Early show', capacityOverride: 1200 },
    });
    expect(retryArguments(args, { capacityOverride: 'lots' })).toEqual({
      ok: false,
      message: 'Capacity override: enter a number',
    });
  });
});

describe('overrideArguments', () => {
  it('should send a refused confirmation again with the reason to override', () => {
    const args = { requestId: 'r', eventId: 'e', title: 'Night' };
    expect(overrideArguments(args, '  The 1st hold agreed to move ')).toEqual({
      ok: true,
      value: { ...args, override: { reason: 'The 1st hold agreed to move' } },
    });
  });

  it('should refuse an empty reason', () => {
    expect(overrideArguments({}, '   ')).toEqual({ ok: false, message: 'Say why the date is confirmed anyway' });
  });

  it('should offer an override only for a confirmation refused by a rule', () => {
    expect(mayOverride({ name: 'request.convertToEvent', code: 'rule' })).toBe(true);
    expect(mayOverride({ name: 'request.convertToEvent', code: 'forbidden' })).toBe(false);
    expect(mayOverride({ name: 'task.update', code: 'rule' })).toBe(false);
  });
});
