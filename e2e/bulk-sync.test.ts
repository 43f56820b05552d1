// A large organization (thousands of rows per table, so snapshots go through COPY) arrives in
// the replica exactly as PostgreSQL holds it, and so do the changes made after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { seedBulkOrganization, type BulkOrganization } from '@promoteros/demo/bulk';
import { openReplica, startSync, type Replica, type SyncSession } from '@promoteros/desktop/core';
import { readReplicaTables, readServerTables } from '@promoteros/desktop/core/testing/replica-equality';
import { eventually } from '@promoteros/desktop/core/testing/sync-fixture';

describe('bulk sync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'promoteros-bulk-'));
  let db: TestDatabase;
  let relay: TestRelay;
  let seeded: BulkOrganization;
  let replica: Replica;
  let sync: SyncSession;

  beforeAll(async () => {
    db = await createTestDatabase('bulk_sync');
    seeded = await seedBulkOrganization(db.sql, { rows: 12_000 });
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '2000' });
    replica = await openReplica({ dataDir: join(dir, 'replica') });
  }, 120_000);
  afterAll(async () => {
    await sync?.stop();
    await replica?.close();
    await relay?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every row of every table exactly, then follows bulk changes', async () => {
    sync = await startSync({
      replica,
      relayUrl: relay.url,
      organizationId: seeded.organizationId,
      getToken: () => seeded.owner.token,
    });
    await sync.waitUntilLive();
    const server = await readServerTables(db.sql, seeded.organizationId);
    expect(await readReplicaTables(replica, seeded.organizationId)).toEqual(server);
    expect(Object.values(server).reduce((n, rows) => n + rows.length, 0)).toBe(12_000);

    // a catch-up large enough for COPY, mixed with updates and deletes
    await db.sql`
      INSERT INTO task_templates (organization_id, title, description, default_due_days)
      SELECT ${seeded.organizationId}, 'Bulk template ' || g, 'line one' || chr(10) || 'says "hi", ok', g % 30
        FROM generate_series(1, 500) g`;
    await db.sql`UPDATE event_tasks SET completed_at = now() WHERE organization_id = ${seeded.organizationId} AND position % 3 = 0`;
    await db.sql`DELETE FROM guest_list_entries WHERE organization_id = ${seeded.organizationId} AND admit_count > 2`;
    await eventually(async () => {
      const [row] = await replica.query<{ n: number }>(`SELECT count(*)::int AS n FROM task_templates`);
      return row!.n === server.task_templates!.length + 500;
    });
    await eventually(async () => {
      const local = await readReplicaTables(replica, seeded.organizationId);
      const central = await readServerTables(db.sql, seeded.organizationId);
      return JSON.stringify(local) === JSON.stringify(central);
    });
  }, 120_000);
});
