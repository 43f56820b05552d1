// The workflow's queries on a real PGlite replica (no relay): the inbox's search, preferred-date
// range in the venue's timezone, sort and NEW count; one request with its history and holds; the
// holds on a venue date in rank order; the task templates in their order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica, type Replica } from '../../replica/open-replica.js';
import { holdsOnDate } from './holds.js';
import { requestDetail } from './request-detail.js';
import { containsPattern, listRequests } from './request-list.js';
import { listTaskTemplates } from './task-templates.js';

const org = '20000000-0000-4000-8000-000000000001';
const otherOrg = '20000000-0000-4000-8000-000000000002';
const venue = '20000000-0000-4000-8000-000000000003';
const otherVenue = '20000000-0000-4000-8000-000000000004';
const manager = '20000000-0000-4000-8000-000000000005';
const early = '20000000-0000-4000-8000-0000000000a1';
const late = '20000000-0000-4000-8000-0000000000a2';
const declined = '20000000-0000-4000-8000-0000000000a3';
const foreign = '20000000-0000-4000-8000-0000000000a4';

// Chicago: 2027-03-05 23:30 local is 2027-03-06 05:30 UTC, so the venue's day and UTC's differ
const seed = `
INSERT INTO synced.organizations (id, slug, name) VALUES ('${org}', 'lakeshore', 'Lakeshore Live'),
  ('${otherOrg}', 'meridian', 'Meridian Halls');
INSERT INTO synced.venues (id, organization_id, slug, name, timezone, capacity) VALUES
  ('${venue}', '${org}', 'hall', 'The Hall', 'America/Chicago', 2000),
  ('${otherVenue}', '${otherOrg}', 'camden', 'Camden', 'Europe/London', 900);
INSERT INTO synced.memberships (id, organization_id, user_id, role, user_email, user_name)
  VALUES (gen_random_uuid(), '${org}', '${manager}', 'MANAGER', 'tom@example.com', 'Tom Brennan');
INSERT INTO synced.event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
    artist_name, event_title, preferred_start, preferred_end, expected_attendance, submitted_at, budget_min_cents) VALUES
  ('${early}', '${org}', '${venue}', 'RQ-AAAA-0001', 'NEW', 'Jo Booker', 'jo@bookers.example', 'Amber Fields',
   'Spring 100% Tour', '2027-03-06T05:30:00Z', '2027-03-06T07:00:00Z', 300, '2026-11-01T10:00:00Z', 250000),
  ('${late}', '${org}', '${venue}', 'RQ-BBBB-0002', 'NEW', 'Max Agent', 'max@agency.example', 'Brass Lanterns',
   'Summer Nights', '2027-07-10T01:00:00Z', '2027-07-10T04:00:00Z', 800, '2026-11-03T10:00:00Z', NULL),
  ('${declined}', '${org}', '${venue}', 'RQ-CCCC-0003', 'DECLINED', 'Jo Booker', 'jo@bookers.example', 'Cobalt Skies',
   'Autumn', '2027-03-06T04:00:00Z', '2027-03-06T06:00:00Z', 200, '2026-11-02T10:00:00Z', NULL),
  ('${foreign}', '${otherOrg}', '${otherVenue}', 'RQ-DDDD-0004', 'NEW', 'Jo Booker', 'jo@bookers.example',
   'Amber Fields', 'London', '2027-03-06T20:00:00Z', '2027-03-06T22:00:00Z', 200, '2026-11-04T10:00:00Z', NULL);
INSERT INTO synced.decision_logs (id, organization_id, request_id, from_status, to_status, note, actor_user_id, created_at) VALUES
  (gen_random_uuid(), '${org}', '${declined}', NULL, 'NEW', NULL, NULL, '2026-11-02T10:00:00Z'),
  (gen_random_uuid(), '${org}', '${declined}', 'NEW', 'DECLINED', 'Dark that week', '${manager}', '2026-11-05T10:00:00Z');
INSERT INTO synced.holds (id, organization_id, venue_id, request_id, hold_date, rank, status, release_reason, updated_at) VALUES
  (gen_random_uuid(), '${org}', '${venue}', '${late}', '2027-03-05', 2, 'ACTIVE', NULL, '2026-11-06T10:00:00Z'),
  (gen_random_uuid(), '${org}', '${venue}', '${early}', '2027-03-05', 1, 'ACTIVE', NULL, '2026-11-06T10:00:00Z'),
  (gen_random_uuid(), '${org}', '${venue}', '${declined}', '2027-03-05', 1, 'RELEASED', 'Declined', '2026-11-05T10:00:00Z');
INSERT INTO synced.task_templates (id, organization_id, title, default_due_days, position, active) VALUES
  (gen_random_uuid(), '${org}', 'Print the day sheet', 1, 1, true),
  (gen_random_uuid(), '${org}', 'Send the advance', 14, 0, false),
  (gen_random_uuid(), '${otherOrg}', 'Not ours', 3, 0, true);
`;

