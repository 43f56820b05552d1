// One batch released by the MultiShapeBuffer into the replica, in one PGlite transaction: its
// rows, every shape's handle and offset, the organization's last sync time, and whatever the
// outbox drops because the batch made it true. Should any of it fail, none of it is kept, and
// the offsets saved last time make a restart replay the batch.
import type { Transaction } from '@electric-sql/pglite';
import type { Replica } from '../replica/open-replica.js';
import type { ReadyBatch } from './multi-shape-buffer.js';
import { applyBatch, type TableColumns } from './apply-batch.js';

export interface CommittedBatch {
  /** tables whose rows (or, through reconcile, whose views) changed */
  readonly touched: ReadonlySet<string>;
  /** tables loaded in bulk, whose statistics are stale now */
  readonly bulkLoaded: ReadonlySet<string>;
}

export async function commitBatch(
  replica: Replica,
  organizationId: string,
  batch: ReadyBatch,
  columns: TableColumns,
  reconcile?: (tx: Transaction) => Promise<readonly string[]>,
): Promise<CommittedBatch> {
  let touched = new Set<string>();
  const bulkLoaded = new Set<string>();
  await replica.db.transaction(async (tx) => {
    // replica role: local triggers (none today) must not rewrite what the server decided
    await tx.exec('SET LOCAL session_replication_role = replica');
    touched = await applyBatch(tx, organizationId, batch, columns, bulkLoaded);
    // every shape's position in one statement: a live commit moves all of them
    const checkpoints = [...batch.checkpoints];
    if (checkpoints.length > 0) {
      await tx.query(
        `INSERT INTO _sync_shapes (organization_id, table_name, handle, "offset", updated_at)
         SELECT $1, t, h, o, now() FROM unnest($2::text[], $3::text[], $4::text[]) AS c(t, h, o)
         ON CONFLICT (organization_id, table_name)
         DO UPDATE SET handle = EXCLUDED.handle, "offset" = EXCLUDED."offset", updated_at = now()`,
        [
          organizationId,
          checkpoints.map(([table]) => table),
          checkpoints.map(([, c]) => c.handle),
          checkpoints.map(([, c]) => c.offset),
        ],
      );
    }
    await tx.query(
      `INSERT INTO _sync_organizations (organization_id, last_synced_at) VALUES ($1, now())
       ON CONFLICT (organization_id) DO UPDATE SET last_synced_at = now()`,
      [organizationId],
    );
    if (reconcile) for (const table of await reconcile(tx)) touched.add(table);
  });
  return { touched, bulkLoaded };
}
