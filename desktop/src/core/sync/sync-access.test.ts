// What sync does with what the relay refuses: another tenant's rows never arrive, tables a
// role may not read are skipped (not fatal), and a dead session stops sync as signed-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTables } from '@promoteros/shared';
import { fillEveryTable } from '@promoteros/relay/testing/every-table';
import { createMember, createOrganization } from '@promoteros/relay/testing/fixtures';
import { createSyncFixture, eventually, type SyncFixture } from '../testing/sync-fixture.js';
import { readReplicaTables, readServerTables } from '../testing/replica-equality.js';
import type { Replica } from '../replica/open-replica.js';

describe('sync access', () => {
  let fixture: SyncFixture;
  let otherOrganizationId: string;
  let replica: Replica;

  /** rows of each synced table that belong to any organization but the given one */
  const foreignRows = async (organizationId: string) => {
    const counts: Record<string, number> = {};
    for (const table of syncedTables) {
      const [row] = await replica.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table.name}" WHERE "${table.organizationColumn}" <> $1`,
        [organizationId],
      );
      if (row!.n > 0) counts[table.name] = row!.n;
    }
    return counts;
  };

  beforeAll(async () => {
    fixture = await createSyncFixture('desktop_access');
    await fillEveryTable(fixture.db.sql, fixture.organizationId, fixture.owner.userId);
    otherOrganizationId = await createOrganization(fixture.db.sql, 'Harbour Hall');
    const otherOwner = await createMember(fixture.db.sql, [{ organizationId: otherOrganizationId, role: 'OWNER' }]);
    await fillEveryTable(fixture.db.sql, otherOrganizationId, otherOwner.userId);
    replica = await fixture.openReplica();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it("should never bring another organization's rows into a member's replica", async () => {
    const session = await fixture.startSync(replica);
    await session.waitUntilLive();
    expect(await readReplicaTables(replica, fixture.organizationId)).toEqual(
      await readServerTables(fixture.db.sql, fixture.organizationId),
    );
    expect(await foreignRows(fixture.organizationId)).toEqual({});
    await session.stop();
  });

  it('should stop with a clear error when the member asks for an organization they do not belong to', async () => {
    const session = await fixture.startSync(replica, { organizationId: otherOrganizationId });
    await expect(session.waitUntilLive()).rejects.toThrow(/refused every table/);
    expect(session.status.phase).toBe('error');
    expect(session.status.reason).toContain(otherOrganizationId);
    expect(await foreignRows(fixture.organizationId)).toEqual({});
    await session.stop();
  });

  it('should skip the tables a STAFF member may not read and sync the rest', async () => {
    const staff = await createMember(fixture.db.sql, [{ organizationId: fixture.organizationId, role: 'STAFF' }]);
    const staffReplica = await fixture.openReplica();
    const session = await fixture.startSync(staffReplica, { getToken: () => staff.token });
    await session.waitUntilLive();
    expect([...session.status.skippedTables].sort()).toEqual(['audit_logs', 'invitations']);
    const local = await readReplicaTables(staffReplica, fixture.organizationId);
    const server = await readServerTables(fixture.db.sql, fixture.organizationId);
    expect(local.invitations).toEqual([]);
    expect(local.audit_logs).toEqual([]);
    expect(server.invitations!.length).toBeGreaterThan(0);
    const readable = (snapshot: typeof local) =>
      Object.fromEntries(Object.entries(snapshot).filter(([t]) => t !== 'invitations' && t !== 'audit_logs'));
    expect(readable(local)).toEqual(readable(server));
    await session.stop();
  });

  it('should report signed-out, with the reason, when the relay refuses the session', async () => {
    const session = await fixture.startSync(replica, { getToken: () => 'not-a-session-token' });
    await eventually(() => session.status.phase === 'signed-out');
    expect(session.status.reason).toMatch(/sign in again/);
    await expect(session.waitUntilLive()).rejects.toThrow(/sign in again/);
    // the replica keeps what it had: signing out is not a reason to lose local data
    const [row] = await replica.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(row!.n).toBeGreaterThan(0);
    await session.stop();
  });
});
