// Every date and time shown for a venue is in that venue's timezone, never the computer's.
// The core hands over ISO instants (formatted here with the venue's IANA zone) or wall-clock
// values already in venue time (dates YYYY-MM-DD, times HH:MM, formatted as-is).

/** An instant as the venue's wall clock: "7:30 PM" */
export function formatTimeInZone(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** An instant as the venue's date and time: "Fri, Mar 14, 2025, 7:30 PM" */
export function formatDateTimeInZone(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The zone's short name at that instant ("CDT", "GMT+1"): shown next to venue times. */
export function timeZoneLabel(timeZone: string, at: Date = new Date(), locale?: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** The calendar day it is now at the venue, YYYY-MM-DD. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A venue-time date (YYYY-MM-DD) for people: "Fri, Mar 14, 2025". Never shifted by a zone. */
export function formatLocalDate(date: string, locale?: string, style: 'long' | 'short' = 'long'): string {
  const [year, month, day] = date.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }
      : { timeZone: 'UTC', month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

/** A venue-time wall clock (HH:MM) for people: "19:30" → "7:30 PM" in en-US. */
export function formatLocalTime(time: string, locale?: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(
    new Date(Date.UTC(2000, 0, 1, hour!, minute!)),
  );
}

/** "2025-03" → "March 2025" */
export function formatMonth(month: string, locale?: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
    new Date(Date.UTC(year!, monthNumber! - 1, 1)),
  );
}

/** An instant relative to now, for "offline since 3 min ago" */
export function formatRelative(iso: string, now: Date = new Date(), locale?: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second');
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}
