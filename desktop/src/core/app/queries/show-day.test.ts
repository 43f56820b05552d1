// Show-day reads on a real PGlite replica (no relay): today's show in the venue's own calendar
// (a venue ahead of UTC, a show still running past midnight), the "no show today" answer with the
// next date, and the door: entries admitted across devices with undos, over-allotment flagged,
// walk-ups, the door count per list and in total, and nothing from another organization.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEdit } from '../../outbox/record-edit.js';
import { passedEdit } from '../../testing/passed-edit.js';
import { openReplica, type Replica } from '../../replica/open-replica.js';
import { CommandFailure } from '../command-failure.js';
import { doorCount } from './door-count.js';
import { guestListDoor } from './guest-list.js';
import { showDay } from './show-day.js';

const id = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const org = id(1);
const otherOrg = id(2);
const auckland = id(3);
const chicago = id(4);
const foreignVenue = id(5);
const manager = id(6);
const staff = id(7);
const promoter = id(8);
const request = id(9);
const tonight = id(20);
const lastNight = id(21);
const nextWeek = id(22);
const chicagoShow = id(23);
const foreignShow = id(24);
const artistList = id(30);
const compList = id(31);
const foreignList = id(32);
const ada = id(40);
const bea = id(41);
const cal = id(42);
const foreignEntry = id(43);
const adaAdmit = id(50);
const beaDoor1 = id(51);
const beaDoor2 = id(52);
const calAdmit = id(53);
const calUndo = id(54);

// 2026-11-26 12:00 UTC is 2026-11-27 01:00 in Auckland (UTC+13) and 06:00 on the 26th in Chicago
const now = new Date('2026-11-26T12:00:00Z');

