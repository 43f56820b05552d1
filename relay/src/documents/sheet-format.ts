// How a sheet writes money, dates and times: in the deal's currency and the venue's own clock and
// conventions (a Chicago sheet says "8:00 PM" on Letter paper, a London one "20:00" on A4).
import { moneyInWords } from './amount-in-words.js';

/** Countries that print on US Letter; everyone else uses A4. */
const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR']);

export type PaperSize = 'A4' | 'LETTER';

export function paperFor(country: string | null): PaperSize {
  return country && LETTER_COUNTRIES.has(country) ? 'LETTER' : 'A4';
}

/** The venue's locale for numbers and dates: English with the venue's country conventions. */
function localeFor(country: string | null): string {
  if (!country) return 'en-GB';
  try {
    return Intl.getCanonicalLocales(`en-${country}`)[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}

// Intl puts narrow and ordinary no-break spaces in times ("8:00 PM"); the PDF's built-in fonts
// have no glyph for U+202F, so every string that goes on a sheet is given plain spaces.
const plainSpaces = (text: string) => text.replace(/[\u202f\u00a0\u2009]/g, ' ');

export interface SheetFormat {
  readonly locale: string;
  readonly timeZone: string;
  readonly currency: string;
  /** 250050n → "$2,500.50" (the deal's currency, the venue's conventions) */
  money(cents: bigint): string;
  /** "two thousand five hundred US dollars and 50/100" */
  moneyWords(cents: bigint): string;
  /** an instant as the venue's clock shows it: "8:00 PM" */
  time(instant: Date): string;
  /** the zone's short name at that instant: "CST", "GMT", "AEDT" */
  zoneName(instant: Date): string;
  /** a calendar date 'YYYY-MM-DD' written out: "Saturday, March 14, 2026" */
  longDate(date: string): string;
  /** a calendar date short: "Mar 14, 2026" / "14 Mar 2026" */
  shortDate(date: string): string;
  /** an instant as date and time at the venue: "Mar 14, 2026, 11:40 PM" */
  dateTime(instant: Date): string;
  count(n: number): string;
}

/** Cents as an exact decimal string ("-2500.05"): Intl formats decimal strings without rounding. */
function decimalOf(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function sheetFormat(options: { country: string | null; timeZone: string; currency: string }): SheetFormat {
  const locale = localeFor(options.country);
  const { timeZone, currency } = options;
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const currencyName =
    new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'name' })
      .formatToParts(2)
      .find((p) => p.type === 'currency')?.value ?? currency;
  // a 24-hour clock writes "00:40", not "0:40"; a 12-hour one "12:40 AM"
  const hour =
    new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle === 'h23' ? '2-digit' : 'numeric';
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour, minute: '2-digit' });
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  // calendar dates carry no zone: format them as UTC midnight so no offset moves the day
  const longDate = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const shortDate = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour,
    minute: '2-digit',
  });
  const count = new Intl.NumberFormat(locale);
  const calendar = (date: string) => new Date(`${date}T00:00:00Z`);
  return {
    locale,
    timeZone,
    currency,
    money: (cents) => plainSpaces(money.format(decimalOf(cents) as unknown as number)),
    moneyWords: (cents) => moneyInWords(cents, currencyName),
    time: (instant) => plainSpaces(time.format(instant)),
    zoneName: (instant) =>
      plainSpaces(zone.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? timeZone),
    longDate: (date) => plainSpaces(longDate.format(calendar(date))),
    shortDate: (date) => plainSpaces(shortDate.format(calendar(date))),
    dateTime: (instant) => plainSpaces(dateTime.format(instant)),
    count: (n) => count.format(n),
  };
}
