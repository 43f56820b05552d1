import { describe, expect, it } from 'vitest';
import { addDays, venueDate, venueInstant, weekday } from './venue-time.js';

describe('venue time', () => {
  it('should place a wall-clock time in the venue zone, with the offset of that day', () => {
    // Chicago: CST (-06) in January, CDT (-05) in July
    expect(venueInstant('2025-01-15', '19:00', 'America/Chicago').toISOString()).toBe('2025-01-16T01:00:00.000Z');
    expect(venueInstant('2025-07-15', '19:00', 'America/Chicago').toISOString()).toBe('2025-07-16T00:00:00.000Z');
    // Melbourne is ahead of UTC: 19:00 local is the morning of the same day in UTC
    expect(venueInstant('2025-07-15', '19:00', 'Australia/Melbourne').toISOString()).toBe('2025-07-15T09:00:00.000Z');
    // the day London moves its clocks forward
    expect(venueInstant('2025-03-30', '20:00', 'Europe/London').toISOString()).toBe('2025-03-30T19:00:00.000Z');
  });

  it('should read the venue date of an instant and step calendar dates', () => {
    expect(venueDate(new Date('2025-07-16T00:30:00Z'), 'America/Chicago')).toBe('2025-07-15');
    expect(venueDate(new Date('2025-07-15T20:00:00Z'), 'Australia/Melbourne')).toBe('2025-07-16');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(weekday('2025-07-15')).toBe(2);
  });
});
