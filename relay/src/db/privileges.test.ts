// Every table has a class in privileges.ts: one added by a migration without a line there fails
// here (and stops the relay at start, which the second test shows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createOrganization } from '../testing/fixtures.js';
import { TEST_RELAY_ROLE } from '../testing/test-roles.js';
import { asOrganizations } from './as-organizations.js';
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

  it('grants the relay role UPDATE of exactly the listed columns where it may not update whole rows', async () => {
    for (const [table, access] of Object.entries(TABLES)) {
      const columns = await db.sql<{ name: string; update: boolean; insert: boolean }[]>`
        SELECT a.attname AS name,
               has_column_privilege(${TEST_RELAY_ROLE}, a.attrelid, a.attname, 'UPDATE') AS update,
               has_column_privilege(${TEST_RELAY_ROLE}, a.attrelid, a.attname, 'INSERT') AS insert
          FROM pg_attribute a WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped`;
      const wholeRow = (privilege: string) => (access.privileges as readonly string[]).includes(privilege);
      for (const column of columns) {
        const listed = wholeRow('UPDATE') || (access.updateColumns ?? []).includes(column.name);
        expect(column.update, `${table}.${column.name} UPDATE`).toBe(listed);
        expect(column.insert, `${table}.${column.name} INSERT`).toBe(wholeRow('INSERT'));
      }
    }
    expect(TABLES.organizations!.updateColumns).toEqual(['locale']);
  });

  it('puts back what was changed by hand: a loosened policy, an extra grant', async () => {
    await db.sql`INSERT INTO organizations (slug, name) VALUES ('drift', 'Drift')`;
    await db.sql`ALTER POLICY tenant_rows ON organizations USING (true) WITH CHECK (true)`;
    await db.sql`COMMENT ON POLICY tenant_rows ON organizations IS 'true'`;
    await db.sql.unsafe(`GRANT TRUNCATE ON events TO ${TEST_RELAY_ROLE}`);
    await db.sql.unsafe(`GRANT UPDATE (name, slug) ON organizations TO ${TEST_RELAY_ROLE}`);
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
    const columns = await db.sql<{ name: string }[]>`
      SELECT a.attname AS name FROM pg_attribute a
       WHERE a.attrelid = 'organizations'::regclass AND a.attnum > 0 AND NOT a.attisdropped
         AND has_column_privilege(${TEST_RELAY_ROLE}, a.attrelid, a.attname, 'UPDATE')`;
    expect(columns.map((c) => c.name)).toEqual(['locale']);
  });

  it('lets the relay role change the locale of its own organization, and nothing else of organizations', async () => {
    const own = await createOrganization(db.sql, 'Harbour Stage');
    const other = await createOrganization(db.sql, 'Riverside Club');
    const before = await db.sql`SELECT * FROM organizations WHERE id = ${other}`;
    const [{ updated_at: stamped } = { updated_at: new Date(0) }] = await db.sql<{ updated_at: Date }[]>`
      SELECT updated_at FROM organizations WHERE id = ${own}`;
    const asOwn = <T>(work: (tx: Tx) => Promise<T>) => asOrganizations(db.serving.sql, [own], work);
    type Tx = Parameters<Parameters<typeof asOrganizations>[2]>[0];
    /** the error code a statement acting for `own` fails with, or its row count */
    const attempt = (text: string) =>
      asOwn((tx) => tx.unsafe(text)).then(
        (rows) => rows.count,
        (error: { code?: string }) => error.code,
      );

    // no organization filter in the statement: the wall leaves only its own row to change
    expect(await attempt(`UPDATE organizations SET locale = 'en-GB'`)).toBe(1);
    expect(await attempt(`UPDATE organizations SET locale = 'de-DE' WHERE id = '${other}'`)).toBe(0);
    const [changed] = await db.sql<{ locale: string; updated_at: Date }[]>`
      SELECT locale, updated_at FROM organizations WHERE id = ${own}`;
    expect(changed!.locale).toBe('en-GB');
    // the row's own trigger still stamps the change, though the role may not set updated_at
    expect(changed!.updated_at.getTime()).toBeGreaterThan(stamped.getTime());

    for (const column of ['name', 'slug', 'email_from', 'updated_at', 'created_at', 'id']) {
      expect(await attempt(`UPDATE organizations SET ${column} = ${column}`), column).toBe('42501');
    }
    expect(await attempt(`UPDATE organizations SET (locale, name) = ('fr-FR', 'Renamed')`)).toBe('42501');
    expect(await attempt(`INSERT INTO organizations (slug, name) VALUES ('sneaked-in', 'Sneaked in')`)).toBe('42501');
    expect(await attempt(`DELETE FROM organizations`)).toBe('42501');
    expect(await attempt(`TRUNCATE organizations CASCADE`)).toBe('42501');
    // outside a transaction that names it, not even its own organization
    const unnamed = await db.serving.sql.unsafe(`UPDATE organizations SET locale = 'fr-FR'`);
    expect(unnamed.count).toBe(0);

    expect(await db.sql`SELECT * FROM organizations WHERE id = ${other}`).toEqual(before);
    const [after] = await db.sql<
      { locale: string; name: string }[]
    >`SELECT locale, name FROM organizations WHERE id = ${own}`;
    expect(after).toEqual({ locale: 'en-GB', name: 'Harbour Stage' });
  });
});
