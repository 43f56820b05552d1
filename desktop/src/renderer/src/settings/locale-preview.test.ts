import { describe, expect, it } from 'vitest';
import { localePreview, nextFriday } from './locale-preview.js';

describe('the locale setting’s preview', () => {
  it('should take the first Friday from today, today included', () => {
    expect(nextFriday('2027-04-20')).toBe('2027-04-23'); // a Tuesday
    expect(nextFriday('2027-04-23')).toBe('2027-04-23');
    expect(nextFriday('2027-04-24')).toBe('2027-04-30');
    expect(nextFriday('2027-12-27')).toBe('2027-12-31');
  });

  it('should write the sample show in the chosen locale’s conventions', () => {
    expect(localePreview('en-US', '2027-04-20')).toEqual({
      date: 'Fri, Apr 23, 2027',
      time: '7:30 PM',
      amount: '$2,500.50',
      count: '2,500',
    });
    const british = localePreview('en-GB', '2027-04-20');
    expect(british).toMatchObject({ time: '19:30', amount: 'US$2,500.50', count: '2,500' });
    expect(british.date).toMatch(/^Fri,? 23 Apr 2027$/);
    const german = localePreview('de-DE', '2027-04-20');
    expect(german).toMatchObject({ time: '19:30', amount: '2.500,50 $', count: '2.500' });
  });
});
