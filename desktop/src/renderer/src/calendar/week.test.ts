import { describe, expect, it } from 'vitest';
import { showSpan, visibleHours, weekDays, weekStart } from './week.js';

describe('week view', () => {
  it('should start the week on the locale’s first weekday', () => {
    // 2027-04-23 is a Friday
    expect(weekStart('2027-04-23', 1)).toBe('2027-04-19');
    expect(weekStart('2027-04-23', 7)).toBe('2027-04-18');
    expect(weekStart('2027-04-19', 1)).toBe('2027-04-19');
    expect(weekStart('2027-04-18', 1)).toBe('2027-04-12');
    expect(weekDays('2027-12-27')).toEqual([
      '2027-12-27',
      '2027-12-28',
      '2027-12-29',
      '2027-12-30',
      '2027-12-31',
      '2028-01-01',
      '2028-01-02',
    ]);
  });

  it('should place a show from its doors to its end on the venue’s clock', () => {
    expect(showSpan({ doors: '19:00', show: '20:00', ends: '23:00' })).toEqual({ start: 1140, end: 1380 });
    // ends after midnight: to the bottom of the day it starts on
    expect(showSpan({ doors: '21:00', show: '22:00', ends: '01:30' })).toEqual({ start: 1260, end: 1440 });
    // no doors, no end: the show time, half an hour
    expect(showSpan({ doors: null, show: '20:00', ends: null })).toEqual({ start: 1200, end: 1230 });
    expect(showSpan({ doors: null, show: null, ends: null })).toBeNull();
  });

  it('should show from noon, or earlier when a show opens earlier, to midnight', () => {
    expect(visibleHours([])).toEqual({ first: 12, last: 24 });
    expect(visibleHours([{ doors: '10:30', show: '11:00', ends: '13:00' }])).toEqual({ first: 10, last: 24 });
  });
});
