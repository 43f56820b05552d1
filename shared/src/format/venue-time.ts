// Dates and times on a venue's clock, written in the organization's locale. Two kinds of value:
// - instants (a Date, epoch milliseconds or ISO text): shown on the venue's clock, with the zone
//   when asked, e.g. "Fri, Apr 23, 2027, 8:00 PM GMT+10";
// - wall-clock values already in venue time (a calendar day 'YYYY-MM-DD', a time 'HH:MM', a month
//   'YYYY-MM'): written as they are, never shifted by any zone.
import { venueWallClock } from '../venue-clock.js';
import { cached } from './intl-cache.js';
import { plainSpaces } from './plain-spaces.js';

export type Instant = Date | number | string;

const toDate = (instant: Instant): Date => (instant instanceof Date ? instant : new Date(instant));

/**
 * A 24-hour locale writes "00:40" and "08:05" (a day sheet's column of times lines up); a 12-hour
 * one "12:40 AM" and "8:05 AM". Intl's `hour: 'numeric'` gives "0:40" in some 24-hour locales.
 */
function hourOf(locale: string): '2-digit' | 'numeric' {
  const cycle = cached(`cycle|${locale}`, () => new Intl.DateTimeFormat(locale, { hour: 'numeric' })).resolvedOptions()
    .hourCycle;
  return cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
}

export type DateStyle = 'short' | 'medium' | 'long' | 'weekday';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  /** "Apr 23": lists within a season (task due dates) */
  short: { month: 'short', day: 'numeric' },
  /** "Fri, Apr 23, 2027": a show's date, everywhere */
  medium: { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' },
  /** "Friday, April 23, 2027" */
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  /** "Fri, Apr 23": a week's columns */
  weekday: { weekday: 'short', month: 'short', day: 'numeric' },
};

function dateTimeFormat(locale: string, timeZone: string, parts: 'time' | 'dateTime', zone: boolean) {
  return cached(`${parts}|${locale}|${timeZone}|${zone}`, () => {
    const time: Intl.DateTimeFormatOptions = { hour: hourOf(locale), minute: '2-digit' };
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(parts === 'dateTime' ? DATE_OPTIONS.medium : {}),
      ...time,
      ...(zone ? { timeZoneName: 'short' } : {}),
    });
  });
}

/** An instant on the venue's clock: "8:00 PM", with `zone` "8:00 PM CDT" ("20:00 GMT-5" in en-GB). */
export function formatTime(instant: Instant, timeZone: string, locale: string, zone = false): string {
  return plainSpaces(dateTimeFormat(locale, timeZone, 'time', zone).format(toDate(instant)));
}

/** An instant as the venue's date and time: "Fri, Apr 23, 2027, 8:00 PM" (and the zone, when asked). */
export function formatDateTime(instant: Instant, timeZone: string, locale: string, zone = false): string {
  return plainSpaces(dateTimeFormat(locale, timeZone, 'dateTime', zone).format(toDate(instant)));
}

/** The zone's short name at that instant, as the locale writes it: "CDT", "GMT+10", "MESZ". */
export function formatZoneName(instant: Instant, timeZone: string, locale: string): string {
  const format = cached(
    `zone|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
  );
  const name = format.formatToParts(toDate(instant)).find((part) => part.type === 'timeZoneName')?.value;
  return plainSpaces(name ?? timeZone);
}

/** A calendar day at the venue ('YYYY-MM-DD'): "Fri, Apr 23, 2027" (medium), "Apr 23" (short). */
export function formatDate(day: string, locale: string, style: DateStyle = 'medium'): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // a calendar day has no zone: written as UTC midnight so that no offset moves it
  const format = cached(
    `date|${locale}|${style}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...DATE_OPTIONS[style] }),
  );
  return plainSpaces(format.format(new Date(Date.UTC(year, month - 1, date))));
}

/** Two calendar days at the venue as one range: "Apr 19 – 25, 2027", "Dec 28, 2026 – Jan 3, 2027" */
export function formatDayRange(from: string, to: string, locale: string): string {
  const day = (date: string) => {
    const [year, month, number] = date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(year, month - 1, number));
  };
  const format = cached(
    `dayRange|${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }),
  );
  return plainSpaces(format.formatRange(day(from), day(to)));
}

/** A time on the venue's wall clock ('HH:MM', as a run of show holds it): "3:00 PM" / "15:00". */
export function formatWallTime(time: string, locale: string): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const format = cached(
    `wall|${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: hourOf(locale), minute: '2-digit' }),
  );
  return plainSpaces(format.format(new Date(Date.UTC(2000, 0, 1, hour, minute))));
}

/** 'YYYY-MM' → "April 2027" */
export function formatMonth(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const format = cached(
    `month|${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }),
  );
  return plainSpaces(format.format(new Date(Date.UTC(year, number - 1, 1))));
}

/**
 * True when both zones' clocks show the same date and time at that instant: a manager in Detroit
 * looking at a New York venue reads the same clock, one in London looking at Melbourne does not.
 * Compared at the instant, so a date across a daylight-saving change is judged as it will be.
 */
export function sameClock(instant: Instant, zone: string, otherZone: string): boolean {
  if (zone === otherZone) return true;
  const at = toDate(instant);
  const a = venueWallClock(at, zone);
  const b = venueWallClock(at, otherZone);
  return a.date === b.date && a.time === b.time;
}
