// Guest lists and their entries: the artist's list, the promoter's, comps, will-call, media.
// Managers make the lists and set what each may hold (allotment: the admissions its entries may
// add up to) and until when staff may add to it (cutoff). Staff add, edit and remove entries,
// online or at the door offline.
//
// Rules, judged at the moment the user made the edit (the device's clock, so an entry added
// offline before the cutoff still counts when it uploads after it):
// - after a list's cutoff, STAFF may not add entries or raise an entry's count; MANAGER+ may
//   (the manager is the one who says yes to a late name);
// - STAFF may not take a list past its allotment; MANAGER+ may (their call, same reason);
// - an entry's count never drops below the admissions already made on it, and an entry or list
//   with admissions is never removed: the door count keeps every check-in;
// - a settled or cancelled event's lists no longer change (door-rules.ts).
import { z } from 'zod';
import { roleAtLeast } from '../roles.js';
import { instantOf, int, oneOf, text, timestamp, uuid } from '../entities/fields.js';
import { guestListKinds } from '../entities/guest-lists.js';
import { defineMutation, mustGet, RuleViolation, type MutationContext, type Row, type RowReader } from './define.js';
import { openDoorEvent, sumAdmitted } from './door-rules.js';

const listName = text({ min: 1, max: 200 });
const kind = oneOf(guestListKinds);
/** admissions the list's entries may add up to; null = no limit */
const allotment = int({ min: 0, max: 100000 }).nullable();
const cutoffAt = timestamp.nullable();
const guestName = text({ min: 1, max: 200 });
/** allotted admissions including the guest: 1 = the guest alone, 3 = guest +2 */
const admitCount = int({ min: 1, max: 100 });
const note = text({ max: 1000 }).nullable();

/** The list with its event, if the event's lists may still change. */
async function openList(read: RowReader, listId: string): Promise<{ list: Row; event: Row }> {
  const list = await mustGet(read, 'guest_lists', listId, 'the guest list');
  const event = await openDoorEvent(read, String(list.event_id));
  return { list, event };
}

const listLabel = (list: Row) => `“${String(list.name)}”`;

/** STAFF may not add to a list after its cutoff; MANAGER+ may. */
function mustBeBeforeCutoff(list: Row, context: MutationContext): void {
  if (list.cutoff_at === null || list.cutoff_at === undefined || roleAtLeast(context.role, 'MANAGER')) return;
  if (instantOf(context.at) > instantOf(String(list.cutoff_at)))
    throw new RuleViolation(`${listLabel(list)} closed at its cutoff: ask a manager to add late names`);
}

/**
 * STAFF may not take a list past its allotment; MANAGER+ may. `adding` is how many admissions
 * the edit adds to the list (a new entry's count, or the raise of an entry's count).
 */
async function mustFitAllotment(read: RowReader, list: Row, adding: number, context: MutationContext): Promise<void> {
  if (list.allotment === null || list.allotment === undefined || adding <= 0) return;
  if (roleAtLeast(context.role, 'MANAGER')) return;
  const entries = await read.where('guest_list_entries', { guest_list_id: list.id });
  const allotted = entries.reduce((sum, entry) => sum + Number(entry.admit_count), 0);
  const limit = Number(list.allotment);
  if (allotted + adding > limit)
    throw new RuleViolation(
      `${listLabel(list)} would hold ${allotted + adding} admissions, over its allotment of ${limit} ` +
        `(${Math.max(0, limit - allotted)} left): ask a manager`,
    );
}

export const guestListCreate = defineMutation({
  name: 'guestList.create',
  minimumRole: 'MANAGER',
  args: z.object({
    /** made by the device, so the optimistic row and the relay's row are the same row */
    id: uuid,
    eventId: uuid,
    name: listName,
    kind,
    allotment: allotment.optional(),
    cutoffAt: cutoffAt.optional(),
  }),
  subject: (args) => ({ table: 'guest_lists', id: args.id }),
  describe: (args) => `Add the guest list “${args.name}”`,
  async plan(args, context, read) {
    await openDoorEvent(read, args.eventId);
    if (await read.get('guest_lists', args.id)) throw new RuleViolation('a guest list with this id already exists');
    return [
      {
        op: 'insert',
        table: 'guest_lists',
        row: {
          id: args.id,
          event_id: args.eventId,
          name: args.name,
          kind: args.kind,
          allotment: args.allotment ?? null,
          cutoff_at: args.cutoffAt ?? null,
          created_at: context.at,
          updated_at: context.at,
        },
      },
    ];
  },
});

export const guestListUpdate = defineMutation({
  name: 'guestList.update',
  minimumRole: 'MANAGER',
  args: z
    .object({
      id: uuid,
      name: listName.optional(),
      kind: kind.optional(),
      allotment: allotment.optional(),
      cutoffAt: cutoffAt.optional(),
    })
    .refine((a) => Object.keys(a).length > 1, 'name at least one field to change'),
  subject: (args) => ({ table: 'guest_lists', id: args.id }),
  describe: (args) => `Edit the guest list${args.name ? ` “${args.name}”` : ''}`,
  async plan(args, context, read) {
    // a lower allotment keeps the entries already on the list; staff just cannot add more
    await openList(read, args.id);
    const set: Row = { updated_at: context.at };
    if (args.name !== undefined) set.name = args.name;
    if (args.kind !== undefined) set.kind = args.kind;
    if (args.allotment !== undefined) set.allotment = args.allotment;
    if (args.cutoffAt !== undefined) set.cutoff_at = args.cutoffAt;
    return [{ op: 'update', table: 'guest_lists', id: args.id, set }];
  },
});

