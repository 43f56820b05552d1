import { describe, expect, it } from 'vitest';
import { addDays, instantInZone, scheduleInstants, scheduleTimes, todayInZone, wallClockInZone } from './venue-time.js';

describe('venue time', () => {
  // 2025-03-15T01:30Z is still the evening of March 14 in Chicago (CDT, UTC-5)
  const instant = '2025-03-15T01:30:00.000Z';

  it("should name today's date as the venue sees it", () => {
    expect(todayInZone('America/Chicago', new Date(instant))).toBe('2025-03-14');
    expect(todayInZone('Asia/Tokyo', new Date(instant))).toBe('2025-03-15');
  });
});

describe('typing venue times', () => {
  it('should read a typed time on the venue’s clock, not the computer’s', () => {
    expect(instantInZone('2025-03-14', '19:30', 'America/Chicago')).toBe('2025-03-15T00:30:00.000Z');
    expect(instantInZone('2025-07-01', '20:00', 'Europe/London')).toBe('2025-07-01T19:00:00.000Z');
    expect(instantInZone('2025-01-10', '20:00', 'Australia/Melbourne')).toBe('2025-01-10T09:00:00.000Z');
  });

  it('should move a time the clock skips in spring forward by the hour that went missing', () => {
    // Chicago went from 2:00 CST to 3:00 CDT on 2025-03-09: 2:30 never showed on the wall
    expect(instantInZone('2025-03-09', '02:30', 'America/Chicago')).toBe('2025-03-09T08:30:00.000Z');
    expect(wallClockInZone('2025-03-09T08:30:00.000Z', 'America/Chicago')).toEqual({
      date: '2025-03-09',
      time: '03:30',
    });
  });

  it('should take the first of the two 1:30s when the clock falls back', () => {
    // 1:30 CDT (UTC-5) comes first, then 1:30 CST (UTC-6)
    expect(instantInZone('2025-11-02', '01:30', 'America/Chicago')).toBe('2025-11-02T06:30:00.000Z');
  });

  it('should show an instant as the venue’s date and 24-hour time', () => {
    expect(wallClockInZone('2025-03-15T01:30:00.000Z', 'America/Chicago')).toEqual({
      date: '2025-03-14',
      time: '20:30',
    });
    expect(wallClockInZone('2025-03-14T23:05:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2025-03-15', time: '08:05' });
  });

  it('should add days on the calendar across month and year ends', () => {
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('should put an end after midnight on the next day and late doors on the evening before', () => {
    const zone = 'America/Chicago';
    expect(scheduleInstants({ date: '2025-03-14', doors: '19:00', show: '20:00', ends: '23:00' }, zone)).toEqual({
      doorsAt: '2025-03-15T00:00:00.000Z',
      showAt: '2025-03-15T01:00:00.000Z',
      endsAt: '2025-03-15T04:00:00.000Z',
    });
    const late = scheduleInstants({ date: '2025-03-14', doors: '23:30', show: '00:15', ends: '03:00' }, zone);
    expect(late).toEqual({
      doorsAt: '2025-03-14T04:30:00.000Z',
      showAt: '2025-03-14T05:15:00.000Z',
      endsAt: '2025-03-14T08:00:00.000Z',
    });
    const pastMidnight = scheduleInstants({ date: '2025-03-14', doors: '20:00', show: '21:00', ends: '01:00' }, zone);
    expect(pastMidnight.endsAt).toBe('2025-03-15T06:00:00.000Z');
  });

  it('should give back the typed times for the instants it made', () => {
    const zone = 'Europe/London';
    const typed = { date: '2025-10-26', doors: '18:30', show: '19:45', ends: '00:30' };
    const instants = scheduleInstants(typed, zone);
    expect(scheduleTimes({ showDate: typed.date, ...instants }, zone)).toEqual(typed);
  });
});
