// The write path through the app's commands, against a real relay on real PostgreSQL with the
// demo loaded: an edit shows at once and reaches PostgreSQL; edits made offline survive a
// restart and upload when the relay is back; an edit the relay refuses comes back to its author
// with the reason, and sign-out will not quietly leave such edits behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { seedDemo } from '@promoteros/demo/seed';
import type { CommandName, CommandResult } from '../../common/command-map.js';
import { eventually } from '../testing/sync-fixture.js';
import { MemoryCredentialStore } from './credential-store.js';
import { startDesktopApp, type DesktopApp } from './desktop-app.js';

const OWNER = 'owner@lakeshore-live.demo';

describe('the write path through the app', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let mailbox: TestMailbox;
  let root: string;
  let app: DesktopApp;
  const credentials = new MemoryCredentialStore();
  let online = true;
  const fetchThroughNetwork: typeof fetch = (input, init) =>
    online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed: the network is down'));
  let eventId: string;
  let taskIds: string[];

  const start = async () => {
    app = await startDesktopApp({
      relayUrl: relay.url,
      dataDir: join(root, 'owner'),
      credentials,
      fetch: fetchThroughNetwork,
      backoff: { initialDelay: 50, maxDelay: 300 },
      uploadBackoff: { initialMs: 50, maxMs: 300 },
      log: () => {},
    });
  };

  async function run<K extends CommandName>(name: K, args: unknown = {}): Promise<CommandResult<K>> {
    const outcome = await app.dispatch(name, args);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as CommandResult<K>;
  }
  const tasksShown = async () => (await run('events.get', { eventId })).tasks;
  const taskInDatabase = async (id: string) => (await db.sql`SELECT * FROM event_tasks WHERE id = ${id}`)[0];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-writes-'));
    mailbox = await TestMailbox.start();
    db = await createTestDatabase('write_path');
    await seedDemo(db.sql);
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, LIVE_POLL_TIMEOUT_MS: '2000' });
    // an open show with a checklist
    const [event] = await db.sql<{ id: string }[]>`
      SELECT e.id FROM events e JOIN organizations o ON o.id = e.organization_id
       WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED'
         AND (SELECT count(*) FROM event_tasks t WHERE t.event_id = e.id AND t.completed_at IS NULL) >= 3
       ORDER BY e.show_date LIMIT 1`;
    eventId = event!.id;
    taskIds = (
      await db.sql<
        { id: string }[]
      >`SELECT id FROM event_tasks WHERE event_id = ${eventId} AND completed_at IS NULL ORDER BY position, id`
    ).map((t) => t.id);

    await start();
    await run('auth.requestCode', { relayUrl: relay.url, email: OWNER });
    const mail = await mailbox.next(OWNER, 10_000, /sign-in code/);
    await run('auth.verifyCode', { email: OWNER, code: /\b(\d{6})\b/.exec(mail.parsed.subject ?? '')![1]! });
    await eventually(async () => (await run('sync.status')).phase === 'live', 60_000);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('should show an edit at once, then reach PostgreSQL and leave nothing pending', async () => {
    const changed: string[][] = [];
    const off = app.on('replica.changed', ({ tables }) => changed.push(tables));
    await run('mutation.run', {
      name: 'task.update',
      args: { taskId: taskIds[0], title: 'Walk the room with security' },
    });
    off();
    // visible before any answer from the relay could have arrived in the replica
    expect((await tasksShown()).find((t) => t.id === taskIds[0])?.title).toBe('Walk the room with security');
    expect(changed[0]).toEqual(['event_tasks']);

    await eventually(async () => (await taskInDatabase(taskIds[0]!))?.title === 'Walk the room with security');
    await eventually(async () => (await run('outbox.counts')).pending === 0);
    expect(await run('outbox.counts')).toEqual({ pending: 0, refused: 0 });
    const [audit] = await db.sql`SELECT action, entity_id FROM audit_logs WHERE entity_id = ${taskIds[0]!}`;
    expect(audit).toEqual({ action: 'task.update', entity_id: taskIds[0] });
  });

  it('should refuse at once, with the reason, an edit the device already knows is wrong', async () => {
    const invalid = await app.dispatch('mutation.run', { name: 'task.update', args: { taskId: 'nope', title: '' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect((invalid as { error: { details: Record<string, string> } }).error.details).toMatchObject({
      taskId: expect.any(String),
      title: 'must not be empty',
    });
    const unknown = await app.dispatch('mutation.run', { name: 'task.teleport', args: {} });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments', message: 'there is no edit called task.teleport' },
    });
    const gone = await app.dispatch('mutation.run', { name: 'task.complete', args: { taskId: randomUUID() } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'rule', message: 'the task no longer exists' } });
    expect(await run('outbox.counts')).toEqual({ pending: 0, refused: 0 });
  });

  it('should keep edits made offline through a restart, and upload them when the relay answers again', async () => {
    online = false;
    const newTask = randomUUID();
    await run('mutation.run', {
      name: 'task.create',
      args: { taskId: newTask, eventId, title: 'Print the set lists' },
    });
    await run('mutation.run', { name: 'task.complete', args: { taskId: newTask } });
    await run('mutation.run', { name: 'task.update', args: { taskId: taskIds[1], dueDate: '2026-12-24' } });
    expect((await run('outbox.counts')).pending).toBe(3);
    await eventually(async () => (await run('sync.status')).phase === 'offline');
    expect((await run('sync.status')).pendingChanges).toBe(3);

    // the app quits (or crashes) and starts again, still without a network
    await app.close();
    await start();
    const shown = await tasksShown();
    expect(shown.find((t) => t.id === newTask)).toMatchObject({
      title: 'Print the set lists',
      completedAt: expect.any(String),
    });
    expect(shown.find((t) => t.id === taskIds[1])?.dueDate).toBe('2026-12-24');
    expect((await run('outbox.counts')).pending).toBe(3);
    expect(await taskInDatabase(newTask)).toBeUndefined();

    online = true;
    await eventually(async () => (await run('outbox.counts')).pending === 0, 30_000);
    expect(await taskInDatabase(newTask)).toMatchObject({ title: 'Print the set lists', event_id: eventId });
    expect((await taskInDatabase(newTask))!.completed_at).not.toBeNull();
    const ledger = await db.sql`SELECT count(*)::int AS n FROM mutation_ledger WHERE args->>'taskId' = ${newTask}`;
    expect(ledger[0]!.n).toBe(2);
  });

  it('should bring a refused edit back to its author with the reason, and let them discard or retry it', async () => {
    online = false;
    await run('mutation.run', { name: 'task.complete', args: { taskId: taskIds[2] } });
    expect((await tasksShown()).find((t) => t.id === taskIds[2])?.completedAt).not.toBeNull();
    // meanwhile, in the office, the show is settled
    await db.sql`UPDATE events SET status = 'SETTLED' WHERE id = ${eventId}`;
    online = true;

    await eventually(async () => (await run('outbox.counts')).refused === 1, 30_000);
    const [refused] = await run('outbox.needsAttention');
    expect(refused).toMatchObject({ name: 'task.complete', description: 'Tick a task off', code: 'rule' });
    expect(refused!.reason).toMatch(/is settled and can no longer be edited/);
    // rolled back: the replica shows what the relay holds
    await eventually(async () => (await tasksShown()).find((t) => t.id === taskIds[2])?.completedAt === null);

    const signOut = await app.dispatch('auth.signOut', {});
    expect(signOut).toMatchObject({ ok: false, error: { code: 'pending_changes' } });
    expect((signOut as { error: { message: string } }).error.message).toMatch(
      /^1 refused edit is waiting for you\. They stay on this computer/,
    );

    // reopened in the office; the user tries again
    await db.sql`UPDATE events SET status = 'CONFIRMED' WHERE id = ${eventId}`;
    await eventually(async () => (await run('events.get', { eventId })).status === 'CONFIRMED');
    const again = await run('outbox.retry', { mutationId: refused!.mutationId });
    expect(again.mutationId).not.toBe(refused!.mutationId);
    await eventually(async () => (await taskInDatabase(taskIds[2]!))?.completed_at !== null, 30_000);
    expect(await run('outbox.needsAttention')).toEqual([]);

    // a second refusal, discarded this time
    online = false;
    await run('mutation.run', { name: 'task.update', args: { taskId: taskIds[2], title: 'Too late' } });
    await db.sql`UPDATE events SET status = 'SETTLED' WHERE id = ${eventId}`;
    online = true;
    await eventually(async () => (await run('outbox.counts')).refused === 1, 30_000);
    const [second] = await run('outbox.needsAttention');
    await run('outbox.discard', { mutationId: second!.mutationId });
    expect(await run('outbox.counts')).toEqual({ pending: 0, refused: 0 });
    expect(await app.dispatch('outbox.discard', { mutationId: second!.mutationId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await run('auth.signOut')).toMatchObject({ state: 'signed-out' });
  });
});
