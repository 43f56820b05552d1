// The second wall stands on its own: as the relay's role, queries without any organization filter
// see and change only the rows of the organizations their transaction names, for every tenant
// table in the catalog (a table added later is covered without touching this file), and the role
// has no way around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { fillEveryTable } from '../testing/every-table.js';
import { TEST_RELAY_ROLE } from '../testing/test-roles.js';
import { asOrganizations } from './as-organizations.js';
import { DEFINER_ROLE, TABLES } from './privileges.js';
import type { Sql } from './database.js';

let db: TestDatabase;
let relay: Sql;
let orgA: string;
let orgB: string;
/** every table under row-level security, read from the catalog */
let tenantTables: string[];

/** A row in each tenant table the synced-table filler does not reach (relay-side tenant tables). */
async function fillRelayTables(sql: Sql, organizationId: string, eventId: string, requestId: string): Promise<void> {
  const [document] = await sql<{ id: string }[]>`SELECT id FROM documents WHERE event_id = ${eventId}`;
  await sql`INSERT INTO document_blobs (document_id, bytes) VALUES (${document!.id}, ${Buffer.from('%PDF-1.7')})`;
  const [job] = await sql<{ id: string }[]>`
    INSERT INTO jobs (organization_id, kind, payload) VALUES (${organizationId}, 'request.received', '{}') RETURNING id`;
  await sql`
    INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status)
    VALUES (${job!.id}, ${organizationId}, 'request.received', ${`<${randomUUID()}@test>`}, ${['a@example.test']},
            'Your request', 'SENT')`;
  // a slug a venue had before a rename (written by the trigger on venues)
  await sql`
    INSERT INTO venue_slugs (organization_id, slug, venue_id)
    SELECT organization_id, 'before-' || slug, id FROM venues WHERE organization_id = ${organizationId} LIMIT 1`;
  await sql`
    INSERT INTO intake_submissions (token_hash, organization_id, request_id)
    VALUES (${randomUUID()}, ${organizationId}, ${requestId})`;
  await sql`
    INSERT INTO note_documents (organization_id, event_id, name, state)
    VALUES (${organizationId}, ${eventId}, 'ADVANCE_NOTES', ${Buffer.from([0, 0])})`;
  await sql`
    INSERT INTO audit_anchors (organization_id, chain_position, entry_hash)
    SELECT organization_id, chain_position, entry_hash FROM audit_logs
     WHERE organization_id = ${organizationId} ORDER BY chain_position DESC LIMIT 1`;
}

/** The table's rows as JSON with their organization, whatever the table keys it by. */
function rowsWithOrganization(table: string): string {
  if (table === 'organizations') return `SELECT id AS organization_id, to_jsonb(t) AS row FROM organizations t`;
  if (table === 'document_blobs') {
    // keyed by its document (the policy reads documents, which is under the wall itself)
    return `SELECT (SELECT d.organization_id FROM documents d WHERE d.id = t.document_id) AS organization_id,
                   to_jsonb(t) - 'bytes' AS row FROM document_blobs t`;
  }
  return `SELECT organization_id, to_jsonb(t) AS row FROM "${table}" t`;
}

/** The first column of the table's primary key, from the catalog. */
async function keyColumn(table: string): Promise<string> {
  const [row] = await db.sql<{ name: string }[]>`
    SELECT a.attname AS name FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
     WHERE i.indrelid = ${table}::regclass AND i.indisprimary`;
  return row!.name;
}

beforeAll(async () => {
  db = await createTestDatabase('rls');
  relay = db.serving.sql;
  orgA = await createOrganization(db.sql, 'Harbour Stage');
  orgB = await createOrganization(db.sql, 'Riverside Club');
  for (const organizationId of [orgA, orgB]) {
    const owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
    const rows = await fillEveryTable(db.sql, organizationId, owner.userId);
    await fillRelayTables(db.sql, organizationId, rows.eventId, rows.requestId);
  }
  const rows = await db.sql<{ name: string }[]>`
    SELECT relname AS name FROM pg_class
     WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relrowsecurity
     ORDER BY 1`;
  tenantTables = rows.map((row) => row.name);
});

afterAll(async () => {
  await db?.drop();
});

