// The intake rules on their own, as the page's script runs them in the browser.
import { describe, expect, it } from 'vitest';
import { fieldErrors, intakeSchemaFor } from './intake-fields.js';
import { requestReference } from './request-reference.js';
import { venueInstant } from '../venue-clock.js';

const venue = { timezone: 'Europe/Berlin', capacity: 300, minAttendance: 50, locale: 'en-US' };
const now = () => new Date('2030-03-01T12:00:00Z');
const schema = intakeSchemaFor(venue, now);

const valid = {
  name: ' Robin Agent ',
  email: 'Robin@Example.com',
  artist: 'The Late Trains',
  eventTitle: 'Winter Run',
  preferredDate: '2030-04-10',
  startTime: '20:00:00',
  endTime: '23:00',
  expectedAttendance: '120',
  budgetMin: '$1,500.5',
  budgetMax: '',
};

describe('the intake schema', () => {
  it('should trim, lower-case the email, read money as cents and leave blank fields out', () => {
    expect(schema.parse(valid)).toEqual({
      name: 'Robin Agent',
      email: 'robin@example.com',
      artist: 'The Late Trains',
      eventTitle: 'Winter Run',
      preferredDate: '2030-04-10',
      startTime: '20:00',
      endTime: '23:00',
      expectedAttendance: 120,
      budgetMin: 150050,
    });
  });

  it('should judge the venue’s range and the other rules even while another field is wrong', () => {
    const result = schema.safeParse({ ...valid, name: '', expectedAttendance: '20', endTime: '19:00' });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      name: 'Enter your name',
      expectedAttendance: "Expected attendance must be between 50 and 300 (the venue's capacity)",
      endTime: 'The end time must be after the start time',
    });
  });

  it('should refuse a start that has passed on the venue’s clock today', () => {
    const result = schema.safeParse({ ...valid, preferredDate: '2030-03-01', startTime: '12:30', endTime: '14:00' });
    // 12:30 in Berlin is 11:30 UTC, before "now"
    expect(fieldErrors(result.error!)).toEqual({
      preferredDate: 'The preferred date and start time must be in the future',
    });
  });

  it('should refuse an impossible calendar date', () => {
    const result = schema.safeParse({ ...valid, preferredDate: '2030-02-30' });
    expect(fieldErrors(result.error!)).toEqual({
      preferredDate: 'Enter the preferred date as a date, like 2027-06-14',
    });
  });
});

describe('the intake schema in the organization’s locale', () => {
  const hall = { timezone: 'Europe/Berlin', capacity: 2500, minAttendance: 1200 };
  const problems = (locale: string, fields: Record<string, string>) => {
    const result = intakeSchemaFor({ ...hall, locale }, now).safeParse({ ...valid, ...fields });
    return result.success ? {} : fieldErrors(result.error);
  };

  it('should write the numbers of its messages as the locale does, in English words', () => {
    const tooMany = { expectedAttendance: '3000', description: 'x'.repeat(5001) };
    expect(problems('en-US', tooMany)).toEqual({
      description: 'Description must be at most 5,000 characters',
      expectedAttendance: "Expected attendance must be between 1,200 and 2,500 (the venue's capacity)",
    });
    expect(problems('de-DE', tooMany)).toEqual({
      description: 'Description must be at most 5.000 characters',
      expectedAttendance: "Expected attendance must be between 1.200 and 2.500 (the venue's capacity)",
    });
    expect(problems('fr-FR', tooMany).expectedAttendance).toBe(
      "Expected attendance must be between 1 200 and 2 500 (the venue's capacity)",
    );
  });

  it('should fall back to the default for a stored tag the runtime cannot write in', () => {
    expect(problems('xx-YY', { expectedAttendance: '3000' }).expectedAttendance).toBe(
      "Expected attendance must be between 1,200 and 2,500 (the venue's capacity)",
    );
  });

  it('should read an attendance grouped as the locale writes it, and commas as before', () => {
    const attendance = (locale: string, typed: string) =>
      intakeSchemaFor({ ...hall, locale }, now).safeParse({ ...valid, expectedAttendance: typed }).data
        ?.expectedAttendance;
    expect(attendance('de-DE', '2.000')).toBe(2000);
    expect(attendance('de-DE', '2,000')).toBe(2000);
    expect(attendance('fr-FR', '2 000')).toBe(2000);
    expect(attendance('fr-FR', '2\u202f000')).toBe(2000);
    expect(attendance('de-CH', '2’000')).toBe(2000);
    expect(attendance('de-CH', "2'000")).toBe(2000);
    expect(attendance('en-US', '2,000')).toBe(2000);
    expect(attendance('en-US', '1500')).toBe(1500);
    // a dot is no grouping in en-US, and a group must have three digits
    expect(attendance('en-US', '2.000')).toBeUndefined();
    expect(attendance('de-DE', '2.00')).toBeUndefined();
    expect(attendance('de-DE', '1,5')).toBeUndefined();
  });
});

describe('the venue clock', () => {
  it('should read a wall time on either side of a change in the zone’s offset', () => {
    expect(venueInstant('2030-03-30', '20:00', 'Europe/Berlin').toISOString()).toBe('2030-03-30T19:00:00.000Z');
    expect(venueInstant('2030-04-01', '20:00', 'Europe/Berlin').toISOString()).toBe('2030-04-01T18:00:00.000Z');
    // the hour the clock repeats in autumn: its first pass
    expect(venueInstant('2030-11-03', '01:30', 'America/New_York').toISOString()).toBe('2030-11-03T05:30:00.000Z');
  });
});

describe('request references', () => {
  it('should derive the same readable reference from the same id, and different ones from others', () => {
    const id = '7f3a9c1e-2b4d-4e6f-8a1b-3c5d7e9f0a2b';
    expect(requestReference(id)).toMatch(/^REQ-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(requestReference(id)).toBe(requestReference(id.toUpperCase()));
    expect(requestReference('00000000-0000-4000-8000-000000000000')).toBe('REQ-000000');
    expect(requestReference(id)).not.toBe(requestReference('8f3a9c1e-2b4d-4e6f-8a1b-3c5d7e9f0a2b'));
  });
});
