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

// PGlite answers without touching the event loop: a read loop must yield or it starves sync
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

describe('startSync', () => {
  let fixture: SyncFixture;
  let replica: Replica;
  let session: SyncSession;
  let dataDir: string;
  const phases: SyncStatus['phase'][] = [];
  const statuses: SyncStatus[] = [];

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
    session.subscribe((status) => {
      phases.push(status.phase);
      statuses.push(status);
    });
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
    // the first sync showed progress against the total the relay counted
    const total = Object.values(local).reduce((n, rows) => n + rows.length, 0);
    const withTotal = statuses.filter((s) => s.phase === 'initial-sync' && s.progress?.rowsTotal !== undefined);
    expect(withTotal.length).toBeGreaterThan(0);
    expect(withTotal.at(-1)!.progress!.rowsTotal).toBe(total);
  });
  it('should show a change committed in PostgreSQL within a second of the commit', async () => {
    await session.waitUntilLive();
    const [event] = await fixture.db.sql<{ id: string }[]>`
      UPDATE events SET title = 'Spring Tour (late show)' WHERE organization_id = ${fixture.organizationId}
      RETURNING id`;
    const committedAt = Date.now();
    await eventually(async () => {
      const rows = await replica.query<{ title: string }>('SELECT title FROM events WHERE id = $1', [event!.id]);
      return rows[0]?.title === 'Spring Tour (late show)';
    }, 1_000);
    expect(Date.now() - committedAt).toBeLessThanOrEqual(1_000);
  });

  it('should make a transaction over several tables visible all at once', async () => {
    await session.waitUntilLive();
    const touchedTogether: string[][] = [];
    const unsubscribe = replica.onChange(({ tables }) => touchedTogether.push([...tables].sort()));
    // read continuously while the transaction syncs: each read sees all of it or none of it
    const states = new Set<string>();
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const [row] = await replica.query<{ requests: number; holds: number; decisions: number }>(
          `SELECT (SELECT count(*)::int FROM event_requests WHERE reference = 'RQ-ATOMIC') AS requests,
                  (SELECT count(*)::int FROM holds h JOIN event_requests r ON r.id = h.request_id
                    WHERE r.reference = 'RQ-ATOMIC') AS holds,
                  (SELECT count(*)::int FROM decision_logs WHERE note = 'atomic') AS decisions`,
        );
        states.add(`${row!.requests}/${row!.holds}/${row!.decisions}`);
        await yieldToEventLoop();
      }
    })();
    const { organizationId } = fixture;
    const { sql } = fixture.db;
    await sql.begin(async (tx) => {
      const [venue] = await tx<
        { id: string }[]
      >`SELECT id FROM venues WHERE organization_id = ${organizationId} LIMIT 1`;
      const [request] = await tx<{ id: string }[]>`
        INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                    event_title, preferred_start, preferred_end, expected_attendance)
        VALUES (${organizationId}, ${venue!.id}, 'RQ-ATOMIC', 'Ari Agent', 'ari@example.test', 'Night Shift',
                'Night Shift Live', '2027-06-01 20:00+00', '2027-06-01 23:00+00', 900)
        RETURNING id`;
      await tx`INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank)
               VALUES (${organizationId}, ${venue!.id}, ${request!.id}, '2027-06-01', 1)`;
      await tx`INSERT INTO decision_logs (organization_id, request_id, to_status, note)
               VALUES (${organizationId}, ${request!.id}, 'NEW', 'atomic')`;
    });
    await eventually(() => states.has('1/1/1'), 5_000);
    reading = false;
    await reader;
    unsubscribe();
    expect([...states].sort()).toEqual(['0/0/0', '1/1/1']);
    expect(touchedTogether).toContainEqual(['decision_logs', 'event_requests', 'holds']);
  });

  it('should equal PostgreSQL after random inserts, updates and deletes across tables', async () => {
    await session.waitUntilLive();
    const seed = Date.now() % 100_000;
    const log = await runVenueWorkload(fixture.db.sql, fixture.organizationId, { steps: 120, seed });
    expect(log.filter((step) => step.startsWith('delete')).length, `seed ${seed}`).toBeGreaterThan(0);
    await expectReplicaEqualsServer();
  });

  it('should resume from the stored offsets after a restart without downloading a snapshot again', async () => {
    await session.waitUntilLive();
    await session.stop();
    await replica.close();
    // changes made while the desktop was closed arrive through the resumed streams
    await runVenueWorkload(fixture.db.sql, fixture.organizationId, { steps: 20, seed: 7 });
    const snapshotsBefore = fixture.snapshotRequests();
    replica = await fixture.openReplica(dataDir);
    session = await fixture.startSync(replica);
    await session.waitUntilLive();
    await expectReplicaEqualsServer();
    expect(fixture.snapshotRequests()).toBe(snapshotsBefore);
  });

  it('should open the local replica and report offline when the relay cannot be reached', async () => {
    await session.waitUntilLive();
    await session.stop();
    await replica.close();
    const goneRelay = await startTestRelay(fixture.db);
    await goneRelay.stop();

    replica = await fixture.openReplica(dataDir);
    const [venueCount] = await replica.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM venues WHERE organization_id = $1',
      [fixture.organizationId],
    );
    expect(venueCount!.n).toBeGreaterThan(0);
    session = await fixture.startSync(replica, { relayUrl: goneRelay.url });
    await eventually(() => session.status.phase === 'offline');
    expect(session.status.offlineSince).toBeInstanceOf(Date);
    expect(session.status.lastSyncedAt).toBeInstanceOf(Date);
    // the local data is still there to read
    const again = await readReplicaTables(replica, fixture.organizationId);
    expect(again.venues).toHaveLength(venueCount!.n);

    // back on the real relay: live again, and nothing was downloaded twice
    await session.stop();
    const snapshotsBefore = fixture.snapshotRequests();
    session = await fixture.startSync(replica);
    await session.waitUntilLive();
    expect(fixture.snapshotRequests()).toBe(snapshotsBefore);
  });

  it('should recover to equality after must-refetch without showing the table empty', async () => {
    await session.waitUntilLive();
    const venueCounts: number[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const [row] = await replica.query<{ n: number }>('SELECT count(*)::int AS n FROM venues');
        venueCounts.push(row!.n);
        await yieldToEventLoop();
      }
    })();
    const venueSnapshots = () =>
      fixture.requests.filter((url) => {
        const params = new URL(url).searchParams;
        return params.get('offset') === '-1' && params.get('table') === 'venues';
      }).length;
    const snapshotsBefore = venueSnapshots();
    await rotateShape(fixture.db.sql, 'venues');
    await fixture.db.sql`UPDATE venues SET name = 'After rotation' WHERE organization_id = ${fixture.organizationId}`;
    // the next venues request after the rotation answers 409: the client downloads venues again
    await eventually(() => venueSnapshots() > snapshotsBefore, 15_000);
    await session.waitUntilLive();
    await eventually(replicaMatchesServer, 15_000);
    watching = false;
    await watcher;
    expect(venueSnapshots()).toBe(snapshotsBefore + 1);
    expect(venueCounts).not.toContain(0);
    await expectReplicaEqualsServer();
  });

  // last: it replaces the fixture's relay with a new one on the same port
  it('should go offline when the relay goes away and catch up when it is back', async () => {
    await session.waitUntilLive();
    const port = new URL(fixture.relay.url).port;
    await fixture.relay.stop();
    await eventually(() => session.status.phase === 'offline');
    const offlineSince = session.status.offlineSince;
    expect(offlineSince).toBeInstanceOf(Date);
    await fixture.db
      .sql`UPDATE venues SET name = 'Renamed while offline' WHERE organization_id = ${fixture.organizationId}`;
    const relayBack = await startTestRelay(fixture.db, { PORT: port, LIVE_POLL_TIMEOUT_MS: '2000' });
    try {
      await eventually(async () => {
        const rows = await replica.query<{ name: string }>('SELECT name FROM venues');
        return rows.length > 0 && rows.every((r) => r.name === 'Renamed while offline');
      }, 15_000);
      await session.waitUntilLive();
      expect(session.status.phase).toBe('live');
      expect(session.status.lastSyncedAt!.getTime()).toBeGreaterThanOrEqual(offlineSince!.getTime());
      await expectReplicaEqualsServer();
    } finally {
      await session.stop();
      await relayBack.stop();
    }
  });
});
