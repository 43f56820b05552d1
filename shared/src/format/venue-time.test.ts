import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDayRange,
  formatMonth,
  formatTime,
  formatWallTime,
  formatZoneName,
  sameClock,
} from './venue-time.js';

// 2027-04-23 20:00 in Melbourne (AEST, UTC+10) is 10:00 UTC, 11:00 in London (BST)
const melbourneShow = '2027-04-23T10:00:00.000Z';

describe('venue times', () => {
  it("should write an instant on the venue's clock, whatever the computer's zone", () => {
    expect(formatTime(melbourneShow, 'Australia/Melbourne', 'en-US')).toBe('8:00 PM');
    expect(formatTime(melbourneShow, 'Australia/Melbourne', 'en-GB')).toBe('20:00');
    expect(formatTime(melbourneShow, 'Europe/London', 'en-US')).toBe('11:00 AM');
    expect(formatDateTime(melbourneShow, 'Australia/Melbourne', 'en-US')).toBe('Fri, Apr 23, 2027, 8:00 PM');
    expect(formatDateTime(melbourneShow, 'Australia/Melbourne', 'en-GB')).toBe('Fri, 23 Apr 2027, 20:00');
  });

  it('should name the zone as the locale does when asked', () => {
    expect(formatTime(melbourneShow, 'Australia/Melbourne', 'en-US', true)).toBe('8:00 PM GMT+10');
    expect(formatTime(melbourneShow, 'Australia/Melbourne', 'en-AU', true)).toBe('8:00 pm AEST');
    expect(formatDateTime('2027-01-15T02:00:00Z', 'America/Chicago', 'en-US', true)).toBe(
      'Thu, Jan 14, 2027, 8:00 PM CST',
    );
  });

  it('should write midnight and early hours with two digits on a 24-hour clock', () => {
    expect(formatTime('2027-04-22T14:40:00Z', 'Australia/Melbourne', 'en-GB')).toBe('00:40');
    expect(formatTime('2027-04-22T22:05:00Z', 'Australia/Melbourne', 'de-DE')).toBe('08:05');
    expect(formatTime('2027-04-22T14:40:00Z', 'Australia/Melbourne', 'en-US')).toBe('12:40 AM');
  });

  it('should follow daylight saving: the same wall time, a different offset and name', () => {
    // Chicago: CST (UTC-6) until 2027-03-14 02:00, CDT (UTC-5) after
    expect(formatTime('2027-03-14T07:59:00Z', 'America/Chicago', 'en-US', true)).toBe('1:59 AM CST');
    expect(formatTime('2027-03-14T08:00:00Z', 'America/Chicago', 'en-US', true)).toBe('3:00 AM CDT');
    expect(formatZoneName('2027-07-01T00:00:00Z', 'America/Chicago', 'en-US')).toBe('CDT');
    // the fall-back hour: 1:30 shows twice, once per zone name
    expect(formatTime('2027-11-07T06:30:00Z', 'America/Chicago', 'en-US', true)).toBe('1:30 AM CDT');
    expect(formatTime('2027-11-07T07:30:00Z', 'America/Chicago', 'en-US', true)).toBe('1:30 AM CST');
    // southern hemisphere: Melbourne leaves daylight time in April
    expect(formatZoneName('2027-04-03T12:00:00Z', 'Australia/Melbourne', 'en-AU')).toBe('AEDT');
    expect(formatZoneName('2027-04-05T12:00:00Z', 'Australia/Melbourne', 'en-AU')).toBe('AEST');
  });

  it('should write calendar days and wall times as they are, never shifted by a zone', () => {
    expect(formatDate('2027-04-23', 'en-US')).toBe('Fri, Apr 23, 2027');
    expect(formatDate('2027-04-23', 'en-GB')).toBe('Fri, 23 Apr 2027');
    expect(formatDate('2027-04-23', 'de-DE')).toBe('Fr., 23. Apr. 2027');
    expect(formatDate('2027-01-01', 'en-US', 'short')).toBe('Jan 1');
    expect(formatDate('2027-04-23', 'en-US', 'long')).toBe('Friday, April 23, 2027');
    expect(formatWallTime('15:00', 'en-US')).toBe('3:00 PM');
    expect(formatWallTime('15:00', 'en-GB')).toBe('15:00');
    expect(formatWallTime('00:05', 'en-GB')).toBe('00:05');
    expect(formatMonth('2026-12', 'en-US')).toBe('December 2026');
    expect(formatMonth('2026-12', 'fr-FR')).toBe('décembre 2026');
  });

  it('should write plain spaces only, whatever spaces Intl chose', () => {
    for (const text of [
      formatTime(melbourneShow, 'Australia/Melbourne', 'en-US', true),
      formatDateTime(melbourneShow, 'Australia/Melbourne', 'fr-FR', true),
    ]) {
      expect(text).not.toMatch(/[\u202f\u00a0\u2009]/);
    }
  });

  it('should tell when two zones show the same clock at an instant', () => {
    expect(sameClock(melbourneShow, 'Australia/Melbourne', 'Australia/Melbourne')).toBe(true);
    expect(sameClock(melbourneShow, 'America/New_York', 'America/Detroit')).toBe(true);
    expect(sameClock(melbourneShow, 'Australia/Melbourne', 'Europe/London')).toBe(false);
    // Sydney and Brisbane agree in winter, not in summer (Brisbane keeps no daylight time)
    expect(sameClock('2027-07-01T10:00:00Z', 'Australia/Sydney', 'Australia/Brisbane')).toBe(true);
    expect(sameClock('2027-01-15T10:00:00Z', 'Australia/Sydney', 'Australia/Brisbane')).toBe(false);
  });

  it('should write a week’s columns and a range of days, in the locale’s order', () => {
    expect(formatDate('2027-04-23', 'en-US', 'weekday')).toBe('Fri, Apr 23');
    expect(formatDate('2027-04-23', 'en-GB', 'weekday')).toBe('Fri 23 Apr');
    expect(formatDayRange('2027-04-19', '2027-04-25', 'en-US')).toBe('Apr 19 – 25, 2027');
    expect(formatDayRange('2026-12-28', '2027-01-03', 'en-US')).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(formatDayRange('2027-04-19', '2027-04-25', 'en-GB')).toBe('19 – 25 Apr 2027');
    expect(formatDayRange('2027-04-23', '2027-04-23', 'en-US')).toBe('Apr 23, 2027');
  });
});
