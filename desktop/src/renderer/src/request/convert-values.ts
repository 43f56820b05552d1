// The "create event" form for an approved request: what it starts with (the requester's title,
// artist and preferred evening on the venue's clock) and the request.convertToEvent arguments it
// makes, or what is wrong with each field. Times are typed on the venue's clock and sent as instants.
import type { CommandResult } from '../../../common/command-map.js';
import { scheduleInstants, wallClockInZone } from '../format/venue-time.js';

type RequestDetail = CommandResult<'requests.get'>;

export interface ConvertValues {
  readonly title: string;
  readonly artistName: string;
  /** the show's date at the venue, YYYY-MM-DD */
  readonly date: string;
  /** HH:MM on the venue's clock */
  readonly doors: string;
  readonly show: string;
  readonly ends: string;
  /** blank: the venue's capacity */
  readonly capacity: string;
}

export type ConvertProblems = Partial<Record<keyof ConvertValues, string>>;

export interface ConvertArgs {
  readonly title: string;
  readonly artistName: string;
  readonly doorsAt: string;
  readonly showAt: string;
  readonly endsAt: string;
  readonly capacityOverride: number | null;
}

/** one hour before the show for doors; the show and its end from the requester's preferred evening */
export function convertValues(request: RequestDetail, heldDate?: string): ConvertValues {
  const zone = request.venue.timezone;
  const start = wallClockInZone(request.preferredStart, zone);
  const end = wallClockInZone(request.preferredEnd, zone);
  const [hour = 20, minute = 0] = start.time.split(':').map(Number);
  const doorsHour = (hour + 23) % 24;
  return {
    title: request.eventTitle,
    artistName: request.artistName,
    date: heldDate ?? start.date,
    doors: `${String(doorsHour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    show: start.time,
    ends: end.time,
    capacity: '',
  };
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

export function convertArgs(
  values: ConvertValues,
  timeZone: string,
): { ok: true; args: ConvertArgs } | { ok: false; problems: ConvertProblems } {
  const problems: ConvertProblems = {};
  const title = values.title.trim();
  const artistName = values.artistName.trim();
  if (title === '') problems.title = 'Give the event a title';
  else if (title.length > 200) problems.title = 'At most 200 characters';
  if (artistName === '') problems.artistName = 'Name the artist';
  else if (artistName.length > 200) problems.artistName = 'At most 200 characters';
  if (!isDate(values.date)) problems.date = 'Pick the show’s date';
  for (const field of ['doors', 'show', 'ends'] as const)
    if (!isTime(values[field])) problems[field] = 'A time like 20:00';
  let capacityOverride: number | null = null;
  const capacity = values.capacity.trim();
  if (capacity !== '') {
    const number = Number(capacity);
    if (!Number.isInteger(number) || number < 1 || number > 100_000)
      problems.capacity = 'A whole number from 1 to 100,000, or blank for the venue’s';
    else capacityOverride = number;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    args: { title, artistName, ...scheduleInstants(values, timeZone), capacityOverride },
  };
}
