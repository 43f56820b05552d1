import { describe, expect, it } from 'vitest';
import { editableFields, fieldLabel, retryArguments } from './retry-arguments.js';

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
