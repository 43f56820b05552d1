// How a sheet writes money, dates and times: the organization's locale (shared/src/format, the
// module the app and the emails use too), the deal's currency, and the venue's clock with its zone
// on every time (who reads a sheet, and where, is unknown). Only the paper follows the venue's
// country: a Chicago sheet prints on Letter, a London one on A4.
import { formatsFor } from '@promoteros/shared/format';
import { moneyInWords } from './amount-in-words.js';

/** Countries that print on US Letter; everyone else uses A4. */
const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR']);

export type PaperSize = 'A4' | 'LETTER';

export function paperFor(country: string | null): PaperSize {
  return country && LETTER_COUNTRIES.has(country) ? 'LETTER' : 'A4';
}

export interface SheetFormat {
  readonly locale: string;
  readonly timeZone: string;
  readonly currency: string;
  /** 250050n → "$2,500.50" (the deal's currency, the organization's conventions) */
  money(cents: bigint): string;
  /** "two thousand five hundred US dollars and 50/100" */
  moneyWords(cents: bigint): string;
  /** 8250 basis points → "82.5%" */
  percent(basisPoints: number): string;
  /** an instant as the venue's clock shows it, with the zone: "8:00 PM CDT" */
  time(instant: Date): string;
  /** the zone's short name at that instant: "CDT", "GMT+10" */
  zoneName(instant: Date): string;
  /** a time of day as the run of show holds it ('HH:MM'): "3:00 PM" */
  wallTime(time: string): string;
  /** a calendar date 'YYYY-MM-DD': "Sat, Mar 14, 2026"; short "Mar 14" */
  date(date: string, style?: 'short' | 'medium'): string;
  /** an instant as date and time at the venue, with the zone: "Sat, Mar 14, 2026, 11:40 PM CDT" */
  dateTime(instant: Date): string;
  count(n: number): string;
}

export function sheetFormat(options: { locale: string; timeZone: string; currency: string }): SheetFormat {
  const f = formatsFor(options.locale);
  const { timeZone, currency } = options;
  return {
    locale: f.locale,
    timeZone,
    currency,
    money: (cents) => f.money(cents, currency),
    moneyWords: (cents) => moneyInWords(cents, f.currencyName(currency), f.minorDigits(currency)),
    percent: (basisPoints) => f.percent(basisPoints),
    time: (instant) => f.time(instant, timeZone),
    zoneName: (instant) => f.zoneName(instant, timeZone),
    wallTime: (time) => f.wallTime(time),
    date: (date, style = 'medium') => f.date(date, style),
    dateTime: (instant) => f.dateTime(instant, timeZone),
    count: (n) => f.count(n),
  };
}
