// A replica that opened may still be damaged: a cut can leave data files that never reached the
// disk (truncated relations) behind a catalog that did. Reading every page of every table the
// app uses finds those (PostgreSQL reports a block it cannot read); a page whose bytes are wrong
// but readable is not found here (docs/durability.md, limits).
import { syncedTables } from '@promoteros/shared';
import { syncedTable } from '../replica/replica-schema.js';
import type { Replica } from '../replica/open-replica.js';

const bookkeeping = ['_outbox', '_pending_writes', '_overlay', '_sync_shapes', '_sync_organizations'];

/** throws when a table cannot be read whole */
export async function checkReplica(replica: Replica): Promise<void> {
  const tables = [...bookkeeping, ...syncedTables.map((table) => syncedTable(table.name))];
  // one statement, one round trip: count(*) reads each table's every page
  await replica.query(`SELECT ${tables.map((table, i) => `(SELECT count(*) FROM ${table}) AS t${i}`).join(', ')}`);
}
