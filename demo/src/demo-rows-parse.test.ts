// Guards the shared row schemas against drift from the migrations: after the demo is loaded
// (plus a row in each table the demo leaves empty), every row of every table parses with its
// schema, read both as postgres.js hands it over and as JSON (the change log's form), and the
// schemas name exactly the columns the database has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { describeIssues, findSyncedTable, rowSchemas, type RowTable } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { createMember } from '@promoteros/relay/testing/fixtures';
import { seedDemo } from './seed.js';

// tables that hold machinery rather than entities
const notEntities = new Set([
  'schema_migrations',
  'change_transactions',
  'change_log',
  'shape_epochs',
  'document_blobs',
  // the job loop's record of what each email job sent (relay/src/notify)
  'email_deliveries',
  // Yjs document state, bytes only the note rooms read (relay/src/notes)
  'note_documents',
  // the audit log's anchors (relay/src/audit)
  'audit_anchors',
  // counters of the rate limits (relay/src/http/rate-limits.ts)
  'rate_limits',
]);

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('demo_rows');
  const seeded = await seedDemo(db.sql, { seed: 7 });
  expect(seeded.created).toBe(true);
  const sql = db.sql;
  const [org] = await sql<{ id: string }[]>`SELECT id FROM organizations ORDER BY slug LIMIT 1`;
  const [event] = await sql<{ id: string }[]>`SELECT id FROM events WHERE organization_id = ${org!.id} LIMIT 1`;
  const member = await createMember(sql, [{ organizationId: org!.id, role: 'MANAGER' }]);
  const pdf = Buffer.from('%PDF-1.4 demo');
  const [document] = await sql<{ id: string }[]>`
    INSERT INTO documents (organization_id, event_id, kind, version, sha256, byte_size, file_name)
    VALUES (${org!.id}, ${event!.id}, 'CONFIRMATION', 1, ${createHash('sha256').update(pdf).digest('hex')},
            ${pdf.length}, 'confirmation-v1.pdf')
    RETURNING id`;
  await sql`INSERT INTO confirmation_sends (id, organization_id, event_id, status, requested_by, recipients, document_id,
                                            document_version, with_deal_terms, written_at, sent_at)
            VALUES (${randomUUID()}, ${org!.id}, ${event!.id}, 'SENT', ${member.userId}, ${['agent@example.com']},
                    ${document!.id}, 1, true, now(), now())`;
  await sql`INSERT INTO sign_in_tokens (email, user_id, code_hash, link_token_hash, expires_at, request_ip)
            VALUES (${member.email}, ${member.userId}, 'c0de', 'l1nk', now() + interval '10 minutes', '127.0.0.1')`;
  await sql`INSERT INTO mutation_ledger (id, organization_id, user_id, session_id, name, args, outcome, result, txid)
            VALUES (${randomUUID()}, ${org!.id}, ${member.userId}, ${member.sessionId}, 'hold.place',
                    ${sql.json({ holdDate: '2030-01-01' })}, 'APPLIED', ${sql.json({ ok: true })},
                    pg_current_xact_id()::xid::text::bigint)`;
  await sql`INSERT INTO venue_slugs (organization_id, slug, venue_id)
            SELECT organization_id, 'before-' || slug, id FROM venues WHERE organization_id = ${org!.id} LIMIT 1`;
  await sql`INSERT INTO intake_submissions (token_hash, organization_id, request_id)
            SELECT 'f0rm', organization_id, id FROM event_requests WHERE organization_id = ${org!.id} LIMIT 1`;
  await sql`INSERT INTO jobs (organization_id, kind, payload) VALUES (${org!.id}, 'email.confirmation', ${sql.json({ eventId: event!.id })})`;
});

afterAll(async () => {
  await db?.drop();
});

async function tablesInDatabase(): Promise<string[]> {
  const rows = await db.sql<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  return rows.map((r) => r.table_name).filter((t) => !notEntities.has(t));
}

describe('row schemas against the database', () => {
  it('should have a schema for every entity table, naming exactly its columns', async () => {
    const tables = await tablesInDatabase();
    expect(tables.sort()).toEqual(Object.keys(rowSchemas).sort());
    for (const table of tables) {
      const columns = await db.sql<{ column_name: string }[]>`
        SELECT column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ${table}`;
      const schema = rowSchemas[table as RowTable];
      // columns only the relay's database has are in no shared schema (replicas lack them)
      const relayOnly = new Set(findSyncedTable(table)?.relayOnlyColumns ?? []);
      expect({ table, columns: Object.keys(schema.shape).sort() }).toEqual({
        table,
        columns: columns
          .map((c) => c.column_name)
          .filter((c) => !relayOnly.has(c))
          .sort(),
      });
    }
  });

  it('should parse every row of every table, as postgres.js reads it and as JSON', async () => {
    for (const table of Object.keys(rowSchemas) as RowTable[]) {
      const schema = rowSchemas[table];
      const native = await db.sql.unsafe(`SELECT * FROM ${table}`);
      const json = await db.sql.unsafe<{ row: unknown }[]>(`SELECT to_jsonb(t) AS row FROM ${table} t`);
      expect({ table, empty: native.length === 0 }).toEqual({ table, empty: false });
      for (const row of [...native, ...json.map((j) => j.row)]) {
        const parsed = schema.safeParse(row);
        if (!parsed.success)
          throw new Error(
            `${table}: ${describeIssues(parsed.error).join('; ')} in ${JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`,
          );
      }
    }
  });

  it('should read money the same from both forms, as safe-integer cents', async () => {
    const [native] = await db.sql`SELECT * FROM deal_terms ORDER BY id LIMIT 1`;
    const [json] = await db.sql<{ row: unknown }[]>`SELECT to_jsonb(d) AS row FROM deal_terms d ORDER BY id LIMIT 1`;
    expect(typeof native!.guarantee_cents).toBe('bigint');
    const a = rowSchemas.deal_terms.parse(native);
    const b = rowSchemas.deal_terms.parse(json!.row);
    expect(a.guarantee_cents).toBe(b.guarantee_cents);
    expect(Number.isSafeInteger(a.expenses_budget_cents)).toBe(true);
  });

  it('should refuse real rows once broken, naming the broken field', async () => {
    const [venue] = await db.sql`SELECT * FROM venues LIMIT 1`;
    const badVenue = rowSchemas.venues.safeParse({ ...venue, capacity: 0, min_attendance: 0 });
    expect(badVenue.success).toBe(false);
    expect(describeIssues(badVenue.error!)).toEqual(['capacity: must be at least 1']);

    const [event] = await db.sql`SELECT * FROM events LIMIT 1`;
    const badEvent = rowSchemas.events.safeParse({ ...event, show_date: 'next friday', title: '' });
    expect(describeIssues(badEvent.error!).sort()).toEqual([
      'show_date: must be a date as YYYY-MM-DD',
      'title: must not be empty',
    ]);

    const [line] = await db.sql`SELECT * FROM settlement_lines LIMIT 1`;
    const badLine = rowSchemas.settlement_lines.safeParse({ ...line, actual_cents: 2n ** 63n - 1n });
    expect(describeIssues(badLine.error!)).toEqual(['actual_cents: is too large to be handled safely as cents']);
  });
});
