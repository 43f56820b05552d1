// What a plan reads on the desktop: the app's views (synced rows with this device's pending
// edits laid over them), so a second edit builds on the first before either reached the relay.
import type { Transaction } from '@electric-sql/pglite';
import { findSyncedTable, rowSchemas } from '@promoteros/shared';
import type { MutableTable, Row, RowReader } from '@promoteros/shared/mutations';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function knownColumn(table: MutableTable, column: string): string {
  const schema = rowSchemas[table as keyof typeof rowSchemas];
  if (!schema || !(column in schema.shape)) throw new Error(`${table} has no column ${column}`);
  return ident(column);
}

/** The column naming a row's organization: organization_id, or the organization's own id. */
const organizationColumn = (table: MutableTable): string =>
  findSyncedTable(table)?.organizationColumn ?? 'organization_id';

export function replicaReader(tx: Pick<Transaction, 'query'>, organizationId: string): RowReader {
  return {
    async get(table, id) {
      // the view's answer for one row, spelled out: two primary-key look-ups that PGlite plans
      // in half the time of the view (a plan reads a row or two, and an edit must show in a frame)
      const { rows } = await tx.query<{ row: Row | null }>(
        `SELECT CASE WHEN o.op IS NULL THEN to_jsonb(t)
                     WHEN o.op = 'delete' OR (o.op = 'update' AND t.id IS NULL) THEN NULL
                     ELSE to_jsonb(jsonb_populate_record(t, o.patch)) END AS row
           FROM (SELECT 1) AS one
           LEFT JOIN synced.${ident(table)} t ON t.id = $1 AND t.${ident(organizationColumn(table))} = $2
           LEFT JOIN _overlay o ON o.table_name = $3 AND o.row_id = $1`,
        [id, organizationId, table],
      );
      const row = rows[0]?.row;
      // an overlaid insert of another organization's id cannot happen (the device adds its own)
      return row && row[organizationColumn(table)] === organizationId ? row : undefined;
    },
    async where(table, equals, orderBy) {
      const params: unknown[] = [organizationId];
      const conditions = Object.entries(equals).map(([column, value]) => {
        params.push(value);
        return `t.${knownColumn(table, column)} = $${params.length}`;
      });
      const order = orderBy ? `t.${knownColumn(table, orderBy)}, ` : '';
      const { rows } = await tx.query<{ row: Row }>(
        `SELECT to_jsonb(t) AS row FROM public.${ident(table)} t
          WHERE t.${ident(organizationColumn(table))} = $1 ${conditions.map((c) => `AND ${c}`).join(' ')}
          ORDER BY ${order}t.id`,
        params,
      );
      return rows.map((r) => r.row);
    },
  };
}
