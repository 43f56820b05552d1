import { describe, expect, it } from 'vitest';
import { canonicalLocale, DEFAULT_LOCALE, formatsFor, LOCALE_CHOICES, localeName, usableLocale } from './index.js';

const melbourneShow = '2027-04-23T10:00:00.000Z';

describe('the zone rule', () => {
  it('should always name the zone in emails and documents (no reader zone)', () => {
    const letter = formatsFor('en-US');
    expect(letter.time(melbourneShow, 'Australia/Melbourne')).toBe('8:00 PM GMT+10');
    expect(letter.dateTime(melbourneShow, 'Australia/Melbourne')).toBe('Fri, Apr 23, 2027, 8:00 PM GMT+10');
  });

  it("should name the zone in the app only when the device's clock differs from the venue's", () => {
    const inLondon = formatsFor('en-US', { readerZone: 'Europe/London' });
    expect(inLondon.time(melbourneShow, 'Australia/Melbourne')).toBe('8:00 PM GMT+10');
    const inMelbourne = formatsFor('en-US', { readerZone: 'Australia/Melbourne' });
    expect(inMelbourne.time(melbourneShow, 'Australia/Melbourne')).toBe('8:00 PM');
    // same clock, another zone name: nothing to confuse
    const inSydney = formatsFor('en-US', { readerZone: 'Australia/Sydney' });
    expect(inSydney.dateTime(melbourneShow, 'Australia/Melbourne')).toBe('Fri, Apr 23, 2027, 8:00 PM');
  });

  it('should judge each instant on its own side of a daylight-saving change', () => {
    // Brisbane keeps standard time all year; Melbourne's summer is an hour ahead of it
    const inBrisbane = formatsFor('en-AU', { readerZone: 'Australia/Brisbane' });
    expect(inBrisbane.time('2027-07-01T10:00:00Z', 'Australia/Melbourne')).toBe('8:00 pm');
    expect(inBrisbane.time('2027-01-15T09:00:00Z', 'Australia/Melbourne')).toBe('8:00 pm AEDT');
  });
});

describe('the organization locale', () => {
  it('should accept what Intl can format and give its canonical form', () => {
    expect(canonicalLocale('en-gb')).toBe('en-GB');
    expect(canonicalLocale('de-DE')).toBe('de-DE');
    for (const tag of LOCALE_CHOICES) expect(canonicalLocale(tag)).toBe(tag);
  });

  it('should refuse what is not a locale tag', () => {
    expect(canonicalLocale('')).toBeUndefined();
    expect(canonicalLocale('english')).toBeUndefined();
    expect(canonicalLocale('en_US')).toBeUndefined();
    expect(canonicalLocale("en-US'; DROP TABLE organizations")).toBeUndefined();
    expect(canonicalLocale(`en-${'x'.repeat(40)}`)).toBeUndefined();
    expect(canonicalLocale('zz-ZZ')).toBeUndefined();
  });

  it('should format with the default when the stored tag cannot be used', () => {
    expect(usableLocale(null)).toBe(DEFAULT_LOCALE);
    expect(usableLocale('zz-ZZ')).toBe(DEFAULT_LOCALE);
    expect(formatsFor('not a locale').count(2500)).toBe('2,500');
    expect(formatsFor('de-DE').count(2500)).toBe('2.500');
  });

  it('should name the locales in English', () => {
    expect(localeName('en-GB')).toBe('British English');
    expect(localeName('de-DE')).toBe('German (Germany)');
  });
});
