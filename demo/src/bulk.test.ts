import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowSchemas, describeIssues, type RowTable } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { ROWS_PER_EVENT, seedBulkOrganization, type BulkOrganization } from './bulk.js';

let db: TestDatabase;
let bulk: BulkOrganization;

beforeAll(async () => {
  db = await createTestDatabase('demo_bulk');
  bulk = await seedBulkOrganization(db.sql, { rows: 2_000 });
});

afterAll(async () => {
  await db?.drop();
});

describe('seedBulkOrganization', () => {
  it('should fill the synced tables with exactly the rows asked for, spread like a busy venue group', async () => {
    expect(bulk.total).toBe(2_000);
    const [row] = await db.sql<{ n: number }[]>`
      SELECT (SELECT count(*) FROM change_log WHERE organization_id = ${bulk.organizationId})::int AS n`;
    // every row went through change capture like any other write
    expect(row!.n).toBe(2_000);
    expect(bulk.events).toBe(Math.floor((2_000 - 13) / ROWS_PER_EVENT));
    const c = bulk.counts;
    expect(c.events).toBe(bulk.events);
    expect(c.event_requests).toBe(3 * bulk.events);
    expect(c.guest_list_entries).toBe(20 * bulk.events);
    expect(c.check_ins).toBe(14 * bulk.events);
    expect(c.event_tasks).toBe(8 * bulk.events);
    expect(c.venues).toBe(3);
    // the biggest tables are the ones a busy door and checklist make
    expect(c.guest_list_entries!).toBeGreaterThan(c.events!);
    expect(c.event_requests!).toBeGreaterThan(c.events!);
  });

  it('should write rows that the shared row schemas accept', async () => {
    for (const table of Object.keys(bulk.counts) as RowTable[]) {
      const column = table === 'organizations' ? 'id' : 'organization_id';
      const rows = await db.sql.unsafe(`SELECT * FROM ${table} WHERE ${column} = $1 LIMIT 200`, [bulk.organizationId]);
      for (const r of rows) {
        const parsed = rowSchemas[table].safeParse(r);
        if (!parsed.success) throw new Error(`${table}: ${describeIssues(parsed.error).join('; ')}`);
      }
    }
  });

  it('should keep the decision paths and door times consistent', async () => {
    const bad = await db.sql`
      SELECT r.id FROM event_requests r
       WHERE r.organization_id = ${bulk.organizationId}
         AND r.status <> (SELECT d.to_status FROM decision_logs d WHERE d.request_id = r.id ORDER BY d.created_at DESC LIMIT 1)`;
    expect(bad).toHaveLength(0);
    const off = await db.sql`
      SELECT e.id FROM events e JOIN venues v ON v.id = e.venue_id
       WHERE e.organization_id = ${bulk.organizationId}
         AND ((e.doors_at AT TIME ZONE v.timezone)::date <> e.show_date OR (e.doors_at AT TIME ZONE v.timezone)::time <> '19:00')`;
    expect(off).toHaveLength(0);
  });

  it('should hand back an owner whose session token the relay accepts', async () => {
    let relay: TestRelay | undefined;
    try {
      relay = await startTestRelay(db);
      const url = `${relay.url}/v1/shape?table=venues&offset=-1&where=${encodeURIComponent('organization_id = $1')}&params[1]=${bulk.organizationId}`;
      const unauthenticated = await fetch(url);
      expect(unauthenticated.status).toBe(401);
      const response = await fetch(url, { headers: { authorization: `Bearer ${bulk.owner.token}` } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Array<{ value?: { id: string } }>;
      expect(
        body
          .filter((m) => m.value)
          .map((m) => m.value!.id)
          .sort(),
      ).toEqual([...bulk.venueIds].sort());
    } finally {
      await relay?.stop();
    }
  });

  it('should refuse a row count too small to hold one event', async () => {
    await expect(seedBulkOrganization(db.sql, { rows: 10 })).rejects.toThrow(/at least/);
  });
});
