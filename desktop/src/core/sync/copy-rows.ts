// Large runs of inserts (a snapshot, a long catch-up) go into the replica through COPY: the
// rows become CSV in PostgreSQL's text format, are copied into a transaction-local staging
// table, and upserted from there in one statement. COPY parses CSV far faster than
// json_populate_recordset parses JSON, which is what keeps an initial sync near the floor.
import type { Transaction } from '@electric-sql/pglite';
import type { Row } from '@electric-sql/client';

export interface ColumnType {
  readonly name: string;
  /** json or jsonb: the client parsed the value, and arrays in it are JSON, not PG arrays */
  readonly json: boolean;
  readonly array: boolean;
}
import { syncedTable } from '../replica/replica-schema.js';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A PostgreSQL array literal for a parsed array (elements quoted, NULLs bare). */
function arrayLiteral(value: unknown[]): string {
  const items = value.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${String(item).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/** One value as a CSV field: NULL is an empty unquoted field, everything else is quoted. */
function csvField(value: unknown, column: ColumnType): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (column.json) text = JSON.stringify(value);
  else if (column.array && Array.isArray(value)) text = arrayLiteral(value);
  else if (typeof value === 'boolean') text = value ? 't' : 'f';
  else text = String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly Row[], columns: readonly ColumnType[]): string {
  let csv = '';
  for (const row of rows) {
    csv += columns.map((c) => csvField(row[c.name], c)).join(',') + '\n';
  }
  return csv;
}

/** Upserts the rows (every one a whole row) into the table through a COPY-filled staging table. */
export async function copyUpsert(
  tx: Transaction,
  table: string,
  tableColumns: readonly ColumnType[],
  rows: readonly Row[],
): Promise<void> {
  // the columns the relay sent (hidden ones are never in a row)
  const present = tableColumns.filter((c) => c.name in rows[0]!);
  const stage = quote(`_stage_${table}`);
  await tx.exec(
    `CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE ${syncedTable(table)}) ON COMMIT DROP;
     TRUNCATE ${stage}`,
  );
  const names = present.map((c) => quote(c.name)).join(', ');
  await tx.query(`COPY ${stage} (${names}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([toCsv(rows, present)]),
  });
  const assignments = present
    .filter((c) => c.name !== 'id')
    .map((c) => `${quote(c.name)} = EXCLUDED.${quote(c.name)}`)
    .join(', ');
  await tx.exec(
    `INSERT INTO ${syncedTable(table)} (${names}) SELECT ${names} FROM ${stage}
     ON CONFLICT (id) DO UPDATE SET ${assignments}`,
  );
}
