// The event form's values ↔ an event.update: what the form starts with, what the user typed
// checked field by field, and only the fields that differ (an edit sets only what the user
// changed, so another device's edit of the other fields stays).
import type { CommandResult } from '../../../common/command-map.js';
import { scheduleInstants, scheduleTimes } from '../format/venue-time.js';

type EventDetail = CommandResult<'events.get'>;

export interface EventFormValues {
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
  readonly notes: string;
}

export type EventProblems = Partial<Record<keyof EventFormValues, string>>;

export function eventFormValues(event: EventDetail): EventFormValues {
  return {
    title: event.title,
    artistName: event.artistName,
    ...scheduleTimes(event, event.venue.timezone),
    capacity: event.capacityOverride === null ? '' : String(event.capacityOverride),
    notes: event.notes ?? '',
  };
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** The event.update arguments for what changed (eventId aside), or what is wrong with the form. */
export function eventChanges(
  event: EventDetail,
  values: EventFormValues,
): { ok: true; changes: Record<string, unknown> } | { ok: false; problems: EventProblems } {
  const problems: EventProblems = {};
  const title = values.title.trim();
  const artistName = values.artistName.trim();
  if (!title) problems.title = 'the event needs a title';
  else if (title.length > 200) problems.title = 'at most 200 characters';
  if (!artistName) problems.artistName = 'name the artist';
  else if (artistName.length > 200) problems.artistName = 'at most 200 characters';
  if (!isDate(values.date)) problems.date = 'pick the show’s date';
  for (const field of ['doors', 'show', 'ends'] as const) if (!isTime(values[field])) problems[field] = 'enter a time';
  const capacityText = values.capacity.trim();
  const capacity = capacityText === '' ? null : Number(capacityText);
  if (capacity !== null && (!/^\d+$/.test(capacityText) || capacity < 1 || capacity > 100_000)) {
    problems.capacity = 'a whole number from 1 to 100,000, or blank for the venue’s';
  }
  const notes = values.notes.trim() === '' ? null : values.notes;
  if (notes !== null && notes.length > 20_000) problems.notes = 'at most 20,000 characters';
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const changes: Record<string, unknown> = {};
  if (title !== event.title) changes.title = title;
  if (artistName !== event.artistName) changes.artistName = artistName;
  const instants = scheduleInstants(values, event.venue.timezone);
  const moved = (a: string, b: string) => Date.parse(a) !== Date.parse(b);
  if (moved(instants.doorsAt, event.doorsAt)) changes.doorsAt = instants.doorsAt;
  if (moved(instants.showAt, event.showAt)) changes.showAt = instants.showAt;
  if (moved(instants.endsAt, event.endsAt)) changes.endsAt = instants.endsAt;
  if (capacity !== event.capacityOverride) changes.capacityOverride = capacity;
  if (notes !== event.notes) changes.notes = notes;
  return { ok: true, changes };
}
