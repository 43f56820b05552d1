import { describe, expect, it } from 'vitest';
import { venueDate, venueInstant, venueWallClock } from './venue-clock.js';

const at = (date: string, time: string, zone: string) => venueInstant(date, time, zone).toISOString();

describe('the venue clock', () => {
  it('should read the fall-back hour as its first showing, west and east of UTC alike', () => {
    // 01:30 happens twice on these nights; the first is still on summer time
    expect(at('2026-11-01', '01:30', 'America/Chicago')).toBe('2026-11-01T06:30:00.000Z');
    expect(at('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-04-05', '02:30', 'Australia/Melbourne')).toBe('2026-04-04T15:30:00.000Z');
  });

  it('should move a time the spring-forward change skips to after the gap', () => {
    expect(at('2026-03-08', '02:30', 'America/Chicago')).toBe('2026-03-08T08:30:00.000Z'); // 03:30 CDT
    expect(at('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(at('2026-10-04', '02:30', 'Australia/Melbourne')).toBe('2026-10-03T16:30:00.000Z'); // 03:30 AEDT
  });

  it('should give back the wall time it was given, for every quarter hour of a changeover day', () => {
    for (const [zone, date] of [
      ['America/Chicago', '2026-11-01'],
      ['Europe/London', '2026-10-25'],
      ['Australia/Melbourne', '2026-04-05'],
      ['Asia/Kolkata', '2026-06-01'],
    ] as const) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const instant = venueInstant(date, time, zone);
        expect(venueWallClock(instant, zone)).toEqual({ date, time });
        expect(venueDate(instant, zone)).toBe(date);
      }
    }
  });
});
