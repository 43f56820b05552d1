// A venue's own settings: its name and public address (slug), where it is and in which time zone,
// how many it holds and the smallest audience it books, whether its intake page takes requests,
// and the name its emails come from. Who may do what:
// - venue.create and venue.archive: OWNER. A venue is a business the organization runs, with a
//   public request page in the organization's name; opening or closing one is the owners' call.
// - venue.update: MANAGER, the day-to-day details (capacity for a new floor plan, intake off for
//   a closed month). Its slug is the address of the published intake page: only an OWNER changes
//   it (the old address keeps redirecting, relay/src/intake).
// A venue is archived, never deleted: its events, holds and settlements stay, and an archived
// venue takes no requests. Changing the time zone moves no stored instant (events are stored in
// UTC): the times the venue's screens and documents show move instead; the app asks first.
import { z } from 'zod';
import { bool, countryCode, int, slug, text, timeZone, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation, type Row, type RowReader } from './define.js';

const name = text({ min: 1, max: 200 });
/** a slug's own message for a bad spelling, but the storable-text one for a NUL or a cut emoji */
const venueSlug = text().pipe(slug);
const capacity = int({ min: 1, max: 100000 });
const minAttendance = int({ min: 0, max: 100000 });
const optionalText = text({ min: 1, max: 500 }).nullable();
const senderName = text({ min: 1, max: 200 }).nullable();

/** another venue of the organization already has this slug: the intake page's address must be one */
async function slugFree(read: RowReader, wanted: string, venueId: string): Promise<void> {
  const [other] = (await read.where('venues', { slug: wanted })).filter((v) => v.id !== venueId);
  if (other) throw new RuleViolation(`“${String(other.name)}” already uses the address “${wanted}”: choose another`);
}

function attendanceFits(minimum: number, most: number): void {
  if (minimum > most) {
    throw new RuleViolation(`the minimum attendance (${minimum}) is more than the capacity (${most})`);
  }
}

export const venueCreate = defineMutation({
  name: 'venue.create',
  minimumRole: 'OWNER',
  args: z.object({
    /** made by the device, so the optimistic row and the relay's row are the same row */
    venueId: uuid,
    name,
    slug: venueSlug,
    timezone: timeZone,
    capacity,
    minAttendance: minAttendance.default(0),
    address: optionalText.optional(),
    city: optionalText.optional(),
    country: countryCode.nullable().optional(),
    intakeEnabled: bool.default(true),
    senderName: senderName.optional(),
  }),
  subject: (args) => ({ table: 'venues', id: args.venueId }),
  describe: (args) => `Add the venue “${args.name}”`,
  async plan(args, context, read) {
    if (await read.get('venues', args.venueId)) throw new RuleViolation('a venue with this id already exists');
    await slugFree(read, args.slug, args.venueId);
    attendanceFits(args.minAttendance, args.capacity);
    return [
      {
        op: 'insert',
        table: 'venues',
        row: {
          id: args.venueId,
          name: args.name,
          slug: args.slug,
          timezone: args.timezone,
          capacity: args.capacity,
          min_attendance: args.minAttendance,
          address: args.address ?? null,
          city: args.city ?? null,
          country: args.country ?? null,
          intake_enabled: args.intakeEnabled,
          sender_name: args.senderName ?? null,
          archived_at: null,
          created_at: context.at,
          updated_at: context.at,
        },
      },
    ];
  },
});

export const venueUpdate = defineMutation({
  name: 'venue.update',
  minimumRole: 'MANAGER',
  args: z
    .object({
      venueId: uuid,
      name: name.optional(),
      slug: venueSlug.optional(),
      timezone: timeZone.optional(),
      capacity: capacity.optional(),
      minAttendance: minAttendance.optional(),
      address: optionalText.optional(),
      city: optionalText.optional(),
      country: countryCode.nullable().optional(),
      intakeEnabled: bool.optional(),
      senderName: senderName.optional(),
    })
    .refine((a) => Object.keys(a).length > 1, 'name at least one field to change'),
  refuseRole: (args, role) =>
    args.slug !== undefined && role !== 'OWNER'
      ? `only OWNER may change a venue's address (its intake page's link); your role here is ${role}`
      : undefined,
  subject: (args) => ({ table: 'venues', id: args.venueId }),
  describe: (args) => (args.name ? `Edit the venue “${args.name}”` : 'Edit a venue'),
  async plan(args, context, read) {
    const venue = await mustGet(read, 'venues', args.venueId, 'the venue');
    const fields = [
      ['name', args.name],
      ['slug', args.slug],
      ['timezone', args.timezone],
      ['capacity', args.capacity],
      ['min_attendance', args.minAttendance],
      ['address', args.address],
      ['city', args.city],
      ['country', args.country],
      ['intake_enabled', args.intakeEnabled],
      ['sender_name', args.senderName],
    ] as const;
    // only what differs from the row: another device's edit of the other fields stays
    const set: Row = {};
    for (const [column, value] of fields) if (value !== undefined && value !== venue[column]) set[column] = value;
    if (Object.keys(set).length === 0) return [];
    if (typeof set.slug === 'string') await slugFree(read, set.slug, args.venueId);
    attendanceFits(Number(set.min_attendance ?? venue.min_attendance), Number(set.capacity ?? venue.capacity));
    return [{ op: 'update', table: 'venues', id: args.venueId, set: { ...set, updated_at: context.at } }];
  },
});

export const venueArchive = defineMutation({
  name: 'venue.archive',
  minimumRole: 'OWNER',
  args: z.object({
    venueId: uuid,
    /** false: bring an archived venue back */
    archived: bool.default(true),
  }),
  subject: (args) => ({ table: 'venues', id: args.venueId }),
  describe: (args) => (args.archived ? 'Archive a venue' : 'Bring back an archived venue'),
  async plan(args, context, read) {
    const venue = await mustGet(read, 'venues', args.venueId, 'the venue');
    if ((venue.archived_at !== null) === args.archived) return [];
    if (args.archived) {
      const open = (await read.where('venues', {})).filter((v) => v.archived_at === null && v.id !== args.venueId);
      if (open.length === 0) throw new RuleViolation(`“${String(venue.name)}” is the organization's last open venue`);
    }
    return [
      {
        op: 'update',
        table: 'venues',
        id: args.venueId,
        set: { archived_at: args.archived ? context.at : null, updated_at: context.at },
      },
    ];
  },
});
