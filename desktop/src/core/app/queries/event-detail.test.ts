// The event screen's read on a real PGlite replica (no relay): who a task may be given to is the
// venue's own people, never the outside promoter, while a task a promoter already holds still
// shows their name.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica, type Replica } from '../../replica/open-replica.js';
import { eventDetail } from './event-detail.js';

const id = (n: number) => `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const org = id(1);
const otherOrg = id(2);
const venue = id(3);
const owner = id(4);
const manager = id(5);
const staff = id(6);
const promoter = id(7);
const stranger = id(8);
const event = id(20);

const seed = `
INSERT INTO synced.organizations (id, slug, name) VALUES ('${org}', 'harbour', 'Harbour Live'),
  ('${otherOrg}', 'meridian', 'Meridian Halls');
INSERT INTO synced.venues (id, organization_id, slug, name, timezone, capacity) VALUES
  ('${venue}', '${org}', 'wharf', 'The Wharf', 'Pacific/Auckland', 400);
INSERT INTO synced.memberships (id, organization_id, user_id, role, user_email, user_name) VALUES
  (gen_random_uuid(), '${org}', '${owner}', 'OWNER', 'olga@harbour.example', 'Olga Owner'),
  (gen_random_uuid(), '${org}', '${manager}', 'MANAGER', 'tom@harbour.example', 'Tom Brennan'),
  (gen_random_uuid(), '${org}', '${staff}', 'STAFF', 'sam@harbour.example', 'Sam Door'),
  (gen_random_uuid(), '${org}', '${promoter}', 'PROMOTER', 'pia@promo.example', 'Pia Promo'),
  (gen_random_uuid(), '${otherOrg}', '${stranger}', 'MANAGER', 'x@meridian.example', 'Xavier Elsewhere');
INSERT INTO synced.events (id, organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at,
    ends_at, promoter_user_id) VALUES
  ('${event}', '${org}', '${venue}', 'Amber Fields live', 'Amber Fields', 'CONFIRMED', '2026-11-27',
   '2026-11-27T06:00:00Z', '2026-11-27T07:30:00Z', '2026-11-27T10:00:00Z', '${promoter}');
-- held by the promoter: an assignment the rules refuse now, but a replica may still hold
INSERT INTO synced.event_tasks (id, organization_id, event_id, title, position, assignee_user_id) VALUES
  (gen_random_uuid(), '${org}', '${event}', 'Send the poster files', 0, '${promoter}'),
  (gen_random_uuid(), '${org}', '${event}', 'Print the guest list', 1, '${staff}');
`;

let dir: string;
let replica: Replica;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'event-detail-'));
  replica = await openReplica({ dataDir: join(dir, 'replica') });
  await replica.db.exec(seed);
});

afterAll(async () => {
  await replica.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('events.get', () => {
  it('should offer the venue’s own people as assignees, by name, and not the promoter', async () => {
    const detail = await eventDetail(replica, org, event);
    expect(detail.members).toEqual([
      { userId: owner, name: 'Olga Owner', role: 'OWNER' },
      { userId: staff, name: 'Sam Door', role: 'STAFF' },
      { userId: manager, name: 'Tom Brennan', role: 'MANAGER' },
    ]);
  });

  it('should still name the promoter on a task they already hold', async () => {
    const detail = await eventDetail(replica, org, event);
    expect(detail.tasks.map((task) => [task.title, task.assignee])).toEqual([
      ['Send the poster files', 'Pia Promo'],
      ['Print the guest list', 'Sam Door'],
    ]);
  });
});
