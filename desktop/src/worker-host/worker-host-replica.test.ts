// The core in its worker against a real relay on real PostgreSQL: the replica syncs in the
// worker and its pushes reach the host's listeners, an edit made through the worker is kept, and
// close() shuts the replica down cleanly (PostgreSQL's control file says "shut down", as it
// would not after a crash) before the thread ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { seedBulkOrganization, type BulkOrganization } from '@promoteros/demo/bulk';
import type { CommandName, CommandResult, SignalName } from '../common/command-map.js';
import { MemoryCredentialStore } from '../core/app/credential-store.js';
import { startDesktopApp, type DesktopApp } from '../core/app/desktop-app.js';
import { eventually } from '../core/testing/sync-fixture.js';
import { rememberOwnerSession } from './testing/signed-in-data-dir.js';
import { startDesktopAppInWorker } from './worker-host.js';

// PostgreSQL's pg_control: the cluster state is the int32 at byte 16
const DB_SHUTDOWNED = 1;
const DB_IN_PRODUCTION = 6;
const clusterState = (replicaDir: string) => readFileSync(join(replicaDir, 'global', 'pg_control')).readInt32LE(16);

async function run<K extends CommandName>(
  app: Pick<DesktopApp, 'dispatch'>,
  name: K,
  args: unknown = {},
): Promise<CommandResult<K>> {
  const outcome = await app.dispatch(name, args);
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
  return outcome.value as CommandResult<K>;
}

describe('the desktop core in a worker thread, synced from a relay', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let organization: BulkOrganization;
  let root: string;
  let reopened: DesktopApp | undefined;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-worker-replica-'));
    db = await createTestDatabase('worker_host');
    organization = await seedBulkOrganization(db.sql, { rows: 2_000 });
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '2000' });
  }, 120_000);
  afterAll(async () => {
    await reopened?.close();
    await relay?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('should sync in the worker, push to the host, keep an edit, and close the replica cleanly', async () => {
    const dataDir = join(root, 'device');
    const replicaDir = join(dataDir, organization.organizationId);
    await rememberOwnerSession(db.sql, dataDir, relay.url, organization);
    const credentials = new MemoryCredentialStore(organization.owner.token);
    const app = await startDesktopAppInWorker({
      relayUrl: relay.url,
      dataDir,
      credentials,
      backoff: { initialDelay: 50, maxDelay: 300 },
      log: () => {},
    });
    const pushed = new Set<SignalName>();
    app.onAny((name) => pushed.add(name));

    await eventually(async () => (await run(app, 'sync.status')).phase === 'live', 60_000);
    expect(pushed).toContain('sync.status');
    expect(pushed).toContain('replica.changed');
    expect(clusterState(replicaDir)).toBe(DB_IN_PRODUCTION);

    const [task] = await db.sql<{ id: string; event_id: string }[]>`
      SELECT t.id, t.event_id FROM event_tasks t JOIN events e ON e.id = t.event_id
       WHERE t.organization_id = ${organization.organizationId} AND e.status <> 'SETTLED' LIMIT 1`;
    await run(app, 'mutation.run', {
      name: 'task.update',
      args: { taskId: task!.id, title: 'Load-in through the worker' },
    });

    await app.close();
    expect(clusterState(replicaDir)).toBe(DB_SHUTDOWNED);
    expect(await app.dispatch('sync.status', {})).toMatchObject({ ok: false, error: { code: 'internal' } });

    // the same data, opened in this thread: the edit is there
    reopened = await startDesktopApp({ relayUrl: relay.url, dataDir, credentials, log: () => {} });
    const detail = await run(reopened, 'events.get', { eventId: task!.event_id });
    expect(detail.tasks.find((t) => t.id === task!.id)?.title).toBe('Load-in through the worker');
  }, 120_000);
});
