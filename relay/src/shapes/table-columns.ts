// The columns of every synced table, read from the database catalog once at start-up.
// They give the `electric-schema` header and the column lists of the queries that turn rows
// into their PostgreSQL text representation (what the shape protocol sends).
import { syncedTables, type SyncedTable } from '@promoteros/shared';
import type { Sql } from '../db/database.js';

export interface ColumnInfo {
  readonly name: string;
  /** element type for arrays (Electric's convention), the type itself otherwise */
  readonly type: string;
  readonly dims: number;
  readonly notNull: boolean;
}

export interface TableColumns {
  readonly table: SyncedTable;
  /** served columns, in table order (hidden columns left out) */
  readonly columns: readonly ColumnInfo[];
  readonly byName: ReadonlyMap<string, ColumnInfo>;
}

export type Catalog = ReadonlyMap<string, TableColumns>;

export async function loadCatalog(sql: Sql): Promise<Catalog> {
  const rows = await sql<{ table_name: string; name: string; type: string; dims: number; not_null: boolean }[]>`
    SELECT c.relname AS table_name,
           a.attname AS name,
           CASE WHEN t.typcategory = 'A' THEN et.typname ELSE t.typname END AS type,
           CASE WHEN t.typcategory = 'A' THEN greatest(a.attndims, 1) ELSE 0 END AS dims,
           a.attnotnull AS not_null
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
     WHERE c.relname = ANY(${syncedTables.map((t) => t.name)})
       AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`;
  const catalog = new Map<string, TableColumns>();
  for (const table of syncedTables) {
    const hidden = new Set([...(table.hiddenColumns ?? []), ...(table.relayOnlyColumns ?? [])]);
    const columns = rows
      .filter((r) => r.table_name === table.name && !hidden.has(r.name))
      .map((r) => ({ name: r.name, type: r.type, dims: Number(r.dims), notNull: r.not_null }));
    if (!columns.some((c) => c.name === 'id')) {
      throw new Error(`synced table ${table.name} is missing from the database or has no id column`);
    }
    catalog.set(table.name, { table, columns, byName: new Map(columns.map((c) => [c.name, c])) });
  }
  return catalog;
}

/** The `electric-schema` header value for the given columns. */
export function schemaHeader(columns: readonly ColumnInfo[]): string {
  const schema: Record<string, Record<string, unknown>> = {};
  for (const column of columns) {
    schema[column.name] = {
      type: column.type,
      ...(column.name === 'id' ? { pk_index: 0 } : {}),
      ...(column.notNull ? { not_null: true } : {}),
      ...(column.dims > 0 ? { dims: column.dims } : {}),
    };
  }
  return JSON.stringify(schema);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `json_build_object('col', <alias>."col"::text, …)`: the row as the protocol sends it. */
export function textRowExpression(columns: readonly ColumnInfo[], alias: string): string {
  const parts = columns.map((c) => `'${c.name}', ${alias}.${ident(c.name)}::text`);
  return `json_build_object(${parts.join(', ')})`;
}

export { ident };
