// A real PostgreSQL database, a real relay in front of it, one organization with an owner, and
// helpers to open replicas in temporary directories and sync them: the setup shared by the
// core's sync tests and the sync benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { createMember, createOrganization, type TestMember } from '@promoteros/relay/testing/fixtures';
import { openReplica, type Replica } from '../replica/open-replica.js';
import { startSync, type StartSyncOptions, type SyncSession } from '../sync/start-sync.js';

export interface SyncFixture {
  readonly db: TestDatabase;
  readonly relay: TestRelay;
  readonly organizationId: string;
  readonly owner: TestMember;
  /** every shape request URL made through `fetch` below, in order */
  readonly requests: string[];
  /** a fetch that records each request URL before sending it */
  readonly fetch: typeof fetch;
  /** a fresh temporary directory, removed by close() */
  tempDir(label?: string): string;
  openReplica(dataDir?: string): Promise<Replica>;
  /** starts sync for the fixture's organization as its owner, through the recording fetch */
  startSync(replica: Replica, overrides?: Partial<StartSyncOptions>): Promise<SyncSession>;
  /** how many snapshot requests (offset=-1) were made so far */
  snapshotRequests(): number;
  /** stops every session and replica it started, the relay, and drops the database */
  close(): Promise<void>;
}

export interface SyncFixtureOptions {
  /** relay environment overrides; LIVE_POLL_TIMEOUT_MS defaults to 2000 here */
  readonly relay?: Record<string, string>;
}

export async function createSyncFixture(label: string, options: SyncFixtureOptions = {}): Promise<SyncFixture> {
  const db = await createTestDatabase(label);
  const relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '2000', ...options.relay });
  const organizationId = await createOrganization(db.sql, 'Northside Live');
  const owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
  const requests: string[] = [];
  const dirs: string[] = [];
  const sessions: SyncSession[] = [];
  const replicas: Replica[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    requests.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  const fixture: SyncFixture = {
    db,
    relay,
    organizationId,
    owner,
    requests,
    fetch: recordingFetch,
    tempDir(name = 'replica') {
      const dir = mkdtempSync(join(tmpdir(), `promoteros-${name}-`));
      dirs.push(dir);
      return dir;
    },
    async openReplica(dataDir) {
      const replica = await openReplica({ dataDir: dataDir ?? fixture.tempDir() });
      replicas.push(replica);
      return replica;
    },
    async startSync(replica, overrides = {}) {
      const session = await startSync({
        replica,
        relayUrl: relay.url,
        organizationId,
        getToken: () => owner.token,
        fetch: recordingFetch,
        backoff: { initialDelay: 50, maxDelay: 500 },
        ...overrides,
      });
      sessions.push(session);
      return session;
    },
    snapshotRequests() {
      return requests.filter((url) => new URL(url).searchParams.get('offset') === '-1').length;
    },
    async close() {
      await Promise.all(sessions.map((s) => s.stop()));
      await Promise.all(replicas.map((r) => r.close()));
      await relay.stop();
      await db.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Resolves when `check` returns true, polling every 20 ms; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
