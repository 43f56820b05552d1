// Guest lists for the shows around today (lists are built in the last weeks before a show), and
// the door's check-ins for the ones whose doors have closed: admits, a mis-tap taken back now
// and then, and walk-ups at the box office.
import type { GuestListKind, RowOf } from '@promoteros/shared';
import { venueInstant } from './venue-time.js';
import { personName } from './names.js';
import { DAY, HOUR, iso, membersWith, type PlannedMember } from './plan-types.js';
import type { ShowContext } from './plan-show.js';

/** shows this many days either side of today have guest lists */
const GUEST_LIST_DAYS = 21;

const guestListPlan: ReadonlyArray<{
  kind: GuestListKind;
  name: (artist: string) => string;
  allotment: number | null;
  entries: [number, number];
  p: number;
}> = [
  { kind: 'ARTIST', name: (a) => `${a} guests`, allotment: 20, entries: [6, 16], p: 1 },
  { kind: 'PROMOTER', name: () => 'Promoter', allotment: 10, entries: [3, 8], p: 1 },
  { kind: 'MEDIA', name: () => 'Press and photo', allotment: 6, entries: [2, 5], p: 0.6 },
  { kind: 'WILL_CALL', name: () => 'Will call', allotment: null, entries: [4, 10], p: 0.5 },
];

const entryNotes = [
  "Tour manager's partner",
  'Photo pass',
  'Radio competition winner',
  'Label rep',
  'Needs accessible entrance',
];

/** a guest the door let in: the entry, how many of its places were used, when, where and by whom */
interface PlannedAdmit {
  readonly id: string;
  readonly admitted: number;
  readonly at: number;
  readonly device: string;
  readonly by: string;
}

export function planGuestLists(show: ShowContext): void {
  const { ev, clock } = show;
  const daysFromToday = (Date.parse(ev.show_date) - Date.parse(clock.today)) / DAY;
  if (daysFromToday < -GUEST_LIST_DAYS || daysFromToday > GUEST_LIST_DAYS) return;
  const door = membersWith(show.venue.organization, 'STAFF');
  const doorsClosed = Date.parse(ev.ends_at) < clock.anchor;
  const admits = planLists(show, door, doorsClosed);
  if (doorsClosed) planCheckIns(show, door, admits);
}

/** The lists and their entries; for a show whose doors have closed, who of them came in. */
function planLists(show: ShowContext, door: readonly PlannedMember[], doorsClosed: boolean): PlannedAdmit[] {
  const { r, ev, event, clock, plan, sellable } = show;
  const org = show.venue.organization;
  const doors = Date.parse(ev.doors_at);
  const cutoff = venueInstant(ev.show_date, '17:00', show.tz).getTime();
  const listsOpened = Math.min(event.bookedAt + DAY, clock.anchor - HOUR);
  const admits: PlannedAdmit[] = [];
  // one name once per show: the door flags a name met twice on the lists as a possible mistake
  const named = new Set<string>();
  const guestName = () => {
    for (;;) {
      const name = personName(r);
      if (named.has(name)) continue;
      named.add(name);
      return name;
    }
  };
  // tonight's show has every list, and long ones: about a name for every 11th place in the room
  // (over a hundred for show-day mode's search), within what the room holds besides the tickets
  const scale = event.tonight ? Math.max(5, Math.round(sellable / 300)) : 1;

  for (const spec of guestListPlan) {
    if (!event.tonight && !r.chance(spec.p)) continue;
    const list: RowOf<'guest_lists'> = {
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      name: spec.name(ev.artist_name),
      kind: spec.kind,
      allotment: spec.allotment === null ? null : spec.allotment * scale * 2,
      cutoff_at: iso(cutoff),
      created_at: iso(listsOpened),
      updated_at: iso(listsOpened),
    };
    plan.guest_lists.push(list);
    const addedBy =
      spec.kind === 'PROMOTER' && ev.promoter_user_id
        ? ev.promoter_user_id
        : r.pick(membersWith(org, 'MANAGER', 'STAFF')).userId;
    const [fewest, most] = spec.entries;
    const count = event.tonight
      ? Math.round(((fewest + most) / 2) * scale * r.between(0.85, 1.15))
      : r.int(fewest, most);
    for (let i = 0; i < count; i++) {
      const admitCount = r.chance(0.6) ? 1 : r.chance(0.85) ? 2 : r.int(3, 4);
      const addedAt = Math.min(listsOpened + r.between(0, 10) * DAY, clock.anchor - HOUR, cutoff - HOUR);
      const entry: RowOf<'guest_list_entries'> = {
        id: r.uuid(),
        organization_id: org.id,
        event_id: ev.id,
        guest_list_id: list.id,
        guest_name: guestName(),
        admit_count: admitCount,
        note: r.chance(0.15) ? r.pick(entryNotes) : null,
        added_by: addedBy,
        created_at: iso(Math.max(addedAt, listsOpened)),
        updated_at: iso(Math.max(addedAt, listsOpened)),
      };
      plan.guest_list_entries.push(entry);
      if (doorsClosed && r.chance(0.85)) {
        // most guests show up, some with fewer than their +N
        const admitted = r.chance(0.9) ? admitCount : 1;
        const by = r.pick(door);
        admits.push({
          id: entry.id,
          admitted,
          at: doors + r.int(0, 150) * 60_000,
          device: r.pick(['door-1', 'door-2']),
          by: by.userId,
        });
      }
    }
  }
  return admits;
}

/** The door's record of a show: each admit, a mis-tap undone now and then, and walk-ups. */
function planCheckIns(show: ShowContext, door: readonly PlannedMember[], admits: readonly PlannedAdmit[]): void {
  const { r, ev, plan } = show;
  const doors = Date.parse(ev.doors_at);
  const checkIn = (fields: Omit<RowOf<'check_ins'>, 'id' | 'organization_id' | 'event_id' | 'created_at'>) => {
    const row: RowOf<'check_ins'> = {
      id: r.uuid(),
      organization_id: ev.organization_id,
      event_id: ev.id,
      ...fields,
      // door devices are often offline: the relay learns of a check-in after it happened
      created_at: iso(Date.parse(fields.occurred_at) + r.int(1, 40) * 60_000),
    };
    plan.check_ins.push(row);
    return row;
  };
  for (const a of admits) {
    const admit = checkIn({
      entry_id: a.id,
      kind: 'ADMIT',
      admitted: a.admitted,
      undoes_id: null,
      device_id: a.device,
      recorded_by: a.by,
      occurred_at: iso(a.at),
    });
    // a mis-tap at the door, taken back a moment later
    if (r.chance(0.04)) {
      checkIn({
        entry_id: a.id,
        kind: 'UNDO',
        admitted: -a.admitted,
        undoes_id: admit.id,
        device_id: a.device,
        recorded_by: a.by,
        occurred_at: iso(a.at + r.int(1, 5) * 60_000),
      });
    }
  }
  for (let i = r.int(2, 6); i > 0; i--) {
    checkIn({
      entry_id: null,
      kind: 'WALK_UP',
      admitted: r.int(1, 3),
      undoes_id: null,
      device_id: 'box-office',
      recorded_by: r.pick(door).userId,
      occurred_at: iso(doors + r.int(0, 180) * 60_000),
    });
  }
}
