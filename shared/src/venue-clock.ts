// The venue's wall clock: a requester types "the 14th, 20:00" meaning 20:00 at the venue, in
// whatever offset the venue's zone has that day (daylight saving included). Plain Intl, so the
// same code runs in the relay, the desktop and the intake page's browser script.
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * Offsets by zone and quarter hour. Intl's formatToParts is the slow part of reading a venue's
 * clock (a public form reads it a dozen times), and zones change offset only on the hour, half
 * or quarter hour, so an offset holds for the whole quarter hour it was read in.
 */
const offsets = new Map<string, number>();
const QUARTER_HOUR_MS = 900_000;

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR_MS)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = wall - Math.floor(instant / 1000) * 1000;
  if (offsets.size >= 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const DAY_MS = 86_400_000;

/**
 * The instant the venue's clock shows `time` ('HH:MM') on `date` ('YYYY-MM-DD'). A time skipped
 * by a spring-forward change lands after the gap (02:30 becomes 03:30), as clocks do; a time the
 * clock shows twice (the fall-back hour) is the first of the two, whichever side of UTC the zone
 * lies. The intake page, the relay and the desktop all read venue times through here.
 */
export function venueInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // zones change offset at most once a day: the offsets a day either side are the two candidates
  const before = wall - zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = wall - zoneOffsetMs(wall + DAY_MS, timeZone);
  const shows = (instant: number) => instant + zoneOffsetMs(instant, timeZone) === wall;
  if (shows(before) && shows(after)) return new Date(Math.min(before, after));
  if (shows(after)) return new Date(after);
  // shows(before), or neither: a skipped time, read with the offset before the change
  return new Date(before);
}

/** The venue's wall clock at an instant: date 'YYYY-MM-DD' and time 'HH:MM' (24-hour). */
export function venueWallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const iso = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The venue's calendar date ('YYYY-MM-DD') at an instant. */
export function venueDate(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The venue's calendar date now (or at `now`). */
export const venueToday = (now: Date, timeZone: string): string => venueDate(now, timeZone);

/** 'YYYY-MM-DD' plus whole days, on the calendar (no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** "Pacific Time (America/Los_Angeles)": how the page labels times, so nobody guesses the zone. */
export function zoneLabel(timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
}
