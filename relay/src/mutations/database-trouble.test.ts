// When PostgreSQL fails under a batch (here: a lock it cannot get in time), the relay stops at
// that mutation and answers 503; the device sends the whole batch again and the mutations
// already committed replay from the ledger instead of applying twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable, type OrganizationRows } from '../testing/every-table.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('POST /v1/mutations when the database fails mid-batch', () => {
  let db: TestDatabase;
  let relayDb: Database;
  let relay: TestRelay;
  let organizationId: string;
  let member: TestMember;
  let rows: OrganizationRows;

  beforeAll(async () => {
    db = await createTestDatabase('mutation_trouble');
    // the relay's own connections give up on a row lock after a moment instead of waiting
    await db.sql.unsafe(`ALTER DATABASE ${db.name} SET lock_timeout = '300ms'`);
    relayDb = await openDatabase({ databaseUrl: db.url, dataDir: '', maxConnections: 4 });
    relay = await startTestRelay(relayDb);
    organizationId = await createOrganization(db.sql, 'Lakeside Arena');
    member = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    rows = await fillEveryTable(db.sql, organizationId, member.userId);
  });
  afterAll(async () => {
    await relay?.stop();
    await relayDb?.close();
    await db?.drop();
  });

  it('should answer 503 with nothing of the batch recorded, and apply it all once when it is sent again', async () => {
    const taskId = rows.ids.event_tasks![0]!;
    // a second show, so the first mutation does not touch the checklist the locked task is on
    const [other] = await db.sql<{ id: string }[]>`
      INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
      VALUES (${organizationId}, ${rows.venueId}, 'Late Show', 'The Night Bus', '2027-04-02',
              '2027-04-02 19:00+00', '2027-04-02 20:00+00', '2027-04-02 23:00+00')
      RETURNING id`;
    const [first, third] = [randomUUID(), randomUUID()];
    const batch = [
      envelope('task.create', { taskId: first, eventId: other!.id, title: 'Tune the piano' }),
      envelope('task.complete', { taskId }),
      envelope('task.create', { taskId: third, eventId: rows.eventId, title: 'Sweep the stage' }),
    ];
    const send = () => sendBatch(relay, member.token, { organizationId, mutations: batch });

    // another session holds the task's row while the batch runs
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.sql.begin(async (tx) => {
      await tx`SELECT 1 FROM event_tasks WHERE id = ${taskId} FOR UPDATE`;
      locked();
      await released;
    });
    await isLocked;
    const failed = await send();
    release();
    await holder;

    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ code: 'database_unavailable' });
    expect(failed.body.message).toContain('batch of 3');
    expect(failed.body.message).toContain('nothing of it was recorded: send the batch again');
    const [before] = await db.sql`
      SELECT (SELECT count(*)::int FROM event_tasks WHERE id IN (${first}, ${third})) AS tasks,
             (SELECT count(*)::int FROM mutation_ledger) AS ledger`;
    // the first mutation had applied inside the batch's transaction: it went with the rest
    expect(before).toEqual({ tasks: 0, ledger: 0 });

    const retried = await send();
    expect(retried.status).toBe(200);
    expect(retried.body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    const [after] = await db.sql`
      SELECT (SELECT count(*)::int FROM event_tasks WHERE id IN (${first}, ${third})) AS tasks,
             (SELECT count(*)::int FROM audit_logs WHERE action = 'task.create') AS creates,
             (SELECT completed_by FROM event_tasks WHERE id = ${taskId}) AS completed_by`;
    expect(after).toEqual({ tasks: 2, creates: 2, completed_by: member.userId });
  });
});
