import { describe, expect, it } from 'vitest';
import { eventStatuses, holdStatuses, requestStatuses } from './entities/booking.js';
import { roleLabel, statusLabel } from './labels.js';
import { roles } from './roles.js';

const looksLikeCode = /^[A-Z_]+$|_/;

describe('labels', () => {
  it('should give every status and role words, never the code', () => {
    for (const status of [...requestStatuses, ...eventStatuses]) expect(statusLabel(status)).not.toMatch(looksLikeCode);
    for (const status of holdStatuses) expect(statusLabel(status, 'hold')).not.toMatch(looksLikeCode);
    for (const role of roles) expect(roleLabel(role)).not.toMatch(looksLikeCode);
  });

  it('should read a code by its kind where two kinds would read it differently', () => {
    expect(statusLabel('REVIEW')).toBe('In review');
    expect(statusLabel('SCHEDULED', 'request')).toBe('Scheduled');
    expect(statusLabel('CANCELLED', 'event')).toBe('Cancelled');
    expect(statusLabel('ACTIVE', 'hold')).toBe('Held');
    expect(statusLabel('CONVERTED', 'hold')).toBe('Became the event');
  });

  it('should still write an unknown code as words', () => {
    expect(statusLabel('ON_SALE')).toBe('On sale');
    expect(roleLabel('BOX_OFFICE')).toBe('Box office');
  });
});
