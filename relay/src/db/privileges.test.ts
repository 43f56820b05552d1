// Every table has a class in privileges.ts: one added by a migration without a line there fails
// here (and stops the relay at start, which the second test shows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { TEST_RELAY_ROLE } from '../testing/test-roles.js';
import { migrate } from './migrate.js';
import { TABLES, unclassifiedTables } from './privileges.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('privileges');
});
afterAll(async () => {
  await db?.drop();
});

describe('the privileges list', () => {
  it('classifies every table of the migrated catalog, and names no table that does not exist', async () => {
    expect(await unclassifiedTables(db.sql)).toEqual([]);
    const tables = await db.sql<{ name: string }[]>`
      SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'`;
    expect(Object.keys(TABLES).sort()).toEqual(tables.map((t) => t.name).sort());
  });

  it('refuses to start on a table it does not classify', async () => {
    await db.sql`CREATE TABLE unclassified_thing (id int)`;
    try {
      await expect(migrate(db.sql, { servingRole: TEST_RELAY_ROLE })).rejects.toThrow(/unclassified_thing/);
    } finally {
      await db.sql`DROP TABLE unclassified_thing`;
    }
  });

  it('grants the relay role exactly the listed privileges on each table', async () => {
    for (const [table, access] of Object.entries(TABLES)) {
      for (const privilege of ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) {
        const [row] = await db.sql<{ granted: boolean }[]>`
          SELECT has_table_privilege(${TEST_RELAY_ROLE}, ${table}, ${privilege}) AS granted`;
        expect(row!.granted, `${table} ${privilege}`).toBe(
          (access.privileges as readonly string[]).includes(privilege),
        );
      }
    }
  });

  it('puts back what was changed by hand: a loosened policy, an extra grant', async () => {
    await db.sql`INSERT INTO organizations (slug, name) VALUES ('drift', 'Drift')`;
    await db.sql`ALTER POLICY tenant_rows ON organizations USING (true) WITH CHECK (true)`;
    await db.sql`COMMENT ON POLICY tenant_rows ON organizations IS 'true'`;
    await db.sql.unsafe(`GRANT TRUNCATE ON events TO ${TEST_RELAY_ROLE}`);
    expect(await db.serving.sql`SELECT 1 FROM organizations`).toHaveLength(1);

    await migrate(db.sql, { servingRole: TEST_RELAY_ROLE });
    expect(await db.serving.sql`SELECT 1 FROM organizations`).toHaveLength(0);
    const [policy] = await db.sql<{ note: string }[]>`
      SELECT obj_description(oid, 'pg_policy') AS note
        FROM pg_policy WHERE polrelid = 'organizations'::regclass AND polname = 'tenant_rows'`;
    expect(policy!.note).toBe(TABLES.organizations!.rows);
    const [truncate] = await db.sql<{ granted: boolean }[]>`
      SELECT has_table_privilege(${TEST_RELAY_ROLE}, 'events', 'TRUNCATE') AS granted`;
    expect(truncate!.granted).toBe(false);
  });
});
