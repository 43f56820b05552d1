// One way to write dates, times, numbers and money, for the desktop app, the emails and the PDFs
// alike (docs/formatting.md). Each function takes the organization's locale; `formatsFor` binds
// one locale (and, in the app, the device's zone) so a screen or a letter cannot mix two.
//
// The zone rule: a venue time carries its zone wherever another clock could be meant.
// - Emails and documents always say it: who reads them, and where, is unknown.
// - The app says it when the device's clock differs from the venue's at that instant (a manager
//   in London looking at a Melbourne venue), and leaves it out when both clocks agree.
import { usableLocale } from './locale.js';
import { plainSpaces } from './plain-spaces.js';
import { currencyName, formatMoney, minorDigits } from './money.js';
import { formatBasisPoints, formatCount, formatCountOf, formatFileSize, type Noun } from './numbers.js';
import { formatRelative } from './relative-time.js';
import {
  formatDate,
  formatDateTime,
  formatDayRange,
  formatMonth,
  formatTime,
  formatWallTime,
  formatZoneName,
  sameClock,
  type DateStyle,
  type Instant,
} from './venue-time.js';

export * from './locale.js';
export * from './money.js';
export * from './numbers.js';
export * from './relative-time.js';
export * from './venue-time.js';

export interface Formats {
  readonly locale: string;
  /** a calendar day at the venue: "Fri, Apr 23, 2027"; short "Apr 23"; long "Friday, April 23, 2027"; weekday "Fri, Apr 23" */
  date(day: string, style?: DateStyle): string;
  /** calendar days from and to at the venue: "Apr 19 – 25, 2027" */
  dayRange(from: string, to: string): string;
  /** 'YYYY-MM' → "April 2027" */
  month(month: string): string;
  /** a venue time as the run of show holds it ('HH:MM'): "3:00 PM" */
  wallTime(time: string): string;
  /** an instant on the venue's clock, with its zone under the zone rule: "8:00 PM GMT+10" */
  time(instant: Instant, timeZone: string): string;
  /** an instant on the venue's clock without the zone: rows under a heading that names it */
  venueClock(instant: Instant, timeZone: string): string;
  /** an instant as the venue's date and time, with its zone under the zone rule */
  dateTime(instant: Instant, timeZone: string): string;
  /** does this venue time show its zone here (the zone rule)? */
  showsZone(instant: Instant, timeZone: string): boolean;
  /** the zone's short name at that instant: "CDT", "GMT+10" */
  zoneName(instant: Instant, timeZone: string): string;
  /** an instant on the reader's own clock (the app: this computer's), "8:05 PM": when it synced */
  clock(instant: Instant): string;
  /** an instant as date and time on the reader's own clock: when an email failed, an audit was checked */
  clockDateTime(instant: Instant): string;
  /** an instant on the reader's own clock, to the second: the exact time behind a relative one */
  exact(instant: Instant): string;
  /** "2 minutes ago", "in 3 hours" */
  relative(instant: Instant, now: Instant): string;
  count(n: number): string;
  countOf(n: number, noun: Noun): string;
  percent(basisPoints: number): string;
  money(cents: number | bigint, currency: string): string;
  fileSize(bytes: number): string;
  minorDigits(currency: string): number;
  currencyName(currency: string): string;
}

export interface FormatsOptions {
  /**
   * The zone of the clock the reader looks at (the app: the device's). Unset for emails and
   * documents, whose reader's clock is unknown: their venue times always carry the zone.
   */
  readonly readerZone?: string;
}

export function formatsFor(locale: string | null | undefined, options: FormatsOptions = {}): Formats {
  const tag = usableLocale(locale);
  const { readerZone } = options;
  const showsZone = (instant: Instant, timeZone: string) =>
    readerZone === undefined || !sameClock(instant, timeZone, readerZone);
  return {
    locale: tag,
    date: (day, style) => formatDate(day, tag, style),
    dayRange: (from, to) => formatDayRange(from, to, tag),
    month: (month) => formatMonth(month, tag),
    wallTime: (time) => formatWallTime(time, tag),
    time: (instant, timeZone) => formatTime(instant, timeZone, tag, showsZone(instant, timeZone)),
    venueClock: (instant, timeZone) => formatTime(instant, timeZone, tag),
    dateTime: (instant, timeZone) => formatDateTime(instant, timeZone, tag, showsZone(instant, timeZone)),
    showsZone,
    zoneName: (instant, timeZone) => formatZoneName(instant, timeZone, tag),
    clock: (instant) => formatTime(instant, readerZone ?? runtimeZone(), tag),
    clockDateTime: (instant) => formatDateTime(instant, readerZone ?? runtimeZone(), tag),
    exact: (instant) => exactTime(instant, tag, readerZone),
    relative: (instant, now) => formatRelative(instant, now, tag),
    count: (n) => formatCount(n, tag),
    countOf: (n, noun) => formatCountOf(n, noun, tag),
    percent: (basisPoints) => formatBasisPoints(basisPoints, tag),
    money: (cents, currency) => formatMoney(cents, currency, tag),
    fileSize: (bytes) => formatFileSize(bytes, tag),
    minorDigits,
    currencyName,
  };
}

const runtimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function exactTime(instant: Instant, locale: string, zone: string | undefined): string {
  const at = instant instanceof Date ? instant : new Date(instant);
  const format = new Intl.DateTimeFormat(locale, {
    ...(zone ? { timeZone: zone } : {}),
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  return plainSpaces(format.format(at));
}
