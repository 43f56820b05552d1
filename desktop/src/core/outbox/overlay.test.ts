// The overlay on a real PGlite replica, without a relay: edits show at once through the views,
// sync writes show through them, refusals and reconciliation undo exactly what they should.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '@promoteros/shared/migrations';
import type { MutationArgs, MutationContext, MutationName } from '@promoteros/shared/mutations';
import { openReplica, type Replica } from '../replica/open-replica.js';
import { recordEdit } from './record-edit.js';
import { passedEdit } from '../testing/passed-edit.js';
import { dropPendingWrites, reconcileApplied } from './reconcile.js';

const org = '10000000-0000-4000-8000-000000000001';
const venue = '10000000-0000-4000-8000-000000000002';
const event = '10000000-0000-4000-8000-000000000003';
const task = '10000000-0000-4000-8000-000000000004';
const staff = '10000000-0000-4000-8000-000000000005';
const newTask = '10000000-0000-4000-8000-000000000006';

const context: MutationContext = { organizationId: org, userId: staff, role: 'STAFF', at: '2026-11-26T12:00:00.000Z' };

const seedSynced = `
INSERT INTO synced.organizations (id, slug, name) VALUES ('${org}', 'lakeshore', 'Lakeshore Live');
INSERT INTO synced.venues (id, organization_id, slug, name, timezone, capacity)
  VALUES ('${venue}', '${org}', 'hall', 'The Hall', 'America/Chicago', 2000);
INSERT INTO synced.memberships (id, organization_id, user_id, role, user_email, user_name)
  VALUES (gen_random_uuid(), '${org}', '${staff}', 'STAFF', 'sam@example.com', 'Sam');
INSERT INTO synced.events (id, organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
  VALUES ('${event}', '${org}', '${venue}', 'Night One', 'The Band', '2026-12-01',
          '2026-12-02T01:00:00Z', '2026-12-02T02:00:00Z', '2026-12-02T05:00:00Z');
INSERT INTO synced.event_tasks (id, organization_id, event_id, title, position)
  VALUES ('${task}', '${org}', '${event}', 'Send the advance', 0);
`;

let dir: string;
let replica: Replica;

const run = <Name extends MutationName>(name: Name, args: MutationArgs<Name>, id?: string) =>
  recordEdit(replica.db, passedEdit(name, args), context, id);
const tasks = () =>
  replica.query<{ id: string; title: string; due_date: string | null; description: string | null }>(
    `SELECT id, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, description FROM event_tasks ORDER BY position, id`,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'overlay-'));
  replica = await openReplica({ dataDir: join(dir, 'replica') });
});

afterAll(async () => {
  await replica.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await replica.db.exec(`
    TRUNCATE _outbox, _pending_writes, _overlay, _sync_shapes;
    TRUNCATE synced.organizations, synced.venues, synced.memberships, synced.events, synced.event_tasks;
    ${seedSynced}`);
});

