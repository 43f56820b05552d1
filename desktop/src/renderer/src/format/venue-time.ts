// Every date and time shown for a venue is in that venue's timezone, never the computer's.
// The core hands over ISO instants (formatted here with the venue's IANA zone) or wall-clock
// values already in venue time (dates YYYY-MM-DD, times HH:MM, formatted as-is).
import { addDays, venueInstant, venueToday, venueWallClock } from '@promoteros/shared/venue-clock';

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
  return venueToday(now, timeZone);
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

// ── typing venue times ──────────────────────────────────────────────────────────────────────
// A manager types the wall clock of the venue ("doors 19:00 on the 14th, in Chicago"); the core
// stores instants. The one venue clock is shared/src/venue-clock.ts, so what the intake page,
// the relay and these forms make of a wall time (daylight-saving gaps and repeats included)
// is the same instant.

/** The venue's wall clock at an instant: date YYYY-MM-DD and time HH:MM (24-hour). */
export function wallClockInZone(iso: string | number, timeZone: string): { date: string; time: string } {
  return venueWallClock(new Date(iso), timeZone);
}

/**
 * The instant the venue's clock shows `time` on `date`, as an ISO string. A time the clock skips
 * (the spring-forward hour) is read with the offset before the change, as the clock on the wall
 * would (2:30 becomes 3:30); a time it shows twice (the fall-back hour) is the first of the two.
 */
export function instantInZone(date: string, time: string, timeZone: string): string {
  return venueInstant(date, time, timeZone).toISOString();
}

export { addDays };

export interface ScheduleTimes {
  /** the show's date at the venue */
  readonly date: string;
  /** HH:MM on the venue's clock */
  readonly doors: string;
  readonly show: string;
  readonly ends: string;
}

/**
 * A night's times as typed (one date, three clock times) as instants. Doors open on the show's
 * date, or the evening before when they open later on the clock than the show starts (doors
 * 23:30, show 00:15); the show ends that night, or the next day when the clock time is not after
 * the start (show 21:00, ends 01:00).
 */
export function scheduleInstants(
  times: ScheduleTimes,
  timeZone: string,
): { doorsAt: string; showAt: string; endsAt: string } {
  const doorsDate = times.doors > times.show ? addDays(times.date, -1) : times.date;
  const endsDate = times.ends <= times.show ? addDays(times.date, 1) : times.date;
  return {
    doorsAt: instantInZone(doorsDate, times.doors, timeZone),
    showAt: instantInZone(times.date, times.show, timeZone),
    endsAt: instantInZone(endsDate, times.ends, timeZone),
  };
}

/** The inverse of scheduleInstants: what the form shows for an event's times. */
export function scheduleTimes(
  event: { showDate: string; doorsAt: string; showAt: string; endsAt: string },
  timeZone: string,
): ScheduleTimes {
  return {
    date: event.showDate,
    doors: wallClockInZone(event.doorsAt, timeZone).time,
    show: wallClockInZone(event.showAt, timeZone).time,
    ends: wallClockInZone(event.endsAt, timeZone).time,
  };
}
