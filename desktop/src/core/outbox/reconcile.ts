// Dropping optimistic state once the truth has arrived, and rolling back refused edits.
//
// An applied edit's overlay stays until the replica holds its transaction: the relay
// answered with the change-log sequence the transaction committed as and the tables it wrote,
// and each shape's saved offset ("<seq>_inf") says how far that table has been applied. When
// every one of those tables the replica syncs has passed the sequence, the synced rows already
// show the change (or what the server made of it), and the overlay is dropped in the same
// transaction, so nothing flickers. The txid the relay answered with is the one the shape
// stream's headers carry; the sequence is used because it also covers a table whose shape saw
// no row of the transaction.
import type { Transaction } from '@electric-sql/pglite';
import { refoldOverlay, type RowKey } from './overlay.js';

type Tx = Pick<Transaction, 'query'>;

/** drops the pending writes of these edits and refolds their rows; returns the tables */
export async function dropPendingWrites(tx: Tx, mutationIds: readonly string[]): Promise<string[]> {
  if (mutationIds.length === 0) return [];
  const { rows } = await tx.query<{ table_name: string; row_id: string }>(
    `DELETE FROM _pending_writes WHERE mutation_id = ANY($1::uuid[]) RETURNING table_name, row_id::text`,
    [mutationIds],
  );
  const keys: RowKey[] = rows.map((r) => ({ table: r.table_name, id: r.row_id }));
  await refoldOverlay(tx, keys);
  return [...new Set(keys.map((k) => k.table))];
}

/** Forgets applied edits the synced rows now include; returns the tables whose views changed. */
export async function reconcileApplied(tx: Tx, organizationId: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `WITH reached AS (
       SELECT table_name, split_part("offset", '_', 1)::bigint AS seq
         FROM _sync_shapes WHERE organization_id = $1 AND "offset" ~ '^[0-9]+_'
     )
     SELECT o.id FROM _outbox o
      WHERE o.organization_id = $1 AND o.state = 'APPLIED'
        AND (o.commit_seq IS NULL OR NOT EXISTS (
              SELECT 1 FROM unnest(o.tables) AS w(table_name)
                JOIN _sync_shapes s ON s.organization_id = $1 AND s.table_name = w.table_name
               WHERE NOT EXISTS (SELECT 1 FROM reached r WHERE r.table_name = w.table_name AND r.seq >= o.commit_seq)))`,
    [organizationId],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const tables = await dropPendingWrites(tx, ids);
  await tx.query('DELETE FROM _outbox WHERE id = ANY($1::uuid[])', [ids]);
  return tables;
}
