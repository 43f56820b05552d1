// The sync engine against a real relay and PostgreSQL, with the real @electric-sql/client:
// equality after random work, atomic multi-table transactions, live changes, restart without
// a new snapshot, offline start, and recovery from must-refetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillEveryTable } from '@promoteros/relay/testing/every-table';
import { startTestRelay } from '@promoteros/relay/testing/test-relay';
import { rotateShape } from '@promoteros/relay/shapes/rotate';
import { createSyncFixture, eventually, type SyncFixture } from '../testing/sync-fixture.js';
import { readReplicaTables, readServerTables } from '../testing/replica-equality.js';
import { runVenueWorkload } from '../testing/venue-workload.js';
import type { Replica } from '../replica/open-replica.js';
import type { SyncSession } from './start-sync.js';
import type { SyncStatus } from './sync-status.js';

describe('startSync', () => {
  let fixture: SyncFixture;
  let replica: Replica;
  let session: SyncSession;
  let dataDir: string;
  const phases: SyncStatus['phase'][] = [];

  const replicaMatchesServer = async () => {
    const [server, local] = await Promise.all([
      readServerTables(fixture.db.sql, fixture.organizationId),
      readReplicaTables(replica, fixture.organizationId),
    ]);
    return JSON.stringify(server) === JSON.stringify(local);
  };
  const expectReplicaEqualsServer = async () => {
    await eventually(replicaMatchesServer, 15_000).catch(() => undefined);
    expect(await readReplicaTables(replica, fixture.organizationId)).toEqual(
      await readServerTables(fixture.db.sql, fixture.organizationId),
    );
  };

  beforeAll(async () => {
    fixture = await createSyncFixture('desktop_sync');
    await fillEveryTable(fixture.db.sql, fixture.organizationId, fixture.owner.userId);
    dataDir = fixture.tempDir();
    replica = await fixture.openReplica(dataDir);
    session = await fixture.startSync(replica);
    session.subscribe((status) => phases.push(status.phase));
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('should download every table of the organization and then report live', async () => {
    await session.waitUntilLive();
    await expectReplicaEqualsServer();
    const local = await readReplicaTables(replica, fixture.organizationId);
    // fillEveryTable wrote at least one row in every synced table
    for (const [table, rows] of Object.entries(local)) expect(rows.length, table).toBeGreaterThan(0);
    expect(phases).toContain('initial-sync');
    expect(session.status.phase).toBe('live');
    expect(session.status.lastSyncedAt).toBeInstanceOf(Date);
    expect(session.status.skippedTables).toEqual([]);
  });
});
