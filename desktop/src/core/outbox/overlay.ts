// Keeps _overlay equal to the fold of _pending_writes, row by row (see replica-views.ts).
import type { Transaction } from '@electric-sql/pglite';
import type { RowWrite } from '@promoteros/shared/mutations';

export interface RowKey {
  readonly table: string;
  readonly id: string;
}

type Op = 'insert' | 'update' | 'delete';

interface PendingWrite {
  table_name: string;
  row_id: string;
  op: Op;
  patch: Record<string, unknown>;
}

/** the row a write touches, and what it lays over that row */
export function pendingWriteOf(
  write: RowWrite,
  organizationId: string,
): { key: RowKey; op: Op; patch: Record<string, unknown> } {
  switch (write.op) {
    case 'insert':
      return {
        key: { table: write.table, id: String(write.row.id) },
        op: 'insert',
        // the relay adds the organization the same way
        patch: { ...write.row, organization_id: organizationId },
      };
    case 'update':
      return { key: { table: write.table, id: write.id }, op: 'update', patch: { ...write.set } };
    case 'delete':
      return { key: { table: write.table, id: write.id }, op: 'delete', patch: {} };
  }
}

/**
 * Recomputes the overlay of these rows from the pending writes still there, in outbox order:
 * an insert starts the row, updates lay their fields over it, a delete hides it. An update of
 * a row the overlay has not inserted lays its fields over the synced row.
 */
export async function refoldOverlay(tx: Pick<Transaction, 'query'>, keys: readonly RowKey[]): Promise<void> {
  if (keys.length === 0) return;
  const tables = keys.map((k) => k.table);
  const ids = keys.map((k) => k.id);
  await tx.query(
    `DELETE FROM _overlay o USING unnest($1::text[], $2::uuid[]) AS k(table_name, row_id)
      WHERE o.table_name = k.table_name AND o.row_id = k.row_id`,
    [tables, ids],
  );
  const { rows } = await tx.query<PendingWrite>(
    `SELECT w.table_name, w.row_id::text AS row_id, w.op, w.patch
       FROM _pending_writes w JOIN unnest($1::text[], $2::uuid[]) AS k(table_name, row_id)
         ON w.table_name = k.table_name AND w.row_id = k.row_id
      ORDER BY w.outbox_seq, w.position`,
    [tables, ids],
  );
  const folded = new Map<string, PendingWrite>();
  for (const write of rows) {
    const key = `${write.table_name}/${write.row_id}`;
    const before = folded.get(key);
    if (write.op === 'update' && before && before.op !== 'delete') {
      folded.set(key, { ...before, patch: { ...before.patch, ...write.patch } });
    } else {
      folded.set(key, { ...write, patch: { ...write.patch } });
    }
  }
  if (folded.size === 0) return;
  const list = [...folded.values()];
  await tx.query(
    `INSERT INTO _overlay (table_name, row_id, op, patch)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::jsonb[])`,
    [
      list.map((w) => w.table_name),
      list.map((w) => w.row_id),
      list.map((w) => w.op),
      list.map((w) => JSON.stringify(w.patch)),
    ],
  );
}
