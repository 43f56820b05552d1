// The replica's schema: the shared 'domain' migrations, loosened for a filtered copy, plus the
// local bookkeeping of shape sync.
//
// Why loosen: the replica holds the subset of rows the relay lets this member see, applied in
// the server's commit order but in bulk statements. The server already enforced every rule.
// - Foreign keys go: a row may reference one outside the subset (a promoter's event points at a
//   venue row they cannot see, a must-refetch empties a parent table for a moment).
// - Unique constraints and unique indexes other than primary keys go: one bulk UPDATE of several
//   rows (a swap of two venue slugs the server did in two statements) may pass through a state
//   that a row-by-row unique check refuses, which would stall sync for good.
// - Columns the relay never serves (hiddenColumns, e.g. invitations.token_hash) lose NOT NULL.
//
// Where: the domain tables live in the schema `synced`, written by sync only. The app reads
// views of the same names in `public`, which lay the device's pending edits over the synced rows
// (replica-views.ts). So a query never needs to know about optimistic state, sync never
// overwrites a pending edit, and a refused edit is rolled back by deleting its overlay.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { loadMigrations } from '@promoteros/shared/migrations';
import { syncedTables } from '@promoteros/shared';
import { createOverlayViews, outboxTables } from './replica-views.js';

/** the schema of the rows as the relay sent them */
export const SYNCED_SCHEMA = 'synced';

/** a synced table's name, qualified and quoted for SQL */
export const syncedTable = (name: string) => `${SYNCED_SCHEMA}."${name.replace(/"/g, '""')}"`;

const bookkeeping = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  checksum    text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
);
-- where each shape of each organization resumes: the client's handle and offset, saved in the
-- same transaction as the rows they cover
CREATE TABLE IF NOT EXISTS _sync_shapes (
  organization_id  uuid NOT NULL,
  table_name       text NOT NULL,
  handle           text NOT NULL,
  "offset"         text NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, table_name)
);
-- when the replica last matched the relay, shown while offline
CREATE TABLE IF NOT EXISTS _sync_organizations (
  organization_id  uuid PRIMARY KEY,
  last_synced_at   timestamptz NOT NULL
);
`;

const loosenConstraints = `
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT con.conname, rel.relname
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_namespace ns ON ns.oid = rel.relnamespace
     WHERE ns.nspname = current_schema() AND con.contype IN ('f', 'u')
     ORDER BY con.contype   -- foreign keys first: they may depend on a unique constraint
  LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', c.relname, c.conname);
  END LOOP;
  FOR c IN
    SELECT idx.relname AS index_name
      FROM pg_index i
      JOIN pg_class idx ON idx.oid = i.indexrelid
      JOIN pg_namespace ns ON ns.oid = idx.relnamespace
     WHERE ns.nspname = current_schema() AND i.indisunique AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
  LOOP
    EXECUTE format('DROP INDEX %I', c.index_name);
  END LOOP;
END
$$;
`;

function relaxHiddenColumns(): string {
  return syncedTables
    .flatMap((table) =>
      (table.hiddenColumns ?? []).map(
        (column) => `ALTER TABLE ${syncedTable(table.name)} ALTER COLUMN "${column}" DROP NOT NULL;`,
      ),
    )
    .join('\n');
}

/**
 * Replicas made before the overlay kept the domain tables in `public`; they move to `synced`
 * (a catalog change, the rows stay where they are).
 */
const moveTablesToSynced = `
CREATE SCHEMA IF NOT EXISTS ${SYNCED_SCHEMA};
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
       AND c.relname <> 'schema_migrations' AND c.relname NOT LIKE '\\_%'
  LOOP
    EXECUTE format('ALTER TABLE public.%I SET SCHEMA ${SYNCED_SCHEMA}', t.relname);
  END LOOP;
END
$$;
`;

/** Brings the replica's schema up to date; returns the migrations it applied. */
export async function migrateReplica(db: PGlite): Promise<string[]> {
  await db.exec(bookkeeping);
  const done = await db.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations');
  const known = new Map(done.rows.map((row) => [row.version, row.checksum]));
  const pending = loadMigrations().filter((m) => m.target === 'domain' && !known.has(m.version));
  for (const m of loadMigrations()) {
    const checksum = known.get(m.version);
    if (checksum !== undefined && checksum !== m.checksum) {
      // a changed migration cannot be replayed onto a replica; the relay refuses the same
      throw new Error(`replica migration ${m.name} was edited after it ran (checksum differs)`);
    }
  }
  const [layout] = (
    await db.query<{ views: boolean }>(`SELECT to_regclass('public.organizations') IS NOT NULL
        AND (SELECT relkind FROM pg_class WHERE oid = to_regclass('public.organizations')) = 'v' AS views`)
  ).rows;
  if (pending.length === 0 && layout?.views) return [];
  await db.transaction(async (tx: Transaction) => {
    await tx.exec(moveTablesToSynced);
    // the domain migrations create their tables in `synced`
    await tx.exec(`SET LOCAL search_path TO ${SYNCED_SCHEMA}, public`);
    for (const m of pending) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
    }
    await tx.exec(loosenConstraints);
    await tx.exec(relaxHiddenColumns());
    await tx.exec('SET LOCAL search_path TO public');
    // made with the views that read them: a replica with the views has them already
    await tx.exec(outboxTables);
    await createOverlayViews(tx);
  });
  return pending.map((m) => m.name);
}
