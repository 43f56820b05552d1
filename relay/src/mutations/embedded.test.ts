// The same write path on the relay's embedded PGlite (one driver connection, no server): applied
// once, replayed the same, refusals recorded, concurrent requests queued rather than deadlocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable, type OrganizationRows } from '../testing/every-table.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('POST /v1/mutations on embedded PGlite', () => {
  let dir: string;
  let db: Database;
  let relay: TestRelay;
  let organizationId: string;
  let member: TestMember;
  let rows: OrganizationRows;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promoteros-mutations-'));
    db = await openDatabase({ dataDir: dir });
    relay = await startTestRelay(db); // migrates
    organizationId = await createOrganization(db.sql, 'Embedded Hall');
    member = await createMember(db.sql, [{ organizationId, role: 'STAFF' }]);
    rows = await fillEveryTable(db.sql, organizationId, member.userId);
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const send = (mutations: unknown[]) => sendBatch(relay, member.token, { organizationId, mutations });

  it('should refuse text PostgreSQL cannot store, record it escaped, and apply the rest of the batch', async () => {
    const taskId = randomUUID();
    const batch = [
      envelope('task.create', { taskId: randomUUID(), eventId: rows.eventId, title: 'Sound\u0000check' }),
      envelope('task.\u0000create', { title: 'Encore \ud83c' }),
      envelope('task.create', { taskId, eventId: rows.eventId, title: 'Line check', 'odd\u0000key': '\ud800' }),
    ];
    const first = await send(batch);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => ('code' in r ? r.code : r.outcome))).toEqual([
      'invalid_arguments',
      'unknown_mutation',
      'APPLIED',
    ]);
    expect(first.body.results[0]).toMatchObject({ reason: 'title: contains a character that cannot be stored (NUL)' });
    expect(await send(batch)).toEqual(first);
  });

  it('should apply a batch once, with the txid and seq of its change-log entries, and replay it the same', async () => {
    const taskId = randomUUID();
    const batch = [
      envelope('task.create', { taskId, eventId: rows.eventId, title: 'Test the smoke machine' }),
      envelope('task.complete', { taskId }),
      envelope('task.complete', { taskId: randomUUID() }),
    ];
    const first = await send(batch);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED', 'REFUSED']);
    const logged = await db.sql`
      SELECT DISTINCT (c.xid::xid)::text AS txid, t.seq::text AS seq
        FROM change_log c JOIN change_transactions t ON t.xid = c.xid
       WHERE c.row_id = ${taskId} ORDER BY seq`;
    // both applied mutations came in the batch's one transaction
    const applied = first.body.results
      .slice(0, 2)
      .map((r) => ({ txid: (r as { txid: string }).txid, seq: (r as { seq: string }).seq }));
    expect(applied[1]).toEqual(applied[0]);
    expect(logged).toEqual([applied[0]]);

    const again = await send(batch);
    expect(again).toEqual(first);
    expect((await db.sql`SELECT count(*)::int AS n FROM change_log WHERE row_id = ${taskId}`)[0]!.n).toBe(2);
  });

  it('should queue concurrent requests for the same mutation on its one connection and apply it once', async () => {
    const taskId = randomUUID();
    const batch = [envelope('task.create', { taskId, eventId: rows.eventId, title: 'Count the chairs' })];
    const answers = await Promise.all([1, 2, 3].map(() => send(batch)));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.body.results[0]!.outcome).toBe('APPLIED');
    expect((await db.sql`SELECT count(*)::int AS n FROM event_tasks WHERE id = ${taskId}`)[0]!.n).toBe(1);
  });
});
