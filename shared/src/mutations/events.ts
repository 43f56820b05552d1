// Editing an event: its names, times, capacity, notes and whether it is on. Settling is not an
// edit (it freezes the paperwork), so it is not among the statuses offered here.
import { z } from 'zod';
import type { EventStatus } from '../entities/booking.js';
import { instantOf, int, oneOf, text, timestamp, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation, type Row } from './define.js';
import { editableEvent } from './rules.js';

/** The statuses a manager may set by editing; SETTLED comes only from settling the night. */
export const editableEventStatuses = ['DRAFT', 'CONFIRMED', 'CANCELLED'] as const satisfies readonly EventStatus[];

/**
 * The calendar day an instant falls on at the venue ('YYYY-MM-DD'): a show at 23:30 in New York
 * is on the 3rd there even though it is already the 4th in UTC. en-CA formats as YYYY-MM-DD.
 */
export function showDateOf(instant: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return format.format(new Date(instantOf(instant)));
}

const sameInstant = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && instantOf(a) === instantOf(b);

export const eventUpdate = defineMutation({
  name: 'event.update',
  minimumRole: 'MANAGER',
  args: z
    .object({
      eventId: uuid,
      title: text({ min: 1, max: 200 }).optional(),
      artistName: text({ min: 1, max: 200 }).optional(),
      doorsAt: timestamp.optional(),
      showAt: timestamp.optional(),
      endsAt: timestamp.optional(),
      capacityOverride: int({ min: 1, max: 100000 }).nullable().optional(),
      notes: text({ max: 20000 }).nullable().optional(),
      status: oneOf(editableEventStatuses).optional(),
    })
    .refine((a) => Object.keys(a).length > 1, 'name at least one field to change'),
  subject: (args) => ({ table: 'events', id: args.eventId }),
  describe: (args) => {
    if (args.status === 'CANCELLED') return 'Cancel the event';
    return `Edit the event${args.title ? ` “${args.title}”` : ''}`;
  },
  async plan(args, context, read) {
    const event = await editableEvent(read, args.eventId);

    // the times are judged together with the ones the user left alone
    const doorsAt = args.doorsAt ?? String(event.doors_at);
    const showAt = args.showAt ?? String(event.show_at);
    const endsAt = args.endsAt ?? String(event.ends_at);
    if (instantOf(showAt) < instantOf(doorsAt)) throw new RuleViolation('the show must start at or after doors');
    if (instantOf(endsAt) <= instantOf(showAt)) throw new RuleViolation('the show must end after it starts');

    // only what differs from the row: another device's edit of the other fields stays
    const set: Row = {};
    const plain = [
      ['title', args.title],
      ['artist_name', args.artistName],
      ['capacity_override', args.capacityOverride],
      ['notes', args.notes],
      ['status', args.status],
    ] as const;
    for (const [column, value] of plain) if (value !== undefined && value !== event[column]) set[column] = value;
    const times = [
      ['doors_at', args.doorsAt],
      ['show_at', args.showAt],
      ['ends_at', args.endsAt],
    ] as const;
    for (const [column, value] of times)
      if (value !== undefined && !sameInstant(value, event[column])) set[column] = value;

    // show_date travels with show_at, so the two never disagree after per-field merging
    if (set.show_at !== undefined) {
      const venue = await mustGet(read, 'venues', String(event.venue_id), 'the venue');
      set.show_date = showDateOf(showAt, String(venue.timezone));
    }

    if (Object.keys(set).length === 0) return []; // already as the user wants it
    set.updated_at = context.at;
    return [{ op: 'update', table: 'events', id: args.eventId, set }];
  },
});
