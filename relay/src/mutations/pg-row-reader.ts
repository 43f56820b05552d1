// The RowReader a plan uses on the relay: rows of the batch's organization only, read inside the
// transaction that applies the mutation and locked (FOR UPDATE) until it commits, so that what
// the plan decided from cannot change under it (two devices releasing the same hold at once).
import type postgres from 'postgres';
import type { MutableTable, Row, RowReader } from '@promoteros/shared/mutations';
import { isUuid, writableTable } from './writable-tables.js';

/** A value as text for a parameter: the server casts it to the column's type. A boolean stays
 * one: postgres.js serializes a parameter the server types as bool by `value === true`, so the
 * text 'true' would match the false rows. */
function parameter(value: unknown): string | boolean {
  if (typeof value === 'boolean') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export class PgRowReader implements RowReader {
  constructor(
    private readonly tx: postgres.TransactionSql,
    private readonly organizationId: string,
  ) {}

  async get(table: MutableTable, id: string): Promise<Row | undefined> {
    const t = writableTable(table);
    // an id that is no uuid names no row (and must not become a cast error)
    if (!isUuid(id)) return undefined;
    const [found] = await this.tx.unsafe<{ row: Row }[]>(
      `SELECT to_jsonb(t) AS row FROM ${t.quoted} t WHERE t.id = $1 AND t.${t.quote(t.organizationColumn)} = $2 ${t.lock}`,
      [id, this.organizationId],
    );
    return found?.row;
  }

  async where(table: MutableTable, equals: Readonly<Record<string, unknown>>, orderBy?: string): Promise<Row[]> {
    const t = writableTable(table);
    const params: (string | boolean)[] = [this.organizationId];
    const conditions = [`t.${t.quote(t.organizationColumn)} = $1`];
    for (const [column, value] of Object.entries(equals)) {
      if (value === null || value === undefined) {
        conditions.push(`t.${t.quote(column)} IS NULL`);
      } else {
        params.push(parameter(value));
        conditions.push(`t.${t.quote(column)} = $${params.length}`);
      }
    }
    const order = orderBy ? `t.${t.quote(orderBy)}, t.id` : 't.id';
    const rows = await this.tx.unsafe<{ row: Row }[]>(
      `SELECT to_jsonb(t) AS row FROM ${t.quoted} t WHERE ${conditions.join(' AND ')} ORDER BY ${order} ${t.lock}`,
      params,
    );
    return rows.map((r) => r.row);
  }
}
