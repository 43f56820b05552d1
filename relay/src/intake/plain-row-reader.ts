// A RowReader for the public form's plan: the organization's rows, read without locks and
// outside a transaction. The form files a new request and reads only the venue's managers;
// locking them (as a device's mutation does, see mutations/pg-row-reader.ts) would queue every
// submission behind the last one.
import type { Sql } from '../db/database.js';
import type { MutableTable, Row, RowReader } from '@promoteros/shared/mutations';
import { isUuid, writableTable } from '../mutations/writable-tables.js';

export class PlainRowReader implements RowReader {
  constructor(
    private readonly tx: Pick<Sql, 'unsafe'>,
    private readonly organizationId: string,
  ) {}

  async get(table: MutableTable, id: string): Promise<Row | undefined> {
    const t = writableTable(table);
    if (!isUuid(id)) return undefined;
    const [found] = await this.tx.unsafe<{ row: Row }[]>(
      `SELECT to_jsonb(t) AS row FROM ${t.quoted} t WHERE t.id = $1 AND t.organization_id = $2`,
      [id, this.organizationId],
      { prepare: true },
    );
    return found?.row;
  }

  async where(table: MutableTable, equals: Readonly<Record<string, unknown>>, orderBy?: string): Promise<Row[]> {
    const t = writableTable(table);
    const params: string[] = [this.organizationId];
    const conditions = ['t.organization_id = $1'];
    for (const [column, value] of Object.entries(equals)) {
      if (value === null || value === undefined) {
        conditions.push(`t.${t.quote(column)} IS NULL`);
      } else {
        params.push(typeof value === 'object' ? JSON.stringify(value) : String(value));
        conditions.push(`t.${t.quote(column)} = $${params.length}`);
      }
    }
    const order = orderBy ? `t.${t.quote(orderBy)}, t.id` : 't.id';
    const rows = await this.tx.unsafe<{ row: Row }[]>(
      `SELECT to_jsonb(t) AS row FROM ${t.quoted} t WHERE ${conditions.join(' AND ')} ORDER BY ${order}`,
      params,
      { prepare: true },
    );
    return rows.map((r) => r.row);
  }
}
