import { describe, expect, it } from 'vitest';
import {
  formatLocalDate,
  formatLocalTime,
  formatMonth,
  formatTimeInZone,
  timeZoneLabel,
  todayInZone,
} from './venue-time.js';

// ICU versions differ in which space they put before AM/PM; compare with plain spaces
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('venue time', () => {
  // 2025-03-15T01:30Z is still the evening of March 14 in Chicago (CDT, UTC-5)
  const instant = '2025-03-15T01:30:00.000Z';

  it("should show an instant on the venue's wall clock, not the computer's", () => {
    expect(plain(formatTimeInZone(instant, 'America/Chicago', 'en-US'))).toBe('8:30 PM');
    expect(formatTimeInZone(instant, 'Europe/Berlin', 'en-GB')).toBe('2:30');
  });

  it("should name today's date as the venue sees it", () => {
    expect(todayInZone('America/Chicago', new Date(instant))).toBe('2025-03-14');
    expect(todayInZone('Asia/Tokyo', new Date(instant))).toBe('2025-03-15');
  });

  it('should label the zone with its name at that instant (daylight time included)', () => {
    expect(timeZoneLabel('America/Chicago', new Date(instant), 'en-US')).toBe('CDT');
    expect(timeZoneLabel('America/Chicago', new Date('2025-01-15T12:00:00Z'), 'en-US')).toBe('CST');
  });

  it('should format venue-time dates and times without shifting them by any zone', () => {
    expect(formatLocalDate('2025-03-14', 'en-US')).toBe('Fri, Mar 14, 2025');
    expect(formatLocalDate('2025-01-01', 'en-US', 'short')).toBe('Jan 1');
    expect(plain(formatLocalTime('19:30', 'en-US'))).toBe('7:30 PM');
    expect(formatLocalTime('00:05', 'en-GB')).toBe('0:05');
    expect(formatMonth('2024-12', 'en-US')).toBe('December 2024');
  });
});
