import { describe, expect, it } from 'vitest';
import { readCalendarPlace } from './calendar-place.js';

const read = (query: string) => readCalendarPlace(new URLSearchParams(query), '2027-04-23', 1);

describe('calendar place', () => {
  it('should open on today’s month, today’s week and the next 90 days by default', () => {
    expect(read('')).toEqual({
      view: 'month',
      month: '2027-04',
      week: '2027-04-19',
      from: '2027-04-23',
      to: '2027-07-21',
    });
  });

  it('should read the view, the week from any of its days, and a range', () => {
    expect(read('view=week&week=2027-05-06')).toMatchObject({ view: 'week', week: '2027-05-03' });
    expect(read('view=list&from=2027-05-01&to=2027-05-31')).toMatchObject({
      view: 'list',
      from: '2027-05-01',
      to: '2027-05-31',
    });
    expect(read('view=list&from=2027-05-01')).toMatchObject({ from: '2027-05-01', to: '2027-07-29' });
    // a month's list, as links made before the list took any range ask for it
    expect(read('month=2028-02&view=list')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(read('month=2027-12&view=list&from=2027-12-10')).toMatchObject({ from: '2027-12-10', to: '2028-03-08' });
  });

  it('should fall back on malformed values and name a range that cannot be shown', () => {
    expect(read('view=year&month=2027-13&week=2027-02-30')).toMatchObject({
      view: 'month',
      month: '2027-04',
      week: '2027-04-19',
    });
    expect(read('view=list&from=2027-05-02&to=2027-05-01').problem).toBe('The last day is before the first day.');
    expect(read('view=list&from=2027-01-01&to=2028-01-02').problem).toMatch(/at most 366 days/);
    expect(read('view=list&from=2027-01-01&to=2028-01-01').problem).toBeUndefined();
  });
});
