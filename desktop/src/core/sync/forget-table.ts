// A table the relay refused to the member (their role may not read it): what the replica held of
// it for this organization goes, with its saved position, in one transaction.
import { findSyncedTable } from '@promoteros/shared';
import type { Replica } from '../replica/open-replica.js';
import { syncedTable } from '../replica/replica-schema.js';

export async function forgetTable(replica: Replica, organizationId: string, table: string): Promise<void> {
  const column = findSyncedTable(table)?.organizationColumn ?? 'organization_id';
  await replica.db.transaction(async (tx) => {
    await tx.query(`DELETE FROM ${syncedTable(table)} WHERE "${column}" = $1`, [organizationId]);
    await tx.query('DELETE FROM _sync_shapes WHERE organization_id = $1 AND table_name = $2', [organizationId, table]);
  });
}