const seed = `
INSERT INTO synced.organizations (id, slug, name) VALUES ('${org}', 'harbour', 'Harbour Live'),
  ('${otherOrg}', 'meridian', 'Meridian Halls');
INSERT INTO synced.venues (id, organization_id, slug, name, timezone, capacity) VALUES
  ('${auckland}', '${org}', 'wharf', 'The Wharf', 'Pacific/Auckland', 10),
  ('${chicago}', '${org}', 'lakeside', 'Lakeside', 'America/Chicago', 2000),
  ('${foreignVenue}', '${otherOrg}', 'camden', 'Camden', 'Europe/London', 900);
INSERT INTO synced.memberships (id, organization_id, user_id, role, user_email, user_name) VALUES
  (gen_random_uuid(), '${org}', '${manager}', 'MANAGER', 'tom@harbour.example', 'Tom Brennan'),
  (gen_random_uuid(), '${org}', '${staff}', 'STAFF', 'sam@harbour.example', 'Sam Door'),
  (gen_random_uuid(), '${org}', '${promoter}', 'PROMOTER', 'pia@promo.example', 'Pia Promo');
INSERT INTO synced.event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
    contact_phone, company, artist_name, event_title, preferred_start, preferred_end, expected_attendance, submitted_at) VALUES
  ('${request}', '${org}', '${auckland}', 'RQ-AAAA-0001', 'SCHEDULED', 'Jo Booker', 'jo@bookers.example',
   '+64 21 555 0101', 'Bookers Ltd', 'Amber Fields', 'Tonight', '2026-11-27T07:00:00Z', '2026-11-27T10:00:00Z', 300,
   '2026-10-01T10:00:00Z');
-- tonight in Auckland: the 27th, doors 19:00 local (06:00 UTC)
INSERT INTO synced.events (id, organization_id, venue_id, request_id, title, artist_name, status, show_date, doors_at, show_at,
    ends_at, capacity_override, promoter_user_id) VALUES
  ('${tonight}', '${org}', '${auckland}', '${request}', 'Amber Fields live', 'Amber Fields', 'CONFIRMED', '2026-11-27',
   '2026-11-27T06:00:00Z', '2026-11-27T07:30:00Z', '2026-11-27T10:00:00Z', NULL, '${promoter}'),
  ('${lastNight}', '${org}', '${auckland}', NULL, 'Late club night', 'DJ Nocturne', 'CONFIRMED', '2026-11-26',
   '2026-11-26T09:00:00Z', '2026-11-26T10:00:00Z', '2026-11-26T14:00:00Z', NULL, NULL),
  ('${nextWeek}', '${org}', '${chicago}', NULL, 'Brass Lanterns', 'Brass Lanterns', 'CONFIRMED', '2026-12-03',
   '2026-12-04T01:00:00Z', '2026-12-04T02:00:00Z', '2026-12-04T05:00:00Z', 1500, NULL),
  ('${chicagoShow}', '${org}', '${chicago}', NULL, 'Cancelled today', 'Nobody', 'CANCELLED', '2026-11-26',
   '2026-11-27T01:00:00Z', '2026-11-27T02:00:00Z', '2026-11-27T05:00:00Z', NULL, NULL),
  ('${foreignShow}', '${otherOrg}', '${foreignVenue}', NULL, 'Not ours', 'Elsewhere', 'CONFIRMED', '2026-11-26',
   '2026-11-26T19:00:00Z', '2026-11-26T20:00:00Z', '2026-11-26T23:00:00Z', NULL, NULL);
INSERT INTO synced.event_tasks (id, organization_id, event_id, title, position, assignee_user_id, completed_at) VALUES
  (gen_random_uuid(), '${org}', '${tonight}', 'Print the guest list', 1, '${staff}', NULL),
  (gen_random_uuid(), '${org}', '${tonight}', 'Settle the show', 2, '${manager}', NULL),
  (gen_random_uuid(), '${org}', '${tonight}', 'Send the advance', 0, '${manager}', '2026-11-20T10:00:00Z');
INSERT INTO synced.guest_lists (id, organization_id, event_id, name, kind, allotment, cutoff_at) VALUES
  ('${artistList}', '${org}', '${tonight}', 'Amber Fields guests', 'ARTIST', 6, '2026-11-27T04:00:00Z'),
  ('${compList}', '${org}', '${tonight}', 'Comps', 'COMP', NULL, NULL),
  ('${foreignList}', '${otherOrg}', '${tonight}', 'Leaked list', 'COMP', NULL, NULL);
INSERT INTO synced.guest_list_entries (id, organization_id, event_id, guest_list_id, guest_name, admit_count, note, added_by) VALUES
  ('${ada}', '${org}', '${tonight}', '${artistList}', 'Ada Lovelace', 2, 'Plus one at will-call', '${manager}'),
  ('${bea}', '${org}', '${tonight}', '${artistList}', 'bea Hollow', 1, NULL, '${staff}'),
  ('${cal}', '${org}', '${tonight}', '${compList}', 'Cal Stone', 3, NULL, NULL),
  ('${foreignEntry}', '${otherOrg}', '${tonight}', '${foreignList}', 'Leaked guest', 1, NULL, NULL);
-- Bea admitted by two doors offline (over her allotment of 1), Cal admitted and the mis-tap undone
INSERT INTO synced.check_ins (id, organization_id, event_id, entry_id, kind, admitted, undoes_id, device_id, recorded_by, occurred_at) VALUES
  ('${adaAdmit}', '${org}', '${tonight}', '${ada}', 'ADMIT', 2, NULL, 'door-1', '${staff}', '2026-11-27T06:05:00Z'),
  ('${beaDoor1}', '${org}', '${tonight}', '${bea}', 'ADMIT', 1, NULL, 'door-1', '${staff}', '2026-11-27T06:10:00Z'),
  ('${beaDoor2}', '${org}', '${tonight}', '${bea}', 'ADMIT', 1, NULL, 'door-2', '${manager}', '2026-11-27T06:11:00Z'),
  ('${calAdmit}', '${org}', '${tonight}', '${cal}', 'ADMIT', 3, NULL, 'door-2', '${manager}', '2026-11-27T06:20:00Z'),
  ('${calUndo}', '${org}', '${tonight}', '${cal}', 'UNDO', -3, '${calAdmit}', 'door-2', '${manager}', '2026-11-27T06:21:00Z'),
  (gen_random_uuid(), '${org}', '${tonight}', NULL, 'WALK_UP', 4, NULL, 'box-office', '${staff}', '2026-11-27T06:30:00Z'),
  (gen_random_uuid(), '${otherOrg}', '${tonight}', '${foreignEntry}', 'ADMIT', 1, NULL, 'elsewhere', NULL, '2026-11-27T06:30:00Z');
`;

