// Inserts are captured once per statement (migration 0012): every row a statement inserts is in
// the change log once, in the order inserted, under its transaction's one sequence number, and a
// statement that inserts nothing leaves no trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createOrganization } from '../testing/fixtures.js';

describe('change capture of inserts', () => {
  let db: TestDatabase;
  let organizationId: string;

  beforeAll(async () => {
    db = await createTestDatabase('capture_inserts');
    organizationId = await createOrganization(db.sql);
  });
  afterAll(() => db.drop());

  it('should log every row of a many-row insert once, in order, under one sequence number', async () => {
    const { sql } = db;
    const names = ['North Hall', 'South Hall', 'Annex', 'Roof Bar'];
    const { xid, ids } = await sql.begin(async (tx) => {
      const rows = await tx<{ id: string }[]>`
        INSERT INTO venues (organization_id, slug, name, timezone, capacity)
        SELECT ${organizationId}, 'many-' || n, name, 'Europe/Berlin', 1200 + n
          FROM unnest(${names}::text[]) WITH ORDINALITY AS v(name, n)
         ORDER BY n
        RETURNING id`;
      const [current] = await tx<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`;
      return { xid: current!.xid, ids: rows.map((r) => r.id) };
    });
    const logged = await sql<
      { op: string; row_id: string; organization_id: string; name: string; capacity: number; seq: string | null }[]
    >`
      SELECT c.op, c.row_id::text, c.organization_id::text, c.row_data->>'name' AS name,
             (c.row_data->>'capacity')::int AS capacity, t.seq::text AS seq
        FROM change_log c JOIN change_transactions t USING (xid)
       WHERE c.xid = ${xid}::xid8 ORDER BY c.id`;
    expect(logged.map((r) => r.name)).toEqual(names);
    expect(logged.map((r) => r.row_id)).toEqual(ids);
    expect(logged.every((r) => r.op === 'I' && r.organization_id === organizationId)).toBe(true);
    expect(logged.map((r) => r.capacity)).toEqual([1201, 1202, 1203, 1204]);
    expect(new Set(logged.map((r) => r.seq)).size).toBe(1);
    expect(logged[0]!.seq).not.toBeNull();
  });

  it('should log the organization of a new organization by its own id', async () => {
    const { sql } = db;
    const [org] = await sql<{ id: string }[]>`
      INSERT INTO organizations (slug, name) VALUES ('capture-own-id', 'Own Id Live') RETURNING id`;
    const [logged] = await sql<{ organization_id: string; op: string }[]>`
      SELECT organization_id::text, op FROM change_log WHERE table_name = 'organizations' AND row_id = ${org!.id}`;
    expect(logged).toEqual({ organization_id: org!.id, op: 'I' });
  });

  it('should leave no trace of a statement that inserts no rows', async () => {
    const { sql } = db;
    const xid = await sql.begin(async (tx) => {
      await tx`INSERT INTO venues (organization_id, slug, name, timezone, capacity)
               SELECT organization_id, slug, name, timezone, capacity FROM venues WHERE false`;
      const [current] = await tx<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`;
      return current!.xid;
    });
    const [counts] = await sql<{ transactions: number; changes: number }[]>`
      SELECT (SELECT count(*)::int FROM change_transactions WHERE xid = ${xid}::xid8) AS transactions,
             (SELECT count(*)::int FROM change_log WHERE xid = ${xid}::xid8) AS changes`;
    expect(counts).toEqual({ transactions: 0, changes: 0 });
  });

  it('should log an insert before the update a later statement of its transaction makes', async () => {
    const { sql } = db;
    const xid = await sql.begin(async (tx) => {
      const [venue] = await tx<{ id: string }[]>`
        INSERT INTO venues (organization_id, slug, name, timezone, capacity)
        VALUES (${organizationId}, 'then-updated', 'Then Updated', 'UTC', 1500) RETURNING id`;
      await tx`UPDATE venues SET capacity = 1600 WHERE id = ${venue!.id}`;
      const [current] = await tx<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`;
      return current!.xid;
    });
    const logged = await sql<{ op: string; changed: string[] | null }[]>`
      SELECT op, changed FROM change_log WHERE xid = ${xid}::xid8 ORDER BY id`;
    expect(logged.map((r) => r.op)).toEqual(['I', 'U']);
    expect(logged[1]!.changed).toContain('capacity');
  });
});
