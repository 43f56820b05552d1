// What a plan reads on the desktop: the app's views (synced rows with this device's pending
// edits laid over them), so a second edit builds on the first before either reached the relay.
import type { Transaction } from '@electric-sql/pglite';
import { rowSchemas } from '@promoteros/shared';
import type { MutableTable, Row, RowReader } from '@promoteros/shared/mutations';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function knownColumn(table: MutableTable, column: string): string {
  const schema = rowSchemas[table as keyof typeof rowSchemas];
  if (!schema || !(column in schema.shape)) throw new Error(`${table} has no column ${column}`);
  return ident(column);
}

export function replicaReader(tx: Pick<Transaction, 'query'>, organizationId: string): RowReader {
  return {
    async get(table, id) {
      const { rows } = await tx.query<{ row: Row }>(
        `SELECT to_jsonb(t) AS row FROM public.${ident(table)} t WHERE t.id = $1 AND t.organization_id = $2`,
        [id, organizationId],
      );
      return rows[0]?.row;
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
          WHERE t.organization_id = $1 ${conditions.map((c) => `AND ${c}`).join(' ')}
          ORDER BY ${order}t.id`,
        params,
      );
      return rows.map((r) => r.row);
    },
  };
}
