import { describe, expect, it } from 'vitest';
import { settlementAccess } from './settlement-access.js';

describe('who may enter the settlement', () => {
  it('should let managers and owners edit, staff read, and hide it from promoters', () => {
    expect(settlementAccess('OWNER', 'CONFIRMED')).toBe('edit');
    expect(settlementAccess('MANAGER', 'CONFIRMED')).toBe('edit');
    expect(settlementAccess('STAFF', 'CONFIRMED')).toBe('read');
    expect(settlementAccess('PROMOTER', 'CONFIRMED')).toBe('none');
    expect(settlementAccess(undefined, 'CONFIRMED')).toBe('none');
  });

  it('should leave a settled or cancelled show read-only for everyone', () => {
    expect(settlementAccess('OWNER', 'SETTLED')).toBe('read');
    expect(settlementAccess('MANAGER', 'CANCELLED')).toBe('read');
  });
});