export const guestListRemove = defineMutation({
  name: 'guestList.remove',
  minimumRole: 'MANAGER',
  args: z.object({ id: uuid }),
  subject: (args) => ({ table: 'guest_lists', id: args.id }),
  describe: () => 'Remove a guest list',
  async plan(args, _context, read) {
    const list = await read.get('guest_lists', args.id);
    if (!list) return []; // removed already
    await openDoorEvent(read, String(list.event_id));
    const entries = await read.where('guest_list_entries', { guest_list_id: args.id });
    for (const entry of entries) {
      if ((await read.where('check_ins', { event_id: list.event_id, entry_id: entry.id })).length > 0)
        throw new RuleViolation(`${listLabel(list)} has guests who were checked in: it stays for the door count`);
    }
    // the entries go first and by name, so a device's overlay hides them at once (the database
    // would cascade them, but the device's view of the list would not know)
    return [
      ...entries.map((entry) => ({
        op: 'delete' as const,
        table: 'guest_list_entries' as const,
        id: String(entry.id),
      })),
      { op: 'delete', table: 'guest_lists', id: args.id },
    ];
  },
});

export const guestEntryAdd = defineMutation({
  name: 'guestEntry.add',
  minimumRole: 'STAFF',
  args: z.object({
    id: uuid,
    eventId: uuid,
    guestListId: uuid,
    guestName,
    admitCount,
    note: note.optional(),
  }),
  subject: (args) => ({ table: 'guest_list_entries', id: args.id }),
  describe: (args) => `Put ${args.guestName}${args.admitCount > 1 ? ` +${args.admitCount - 1}` : ''} on the list`,
  async plan(args, context, read) {
    const { list } = await openList(read, args.guestListId);
    if (list.event_id !== args.eventId) throw new RuleViolation(`${listLabel(list)} is a list of another event`);
    if (await read.get('guest_list_entries', args.id))
      throw new RuleViolation('a guest list entry with this id already exists');
    mustBeBeforeCutoff(list, context);
    await mustFitAllotment(read, list, args.admitCount, context);
    return [
      {
        op: 'insert',
        table: 'guest_list_entries',
        row: {
          id: args.id,
          event_id: args.eventId,
          guest_list_id: args.guestListId,
          guest_name: args.guestName,
          admit_count: args.admitCount,
          note: args.note ?? null,
          added_by: context.userId,
          created_at: context.at,
          updated_at: context.at,
        },
      },
    ];
  },
});

export const guestEntryUpdate = defineMutation({
  name: 'guestEntry.update',
  minimumRole: 'STAFF',
  args: z
    .object({ id: uuid, guestName: guestName.optional(), admitCount: admitCount.optional(), note: note.optional() })
    .refine((a) => Object.keys(a).length > 1, 'name at least one field to change'),
  subject: (args) => ({ table: 'guest_list_entries', id: args.id }),
  describe: (args) => `Edit the guest list entry${args.guestName ? ` “${args.guestName}”` : ''}`,
  async plan(args, context, read) {
    const entry = await mustGet(read, 'guest_list_entries', args.id, 'the guest list entry');
    const { list } = await openList(read, String(entry.guest_list_id));
    const set: Row = { updated_at: context.at };
    if (args.guestName !== undefined) set.guest_name = args.guestName;
    if (args.note !== undefined) set.note = args.note;
    if (args.admitCount !== undefined && args.admitCount !== Number(entry.admit_count)) {
      const raise = args.admitCount - Number(entry.admit_count);
      if (raise > 0) {
        mustBeBeforeCutoff(list, context);
        await mustFitAllotment(read, list, raise, context);
      }
      const admitted = sumAdmitted(await read.where('check_ins', { event_id: entry.event_id, entry_id: args.id }));
      if (args.admitCount < admitted)
        throw new RuleViolation(
          `${String(entry.guest_name)} already brought in ${admitted}: the entry cannot allot fewer`,
        );
      set.admit_count = args.admitCount;
    }
    return [{ op: 'update', table: 'guest_list_entries', id: args.id, set }];
  },
});

export const guestEntryRemove = defineMutation({
  name: 'guestEntry.remove',
  minimumRole: 'STAFF',
  args: z.object({ id: uuid }),
  subject: (args) => ({ table: 'guest_list_entries', id: args.id }),
  describe: () => 'Take a name off the guest list',
  async plan(args, _context, read) {
    const entry = await read.get('guest_list_entries', args.id);
    if (!entry) return []; // removed already
    await openDoorEvent(read, String(entry.event_id));
    // an undone admit still has its rows: the entry keeps the door's history
    if ((await read.where('check_ins', { event_id: entry.event_id, entry_id: args.id })).length > 0)
      throw new RuleViolation(`${String(entry.guest_name)} was checked in: the entry stays for the door count`);
    return [{ op: 'delete', table: 'guest_list_entries', id: args.id }];
  },
});