let dir: string;
let replica: Replica;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workflow-queries-'));
  replica = await openReplica({ dataDir: join(dir, 'replica') });
  await replica.db.exec(seed);
});

afterAll(async () => {
  await replica.close();
  rmSync(dir, { recursive: true, force: true });
});

const list = (args: Partial<Parameters<typeof listRequests>[2]> = {}) =>
  listRequests(replica, org, {
    statuses: [],
    venueId: null,
    search: '',
    from: null,
    to: null,
    sort: 'submitted',
    limit: 100,
    offset: 0,
    ...args,
  });
const artists = async (args: Partial<Parameters<typeof listRequests>[2]> = {}) =>
  (await list(args)).rows.map((row) => row.artistName);

describe('requests.list', () => {
  it('should list only the organization’s requests, newest submitted first, with the NEW count', async () => {
    const answer = await list();
    expect(answer.rows.map((row) => row.artistName)).toEqual(['Brass Lanterns', 'Cobalt Skies', 'Amber Fields']);
    expect(answer.newCount).toBe(2);
  });

  it('should keep the NEW count whatever the filters', async () => {
    const answer = await list({ statuses: ['DECLINED'] });
    expect(answer.total).toBe(1);
    expect(answer.newCount).toBe(2);
  });

  it('should sort by the preferred date, soonest first', async () => {
    expect(await artists({ sort: 'preferred' })).toEqual(['Cobalt Skies', 'Amber Fields', 'Brass Lanterns']);
  });

  it('should find words in the artist, title, contact and reference, case aside', async () => {
    expect(await artists({ search: 'brass' })).toEqual(['Brass Lanterns']);
    expect(await artists({ search: 'summer NIGHTS' })).toEqual(['Brass Lanterns']);
    expect(await artists({ search: 'jo booker' })).toEqual(['Cobalt Skies', 'Amber Fields']);
    expect(await artists({ search: '@agency' })).toEqual(['Brass Lanterns']);
    expect(await artists({ search: 'rq-cccc' })).toEqual(['Cobalt Skies']);
  });

  it('should take % and _ in the words literally', async () => {
    expect(await artists({ search: '100%' })).toEqual(['Amber Fields']);
    expect(await artists({ search: '%' })).toEqual(['Amber Fields']);
    expect(await artists({ search: '_' })).toEqual([]);
    expect(containsPattern('  ')).toBeNull();
  });

  it('should read the date range as the venue’s calendar days', async () => {
    // 05:30 UTC on the 6th is still the 5th in Chicago
    expect(await artists({ from: '2027-03-05', to: '2027-03-05' })).toEqual(['Cobalt Skies', 'Amber Fields']);
    expect(await artists({ from: '2027-03-06', to: '2027-03-06' })).toEqual([]);
    expect(await artists({ from: '2027-04-01' })).toEqual(['Brass Lanterns']);
    expect(await artists({ to: '2027-04-01' })).toEqual(['Cobalt Skies', 'Amber Fields']);
  });
});

describe('requests.get', () => {
  it('should give the request with its venue, its decisions in order with who made them, and its holds', async () => {
    const detail = await requestDetail(replica, org, declined);
    expect(detail).toMatchObject({
      reference: 'RQ-CCCC-0003',
      status: 'DECLINED',
      venue: { id: venue, timezone: 'America/Chicago', capacity: 2000 },
      contactEmail: 'jo@bookers.example',
      budgetMinCents: null,
      eventId: null,
    });
    expect(detail.history.map((step) => [step.fromStatus, step.toStatus, step.note, step.actor])).toEqual([
      [null, 'NEW', null, null],
      ['NEW', 'DECLINED', 'Dark that week', 'Tom Brennan'],
    ]);
    expect(detail.holds).toMatchObject([{ holdDate: '2027-03-05', status: 'RELEASED', releaseReason: 'Declined' }]);
    expect((await requestDetail(replica, org, early)).budgetMinCents).toBe(250000);
  });

  it('should say not found for another organization’s request', async () => {
    await expect(requestDetail(replica, org, foreign)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('holds.onDate', () => {
  it('should give the active holds by rank, then the ended ones, with the request behind each', async () => {
    const holds = await holdsOnDate(replica, org, venue, '2027-03-05');
    expect(holds.map((hold) => [hold.rank, hold.status, hold.artistName])).toEqual([
      [1, 'ACTIVE', 'Amber Fields'],
      [2, 'ACTIVE', 'Brass Lanterns'],
      [1, 'RELEASED', 'Cobalt Skies'],
    ]);
    expect(await holdsOnDate(replica, org, venue, '2027-03-06')).toEqual([]);
    expect(await holdsOnDate(replica, otherOrg, venue, '2027-03-05')).toEqual([]);
  });
});

describe('taskTemplates.list', () => {
  it('should give the organization’s templates in their order, switched-off ones too', async () => {
    expect((await listTaskTemplates(replica, org)).map((t) => [t.title, t.active])).toEqual([
      ['Send the advance', false],
      ['Print the day sheet', true],
    ]);
  });
});
