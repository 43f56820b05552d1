// Venue time as forms type it and screens reckon with it: the venue's calendar day, and the
// instants a typed wall clock means. Writing dates and times for people is the formatting
// module's (shared/src/format, through use-format.tsx), so the app, emails and PDFs agree.
import { addDays, venueInstant, venueToday, venueWallClock } from '@promoteros/shared/venue-clock';

/** The calendar day it is now at the venue, YYYY-MM-DD. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  return venueToday(now, timeZone);
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