describe('the replica overlay', () => {
  it('should show a new task at once and queue it, and roll it back exactly when refused', async () => {
    const made = await run('task.create', { taskId: newTask, eventId: event, title: 'Book the runner' });
    expect(made.tables).toEqual(['event_tasks']);
    expect((await tasks()).map((t) => t.title)).toEqual(['Send the advance', 'Book the runner']);
    const [queued] = await replica.query<{ state: string; organization_id: string }>('SELECT * FROM _outbox');
    expect(queued).toMatchObject({ state: 'PENDING', organization_id: org });
    // the synced table itself is untouched: sync never has to step around the edit
    expect(await replica.query('SELECT id FROM synced.event_tasks')).toHaveLength(1);

    await replica.db.transaction((tx) => dropPendingWrites(tx, [made.id]));
    expect((await tasks()).map((t) => t.title)).toEqual(['Send the advance']);
    expect(await replica.query('SELECT * FROM _overlay')).toEqual([]);
  });

  it('should lay an edited field over the synced row while sync changes the other fields', async () => {
    await run('task.update', { taskId: task, title: 'Send the advance pack' });
    await replica.db.exec(`UPDATE synced.event_tasks SET due_date = '2026-11-28', title = 'Advance (old)'`);
    expect(await tasks()).toEqual([
      { id: task, title: 'Send the advance pack', due_date: '2026-11-28', description: null },
    ]);
  });

  it('should fold several pending edits of a row in order, and undo one of them alone', async () => {
    const first = await run('task.update', { taskId: task, title: 'First title' });
    await run('task.update', { taskId: task, description: 'Rider and stage plot' });
    await run('task.update', { taskId: task, title: 'Second title' });
    expect((await tasks())[0]).toMatchObject({ title: 'Second title', description: 'Rider and stage plot' });

    await replica.db.transaction((tx) => dropPendingWrites(tx, [first.id]));
    expect((await tasks())[0]).toMatchObject({ title: 'Second title', description: 'Rider and stage plot' });
  });

  it('should make an edit of a task added offline depend on the add, and fold both into one new row', async () => {
    const added = await run('task.create', { taskId: newTask, eventId: event, title: 'Book the runner' });
    const edited = await run('task.update', { taskId: newTask, dueDate: '2026-11-30' });
    const [entry] = await replica.query<{ after_ids: string[] }>('SELECT after_ids FROM _outbox WHERE id = $1', [
      edited.id,
    ]);
    expect(entry!.after_ids).toEqual([added.id]);
    const [overlay] = await replica.query<{ op: string }>('SELECT op FROM _overlay WHERE row_id = $1', [newTask]);
    expect(overlay!.op).toBe('insert');
    expect((await tasks()).find((t) => t.id === newTask)).toMatchObject({
      title: 'Book the runner',
      due_date: '2026-11-30',
    });
  });

  it('should hide a removed task until the removal is refused', async () => {
    const manager = { ...context, role: 'MANAGER' as const };
    const removed = await recordEdit(replica.db, passedEdit('task.remove', { taskId: task }), manager);
    expect(await tasks()).toEqual([]);
    await replica.db.transaction((tx) => dropPendingWrites(tx, [removed.id]));
    expect(await tasks()).toHaveLength(1);
  });

  it('should refuse an edit a domain rule forbids, leaving nothing behind', async () => {
    await replica.db.exec(`UPDATE synced.events SET status = 'SETTLED'`);
    await expect(run('task.complete', { taskId: task })).rejects.toThrow(/settled/);
    expect(await replica.query('SELECT * FROM _outbox')).toEqual([]);
    expect(await replica.query('SELECT * FROM _overlay')).toEqual([]);
  });

  it('should drop an applied edit only once every table it wrote has synced past its commit', async () => {
    const made = await run('task.update', { taskId: task, title: 'Renamed' });
    await replica.db.query(
      `UPDATE _outbox SET state = 'APPLIED', commit_seq = 10, tables = '{event_tasks,audit_logs}' WHERE id = $1`,
      [made.id],
    );
    await replica.db.exec(`INSERT INTO _sync_shapes VALUES
      ('${org}', 'event_tasks', 'h1', '9_inf', now()), ('${org}', 'audit_logs', 'h2', '12_inf', now())`);
    expect(await replica.db.transaction((tx) => reconcileApplied(tx, org))).toEqual([]);
    expect((await tasks())[0]!.title).toBe('Renamed');

    // the relay's row arrives with the shape that passes the commit
    await replica.db.exec(`UPDATE synced.event_tasks SET title = 'Renamed';
      UPDATE _sync_shapes SET "offset" = '10_inf' WHERE table_name = 'event_tasks'`);
    expect(await replica.db.transaction((tx) => reconcileApplied(tx, org))).toEqual(['event_tasks']);
    expect(await replica.query('SELECT * FROM _outbox')).toEqual([]);
    expect(await replica.query('SELECT * FROM _overlay')).toEqual([]);
    expect((await tasks())[0]!.title).toBe('Renamed');
  });

  it('should not wait for a table this member does not sync', async () => {
    const made = await run('task.update', { taskId: task, title: 'Renamed' });
    await replica.db.query(
      `UPDATE _outbox SET state = 'APPLIED', commit_seq = 10, tables = '{event_tasks,audit_logs}' WHERE id = $1`,
      [made.id],
    );
    await replica.db.exec(`INSERT INTO _sync_shapes VALUES ('${org}', 'event_tasks', 'h1', '10_inf', now())`);
    expect(await replica.db.transaction((tx) => reconcileApplied(tx, org))).toEqual(['event_tasks']);
  });
});

describe('a replica made before the overlay', () => {
  it('should move its synced tables under the views and keep their rows', async () => {
    const oldDir = join(dir, 'old-layout');
    const old = await PGlite.create(oldDir);
    await old.exec(`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
      checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const m of loadMigrations().filter((m) => m.target === 'domain')) {
      await old.exec(m.sql);
      await old.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
    }
    await old.exec(`INSERT INTO organizations (id, slug, name) VALUES ('${org}', 'lakeshore', 'Lakeshore Live')`);
    await old.close();

    const reopened = await openReplica({ dataDir: oldDir });
    try {
      expect(await reopened.query('SELECT name FROM organizations')).toEqual([{ name: 'Lakeshore Live' }]);
      expect(await reopened.query('SELECT name FROM synced.organizations')).toEqual([{ name: 'Lakeshore Live' }]);
    } finally {
      await reopened.close();
    }
  });
});
