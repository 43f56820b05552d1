// What a removal does on the removed member's device, against a real relay on real PostgreSQL
// with the demo loaded: whether the app is syncing when the owner removes them, or closed and
// started again afterwards, it lists the edits that never reached the relay, deletes its replica
// of the organization and says why; the edits are never applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { createMember } from '@promoteros/relay/testing/fixtures';
import { envelope, sendBatch } from '@promoteros/relay/testing/mutation-client';
import { seedDemo } from '@promoteros/demo/seed';
import type { CommandName, CommandResult, SignalPayload } from '../../common/command-map.js';
import { eventually } from '../testing/sync-fixture.js';
import { MemoryCredentialStore } from './credential-store.js';
import { startDesktopApp, type DesktopApp } from './desktop-app.js';

describe('a member removed from the organization open on their device', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let mailbox: TestMailbox;
  let root: string;
  let organizationId: string;
  let organizationName: string;
  let ownerToken: string;
  const apps: DesktopApp[] = [];
  /** while false, edits cannot reach the relay (everything else can) */
  let uploads = true;
  const fetchWithUploads: typeof fetch = (input, init) =>
    !uploads && String(input instanceof Request ? input.url : input).includes('/v1/mutations')
      ? Promise.reject(new TypeError('fetch failed: the network is down'))
      : fetch(input, init);

  async function start(dir: string, credentials: MemoryCredentialStore): Promise<DesktopApp> {
    const app = await startDesktopApp({
      relayUrl: relay.url,
      dataDir: join(root, dir),
      credentials,
      fetch: fetchWithUploads,
      backoff: { initialDelay: 50, maxDelay: 300 },
      uploadBackoff: { initialMs: 50, maxMs: 300 },
      log: () => {},
    });
    apps.push(app);
    return app;
  }

  async function run<K extends CommandName>(app: DesktopApp, name: K, args: unknown = {}): Promise<CommandResult<K>> {
    const outcome = await app.dispatch(name, args);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as CommandResult<K>;
  }

  /** a member of the demo organization, signed in and synced, with one edit the relay has not had */
  async function memberWithUnsentEdit(email: string, dir: string) {
    const credentials = new MemoryCredentialStore();
    const app = await start(dir, credentials);
    await run(app, 'auth.requestCode', { relayUrl: relay.url, email });
    const mail = await mailbox.next(email, 10_000, /sign-in code/);
    await run(app, 'auth.verifyCode', { email, code: /\b(\d{6})\b/.exec(mail.parsed.subject ?? '')![1]! });
    await eventually(async () => (await run(app, 'sync.status')).phase === 'live', 60_000);
    const [task] = await db.sql<{ id: string; title: string }[]>`
      SELECT id, title FROM event_tasks WHERE organization_id = ${organizationId} ORDER BY id LIMIT 1`;
    uploads = false;
    const title = `Call the promoter (${dir})`;
    await run(app, 'mutation.run', { name: 'task.update', args: { taskId: task!.id, title } });
    expect((await run(app, 'outbox.counts')).pending).toBe(1);
    return { app, credentials, task: task!, title };
  }

  async function removeMember(email: string) {
    const [membership] = await db.sql<{ id: string }[]>`
      SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = ${organizationId} AND lower(u.email) = ${email}`;
    const { body } = await sendBatch(relay, ownerToken, {
      organizationId,
      mutations: [envelope('member.remove', { membershipId: membership!.id })],
    });
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED' });
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-removal-'));
    mailbox = await TestMailbox.start();
    db = await createTestDatabase('desktop_removal');
    await seedDemo(db.sql);
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, LIVE_POLL_TIMEOUT_MS: '2000' });
    const [organization] = await db.sql<{ id: string; name: string }[]>`
      SELECT id, name FROM organizations WHERE slug = 'lakeshore-live'`;
    organizationId = organization!.id;
    organizationName = organization!.name;
    ownerToken = (await createMember(db.sql, [{ organizationId, role: 'OWNER' }])).token;
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('should list the unsent edit, delete the replica and say why, while syncing when the owner removes them', async () => {
    const { app, task, title } = await memberWithUnsentEdit('manager@lakeshore-live.demo', 'syncing');
    const sessions: Array<SignalPayload<'session.changed'>> = [];
    app.on('session.changed', (state) => sessions.push(state));
    expect(existsSync(join(root, 'syncing', organizationId))).toBe(true);

    await removeMember('manager@lakeshore-live.demo');

    const removal = {
      organizationId,
      name: organizationName,
      reason: `you are no longer a member of ${organizationName}`,
      unsentEdits: [expect.objectContaining({ name: 'task.update', args: { taskId: task.id, title } })],
    };
    await eventually(async () => {
      const state = await run(app, 'session.get');
      return state.state === 'signed-in' && state.removal?.unsentEdits.length === 1;
    }, 30_000);
    const state = await run(app, 'session.get');
    expect(state).toMatchObject({ state: 'signed-in', organizationId: null, removal });
    if (state.state !== 'signed-in') throw new Error('signed out');
    expect(state.organizations.map((o) => o.id)).not.toContain(organizationId);
    // the shell is told, not only asked
    expect(sessions.at(-1)).toMatchObject({ removal });
    expect(existsSync(join(root, 'syncing', organizationId))).toBe(false);
    expect(await run(app, 'sync.status')).toMatchObject({
      phase: 'idle',
      reason: expect.stringContaining(organizationName),
    });
    const read = await app.dispatch('events.list', { from: '2025-01-01', to: '2025-01-31' });
    expect(read).toMatchObject({ ok: false });

    uploads = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [inDatabase] = await db.sql<{ title: string }[]>`SELECT title FROM event_tasks WHERE id = ${task.id}`;
    expect(inDatabase!.title).toBe(task.title);
  }, 120_000);

  it('should do the same at the next start when removed while the app was closed', async () => {
    uploads = true;
    const { app, credentials, task, title } = await memberWithUnsentEdit('booking@lakeshore-live.demo', 'closed');
    await app.close();
    await removeMember('booking@lakeshore-live.demo');
    uploads = true;

    const again = await start('closed', credentials);
    await eventually(async () => {
      const state = await run(again, 'session.get');
      return state.state === 'signed-in' && state.removal?.unsentEdits.length === 1;
    }, 30_000);
    expect(await run(again, 'session.get')).toMatchObject({
      organizationId: null,
      removal: {
        organizationId,
        unsentEdits: [expect.objectContaining({ name: 'task.update', args: { taskId: task.id, title } })],
      },
    });
    expect(existsSync(join(root, 'closed', organizationId))).toBe(false);
    const [inDatabase] = await db.sql<{ title: string }[]>`SELECT title FROM event_tasks WHERE id = ${task.id}`;
    expect(inDatabase!.title).toBe(task.title);
  }, 120_000);
});
