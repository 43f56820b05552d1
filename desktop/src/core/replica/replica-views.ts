// The device's pending edits, and the views that show them over the synced rows.
//
//   synced.<table>     rows exactly as the relay sent them (sync writes here, nothing else does)
//   _outbox            every mutation the user made on this device, in order, until the relay's
//                      answer is seen in the synced rows (or, if refused, until the user retries
//                      or discards it)
//   _pending_writes    the row writes each pending mutation planned (insert / update / delete)
//   _overlay           per row, those writes folded in outbox order: what the user expects to see
//   public.<table>     a view: synced rows without an overlay, plus overlaid rows with the
//                      overlay's fields laid over the synced ones (jsonb_populate_record keeps
//                      every field the overlay does not name, so a synced edit of another field
//                      shows through at once)
//
// Dropping a mutation's writes and refolding its rows undoes it exactly, whatever sync did to
// those rows meanwhile.
import type { Transaction } from '@electric-sql/pglite';

export const outboxTables = `
CREATE TABLE IF NOT EXISTS _outbox (
  -- the device's order: uploads and replays follow it
  seq              bigserial PRIMARY KEY,
  id               uuid NOT NULL UNIQUE,
  organization_id  uuid NOT NULL,
  -- who made it: only they upload it (another user signing in on this device does not)
  user_id          uuid NOT NULL,
  name             text NOT NULL,
  args             jsonb NOT NULL,
  -- when the user did it
  at               timestamptz NOT NULL,
  -- earlier mutations whose new rows this one builds on
  after_ids        uuid[] NOT NULL DEFAULT '{}',
  -- what the user meant, for the needs-attention list
  description      text NOT NULL,
  -- PENDING: not yet answered · APPLIED: answered, waiting to be seen in the synced rows ·
  -- REFUSED: rolled back, waiting for the user
  state            text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPLIED', 'REFUSED')),
  txid             text,
  commit_seq       bigint,
  tables           text[],
  refusal_code     text,
  refusal_reason   text,
  answered_at      timestamptz
);
CREATE INDEX IF NOT EXISTS _outbox_state_idx ON _outbox (organization_id, state, seq);
CREATE TABLE IF NOT EXISTS _pending_writes (
  mutation_id  uuid NOT NULL,
  position     int NOT NULL,
  outbox_seq   bigint NOT NULL,
  table_name   text NOT NULL,
  row_id       uuid NOT NULL,
  op           text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  patch        jsonb NOT NULL,
  PRIMARY KEY (mutation_id, position)
);
CREATE INDEX IF NOT EXISTS _pending_writes_row_idx ON _pending_writes (table_name, row_id);
CREATE TABLE IF NOT EXISTS _overlay (
  table_name  text NOT NULL,
  row_id      uuid NOT NULL,
  op          text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  patch       jsonb NOT NULL,
  PRIMARY KEY (table_name, row_id)
);
`;

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function overlayView(table: string, columns: readonly string[]): string {
  const synced = `synced.${ident(table)}`;
  // the overlaid branch names o.row_id as its id, so that "WHERE id = $1" reaches _overlay's
  // primary key instead of laying every pending row of the table over its synced row first
  const overlaid = columns.map((c) => (c === 'id' ? 'o.row_id AS id' : `m.${ident(c)}`)).join(', ');
  return `
DROP VIEW IF EXISTS public.${ident(table)};
CREATE VIEW public.${ident(table)} AS
SELECT t.* FROM ${synced} t
 WHERE NOT EXISTS (SELECT 1 FROM _overlay o WHERE o.table_name = ${literal(table)} AND o.row_id = t.id)
UNION ALL
SELECT ${overlaid} FROM _overlay o
  LEFT JOIN ${synced} t ON t.id = o.row_id
 CROSS JOIN LATERAL jsonb_populate_record(t, o.patch) m
 WHERE o.table_name = ${literal(table)} AND o.op <> 'delete' AND (o.op = 'insert' OR t.id IS NOT NULL);`;
}

/** (Re)creates public.<table> for every synced table: after migrations may have changed columns. */
export async function createOverlayViews(tx: Transaction): Promise<void> {
  const { rows } = await tx.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'synced' AND c.relkind = 'r' GROUP BY c.relname ORDER BY 1`,
  );
  await tx.exec(rows.map((row) => overlayView(row.name, row.columns)).join('\n'));
}