describe('row-level security, as the relay role', () => {
  it('covers every table with an organization, except the relay-private ones argued in privileges.ts', async () => {
    const withOrganization = await db.sql<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
         AND a.attname = 'organization_id' AND NOT a.attisdropped`;
    const relayPrivate = Object.entries(TABLES)
      .filter(([, access]) => !access.rows)
      .map(([name]) => name);
    for (const { name } of withOrganization) {
      if (relayPrivate.includes(name)) continue;
      expect(tenantTables, `${name} has an organization_id but no row-level security`).toContain(name);
    }
    expect(tenantTables).toContain('organizations');
    expect(tenantTables).toContain('document_blobs');
    const forced = await db.sql<{ name: string; forced: boolean; policies: number }[]>`
      SELECT c.relname AS name, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_rows') AS policies
        FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relrowsecurity`;
    for (const table of forced) expect(table, table.name).toMatchObject({ forced: true, policies: 1 });
  });

  it("returns only the caller's organizations to a deliberately unfiltered query in the caller's transaction", async () => {
    for (const table of tenantTables) {
      const rows = await asOrganizations(relay, [orgA], (tx) =>
        tx.unsafe<{ organization_id: string }[]>(rowsWithOrganization(table)),
      );
      expect(rows.length, `${table}: A's rows`).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.organization_id)), table).toEqual(new Set([orgA]));
    }
    // both organizations named: both seen (the setting is the wall, not the role)
    const both = await asOrganizations(relay, [orgA, orgB], (tx) => tx`SELECT id FROM events`);
    expect(both).toHaveLength(2);
  });

  it('shows nothing at all to a transaction that names no organization, or to a statement outside one', async () => {
    for (const table of tenantTables) {
      expect(await asOrganizations(relay, [], (tx) => tx.unsafe(`SELECT 1 FROM "${table}"`)), table).toHaveLength(0);
      expect(await relay.unsafe(`SELECT 1 FROM "${table}"`), table).toHaveLength(0);
    }
  });

  it("neither reads, updates, deletes nor inserts another organization's rows, in any tenant table", async () => {
    for (const table of tenantTables) {
      const key = await keyColumn(table);
      const rowsOfA = await db.sql.unsafe<{ key: string; row: Record<string, unknown> }[]>(
        `SELECT t."${key}"::text AS key, q.row FROM (${rowsWithOrganization(table)}) q
           JOIN "${table}" t ON to_jsonb(t."${key}") = q.row -> '${key}'
          WHERE q.organization_id = $1`,
        [orgA],
      );
      expect(rowsOfA.length, table).toBeGreaterThan(0);
      const keys = `{${rowsOfA.map((r) => r.key).join(',')}}`;
      const { privileges } = TABLES[table]!;
      await asOrganizations(relay, [orgB], async (tx) => {
        const seen = await tx.unsafe(`SELECT 1 FROM "${table}" WHERE "${key}"::text = ANY ($1::text[])`, [keys]);
        expect(seen, `${table}: read`).toHaveLength(0);
        // a savepoint each, so one refusal does not end the transaction the others run in
        const attempt = (text: string, params: never[]) => tx.savepoint((sp) => sp.unsafe(text, params));
        if (privileges.includes('UPDATE')) {
          const updated = await attempt(
            `UPDATE "${table}" SET "${key}" = "${key}" WHERE "${key}"::text = ANY ($1::text[])`,
            [keys] as never[],
          );
          expect(updated.count, `${table}: update`).toBe(0);
        }
        if (privileges.includes('DELETE')) {
          const deleted = await attempt(`DELETE FROM "${table}" WHERE "${key}"::text = ANY ($1::text[])`, [
            keys,
          ] as never[]);
          expect(deleted.count, `${table}: delete`).toBe(0);
        }
        // A's row again under a new key, written while acting for B: refused by the policy
        const copy = { ...rowsOfA[0]!.row } as Record<string, unknown>;
        if (key === 'id' || key === 'token_hash') {
          copy[key] = typeof copy[key] === 'number' ? 2 ** 40 + Math.floor(Math.random() * 2 ** 20) : randomUUID();
        }
        if (table === 'document_blobs') copy.bytes = '\\x00';
        const inserted = attempt(
          // OVERRIDING SYSTEM VALUE: an identity key is copied like any other (audit_anchors)
          `INSERT INTO "${table}" OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(NULL::"${table}", $1::text::jsonb)`,
          [JSON.stringify(copy)] as never[],
        );
        await expect(inserted, `${table}: insert`).rejects.toMatchObject({ code: '42501' });
      });
    }
    // and A's rows are all still there
    for (const table of tenantTables) {
      const [row] = await db.sql.unsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (${rowsWithOrganization(table)}) q WHERE organization_id = $1`,
        [orgA],
      );
      expect(row!.n, table).toBeGreaterThan(0);
    }
  });
});

describe("the relay role's limits", () => {
  /** the error a statement run as the relay role fails with (its code), or 'ok' */
  const outcome = async (text: string): Promise<string> => {
    try {
      await relay.begin((tx) => tx.unsafe(text));
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  };

  it('is no superuser, cannot bypass row-level security, create roles or databases, and owns nothing', async () => {
    const [role] = await db.sql`
      SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = ${TEST_RELAY_ROLE}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const [owned] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_class WHERE relowner = ${TEST_RELAY_ROLE}::regrole`;
    expect(owned!.n).toBe(0);
    const [schema] = await db.sql<{ create: boolean }[]>`
      SELECT has_schema_privilege(${TEST_RELAY_ROLE}, current_schema(), 'CREATE') AS create`;
    expect(schema!.create).toBe(false);
    expect(await outcome('CREATE TABLE escape (id int)')).toBe('42501');
  });

  it('cannot switch row-level security off, drop or add a policy, or change a table', async () => {
    for (const table of tenantTables) {
      expect(await outcome(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`), table).toBe('42501');
      expect(await outcome(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`), table).toBe('42501');
      expect(await outcome(`DROP POLICY tenant_rows ON "${table}"`), table).toBe('42501');
      expect(await outcome(`CREATE POLICY everyone ON "${table}" USING (true)`), table).toBe('42501');
      expect(await outcome(`TRUNCATE "${table}" CASCADE`), table).toBe('42501');
    }
  });

  it('cannot become the owner, or the role the cross-organization functions run as', async () => {
    expect(await outcome('SET ROLE postgres')).toBe('42501');
    expect(await outcome(`SET ROLE ${DEFINER_ROLE}`)).toBe('42501');
    expect(await outcome('SET SESSION AUTHORIZATION postgres')).toBe('42501');
  });

  it('cannot turn row_security off to see rows: the query is refused instead', async () => {
    const off = relay.begin(async (tx) => {
      await tx`SET LOCAL row_security = off`;
      return tx`SELECT * FROM events`;
    });
    await expect(off).rejects.toMatchObject({ code: '42501' });
  });

  it('may only add to the audit log: no UPDATE, DELETE or TRUNCATE', async () => {
    expect(await outcome('UPDATE audit_logs SET action = action')).toBe('42501');
    expect(await outcome('DELETE FROM audit_logs')).toBe('42501');
    expect(await outcome('TRUNCATE audit_logs')).toBe('42501');
    const added = await asOrganizations(
      relay,
      [orgA],
      (tx) =>
        tx`INSERT INTO audit_logs (organization_id, action, entity_table, entity_id)
         VALUES (${orgA}, 'test.append', 'events', ${randomUUID()}) RETURNING id`,
    );
    expect(added).toHaveLength(1);
  });

  it('cannot slip a temporary table under a cross-organization function', async () => {
    const answered = await relay.begin(async (tx) => {
      await tx`
        CREATE TEMPORARY TABLE sessions (id uuid, user_id uuid, token_hash text, revoked_at timestamptz,
                                         expires_at timestamptz) ON COMMIT DROP`;
      await tx`INSERT INTO sessions VALUES (gen_random_uuid(), gen_random_uuid(), 'forged', NULL, now() + interval '1 day')`;
      return tx`SELECT * FROM session_caller('forged')`;
    });
    expect(answered).toHaveLength(0);
  });

  it('reaches relay-private tables only as privileges.ts grants', async () => {
    expect(await outcome('DELETE FROM mutation_ledger')).toBe('42501');
    expect(await outcome('DELETE FROM change_log')).toBe('42501');
    // people are created at sign-up, never changed or deleted by the relay
    expect(await outcome('UPDATE users SET display_name = display_name')).toBe('42501');
    expect(await outcome('DELETE FROM users')).toBe('42501');
    expect(await outcome('UPDATE schema_migrations SET checksum = checksum')).toBe('42501');
  });
});
