import { describe, expect, it } from 'vitest';
import { venueTimeOf } from './typed-time.js';

describe('run of show times as typed', () => {
  it('should read the usual ways of writing a 24-hour time', () => {
    expect(venueTimeOf('17:00')).toBe('17:00');
    expect(venueTimeOf('9:30')).toBe('09:30');
    expect(venueTimeOf('1945')).toBe('19:45');
    expect(venueTimeOf(' 21.15 ')).toBe('21:15');
    expect(venueTimeOf('00:00')).toBe('00:00');
  });

  it('should read a 12-hour time as the app shows it in a 12-hour locale', () => {
    expect(venueTimeOf('3:00 PM')).toBe('15:00');
    expect(venueTimeOf('5 pm')).toBe('17:00');
    expect(venueTimeOf('7:30p.m.')).toBe('19:30');
    expect(venueTimeOf('12:15 AM')).toBe('00:15');
    expect(venueTimeOf('12:00 pm')).toBe('12:00');
    expect(venueTimeOf('9am')).toBe('09:00');
  });

  it('should refuse what is not a time of day', () => {
    for (const typed of ['', '24:00', '7', '19:60', 'doors', '7:5', '13 PM', '0:30 am', '5 PX']) {
      expect(venueTimeOf(typed)).toBeUndefined();
    }
  });
});