let dir: string;
let replica: Replica;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'show-day-queries-'));
  replica = await openReplica({ dataDir: join(dir, 'replica') });
  await replica.db.exec(seed);
});

afterAll(async () => {
  await replica?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('showDay', () => {
  it("should open on the venue's show today in the venue's timezone, not the computer's", async () => {
    const day = await showDay(replica, org, { venueId: auckland, eventId: null }, now);
    expect(day.today).toBe('2026-11-27');
    expect(day.venue).toMatchObject({ id: auckland, name: 'The Wharf', timezone: 'Pacific/Auckland' });
    // last night's club night still runs at 01:00, so both are today's shows; the one whose doors
    // have opened is the one on screen
    expect(day.showsToday.map((show) => show.id)).toEqual([lastNight, tonight]);
    expect(day.event?.id).toBe(lastNight);
    expect(
      (await showDay(replica, org, { venueId: auckland, eventId: null }, new Date('2026-11-27T06:30:00Z'))).event?.id,
    ).toBe(tonight);
  });

  it('should carry the run of show, the capacity, who to call and the open tasks in checklist order', async () => {
    const day = await showDay(replica, org, { venueId: auckland, eventId: tonight }, now);
    expect(day.event).toMatchObject({
      id: tonight,
      doorsAt: '2026-11-27T06:00:00.000Z',
      showAt: '2026-11-27T07:30:00.000Z',
      endsAt: '2026-11-27T10:00:00.000Z',
      capacity: 10,
    });
    expect(day.event?.contacts.map((contact) => [contact.role, contact.name, contact.phone])).toEqual([
      ['Booking contact', 'Jo Booker', '+64 21 555 0101'],
      ['Promoter', 'Pia Promo', null],
      ['Manager', 'Tom Brennan', null],
    ]);
    expect(day.event?.openTasks.map((task) => [task.title, task.assignee])).toEqual([
      ['Print the guest list', 'Sam Door'],
      ['Settle the show', 'Tom Brennan'],
    ]);
  });

  it('should say there is no show today, with the next one, when the venue is dark', async () => {
    // the 26th in Chicago: its only show today is cancelled
    const day = await showDay(replica, org, { venueId: chicago, eventId: null }, now);
    expect(day.today).toBe('2026-11-26');
    expect(day.event).toBeNull();
    expect(day.showsToday).toEqual([]);
    expect(day.nextShow).toEqual({ id: nextWeek, title: 'Brass Lanterns', showDate: '2026-12-03' });
  });

  it('should choose the venue with a show today when none is asked for', async () => {
    const day = await showDay(replica, org, { venueId: null, eventId: null }, now);
    expect(day.venue.id).toBe(auckland);
  });

  it('should open a show asked for by id at its own venue, whichever venue the screen was on', async () => {
    // from search: next week's show in Chicago, asked for while the screen is on Auckland
    const day = await showDay(replica, org, { venueId: auckland, eventId: nextWeek }, now);
    expect(day.venue.id).toBe(chicago);
    expect(day.event).toMatchObject({ id: nextWeek, showDate: '2026-12-03' });
    expect((await showDay(replica, org, { venueId: null, eventId: nextWeek }, now)).venue.id).toBe(chicago);
  });

  it("should refuse another organization's venue and event as not found", async () => {
    await expect(showDay(replica, org, { venueId: foreignVenue, eventId: null }, now)).rejects.toThrow(CommandFailure);
    await expect(showDay(replica, org, { venueId: auckland, eventId: foreignShow }, now)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('guestListDoor', () => {
  it('should list the lists with their allotments and the entries by name with who added them', async () => {
    const door = await guestListDoor(replica, org, tonight);
    expect(door.lists).toEqual([
      {
        id: artistList,
        name: 'Amber Fields guests',
        kind: 'ARTIST',
        allotment: 6,
        cutoffAt: '2026-11-27T04:00:00.000Z',
        allotted: 3,
        entryCount: 2,
      },
      { id: compList, name: 'Comps', kind: 'COMP', allotment: null, cutoffAt: null, allotted: 3, entryCount: 1 },
    ]);
    expect(door.entries.map((entry) => [entry.guestName, entry.admitCount, entry.note, entry.addedBy])).toEqual([
      ['Ada Lovelace', 2, 'Plus one at will-call', 'Tom Brennan'],
      ['bea Hollow', 1, null, 'Sam Door'],
      ['Cal Stone', 3, null, null],
    ]);
  });

  it('should sum every device’s admissions, take undos off and flag an entry admitted beyond its allotment', async () => {
    const door = await guestListDoor(replica, org, tonight);
    const entry = (entryId: string) => door.entries.find((candidate) => candidate.id === entryId)!;
    expect(entry(ada)).toMatchObject({ admitted: 2, flagged: false });
    // both doors' admissions are kept and shown with device and who, for the manager
    expect(entry(bea)).toMatchObject({ admitted: 2, flagged: true });
    expect(entry(bea).checkIns.map((c) => [c.id, c.deviceId, c.recordedBy, c.admitted])).toEqual([
      [beaDoor1, 'door-1', 'Sam Door', 1],
      [beaDoor2, 'door-2', 'Tom Brennan', 1],
    ]);
    expect(entry(cal)).toMatchObject({ admitted: 0, flagged: false });
    expect(entry(cal).checkIns.map((c) => [c.kind, c.undone, c.undoesId])).toEqual([
      ['ADMIT', true, null],
      ['UNDO', false, calAdmit],
    ]);
    expect(door.walkUps.map((walkUp) => walkUp.admitted)).toEqual([4]);
  });

  it('should count the door per list and in total, walk-ups included, and warn near capacity', async () => {
    const expected = {
      capacity: 10,
      total: 8,
      walkUps: 4,
      lists: [
        { guestListId: artistList, name: 'Amber Fields guests', admitted: 4 },
        { guestListId: compList, name: 'Comps', admitted: 0 },
      ],
      nearCapacity: false,
    };
    expect(await doorCount(replica, org, tonight)).toEqual(expected);
    expect((await guestListDoor(replica, org, tonight)).door).toEqual(expected);
    // one more walk-up reaches 9 of 10: 90 %
    await replica.db
      .exec(`INSERT INTO synced.check_ins (id, organization_id, event_id, kind, admitted, device_id, occurred_at)
      VALUES (gen_random_uuid(), '${org}', '${tonight}', 'WALK_UP', 1, 'box-office', '2026-11-27T06:40:00Z')`);
    expect(await doorCount(replica, org, tonight)).toMatchObject({ total: 9, walkUps: 5, nearCapacity: true });
  });

  it("should count this device's check-ins and undos made offline at once, through the outbox", async () => {
    const before = await guestListDoor(replica, org, tonight);
    const context = { organizationId: org, userId: staff, role: 'STAFF' as const, at: '2026-11-27T06:45:00.000Z' };
    const checkIn = { eventId: tonight, deviceId: 'door-3', occurredAt: '2026-11-27T06:45:00.000Z' };
    await recordEdit(
      replica.db,
      passedEdit('checkIn.admit', { ...checkIn, id: id(60), entryId: ada, admitted: 1 }),
      context,
    );
    await recordEdit(
      replica.db,
      passedEdit('checkIn.undo', { ...checkIn, id: id(61), undoesId: beaDoor2, entryId: bea }),
      context,
    );
    const after = await guestListDoor(replica, org, tonight);
    const entry = (entryId: string) => after.entries.find((candidate) => candidate.id === entryId)!;
    // Ada one beyond her +1 now, Bea's second admit taken back: flags follow
    expect(entry(ada)).toMatchObject({ admitted: 3, flagged: true });
    expect(entry(ada).checkIns.at(-1)).toMatchObject({ id: id(60), deviceId: 'door-3', recordedBy: 'Sam Door' });
    expect(entry(bea)).toMatchObject({ admitted: 1, flagged: false });
    expect(entry(bea).checkIns.find((c) => c.id === beaDoor2)?.undone).toBe(true);
    expect(after.door.total).toBe(before.door.total);
    expect(after.door.lists[0]!.admitted).toBe(before.door.lists[0]!.admitted);
  });

  it('should refuse an event of another organization as not found', async () => {
    await expect(guestListDoor(replica, org, foreignShow)).rejects.toMatchObject({ code: 'not_found' });
    await expect(doorCount(replica, otherOrg, tonight)).rejects.toMatchObject({ code: 'not_found' });
  });
});
