// Writes one released batch into the replica inside the caller's transaction.
//
// Rows go in as JSON through json_populate_recordset, a few thousand per statement: an initial
// sync of 100,000 rows is a few dozen statements, not 100,000. Inserts are upserts (a resumed
// stream may hand us a row again), updates set only the columns the relay sent (replica=default
// sends the key and what changed), deletes go by id. Every synced table is keyed by `id`.
import type { Transaction } from '@electric-sql/pglite';
import type { Row } from '@electric-sql/client';
import { findSyncedTable } from '@promoteros/shared';
import type { ReadyBatch, ShapeOp } from './multi-shape-buffer.js';
import { copyUpsert, type ColumnType } from './copy-rows.js';
import { SYNCED_SCHEMA, syncedTable } from '../replica/replica-schema.js';

/** rows per statement: big enough to amortise the statement, small enough for one JSON param */
const CHUNK_ROWS = 5000;
/** from this many inserts on, COPY through a staging table beats one JSON statement */
const COPY_FROM_ROWS = 200;

type RowOp = Extract<ShapeOp, { row: Row }>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableColumns {
  /** column names in table order */
  get(table: string): readonly string[];
  /** names and the types COPY needs to write them, in table order */
  types(table: string): readonly ColumnType[];
}

export async function loadTableColumns(tx: Pick<Transaction, 'query'>): Promise<TableColumns> {
  const result = await tx.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [SYNCED_SCHEMA],
  );
  const byTable = new Map<string, ColumnType[]>();
  for (const { table_name, column_name, data_type } of result.rows) {
    const list = byTable.get(table_name) ?? [];
    list.push({ name: column_name, json: data_type === 'json' || data_type === 'jsonb', array: data_type === 'ARRAY' });
    byTable.set(table_name, list);
  }
  const types = (table: string) => {
    const columns = byTable.get(table);
    if (!columns) throw new Error(`replica has no table ${table}`);
    return columns;
  };
  return { types, get: (table) => types(table).map((c) => c.name) };
}

/** Applies the batch's row changes; returns the tables it touched. */
export async function applyBatch(
  tx: Transaction,
  organizationId: string,
  batch: ReadyBatch,
  columns: TableColumns,
  /** collects the tables that took a COPY-sized load, whose statistics are then stale */
  bulkLoaded?: Set<string>,
): Promise<Set<string>> {
  const touched = new Set<string>();
  for (const segment of batch.segments) {
    const table = syncedTable(segment.table);
    for (const group of groupOps(segment.ops)) {
      touched.add(segment.table);
      if (group.kind === 'reset') {
        const column = findSyncedTable(segment.table)?.organizationColumn ?? 'organization_id';
        await tx.query(`DELETE FROM ${table} WHERE ${quote(column)} = $1`, [organizationId]);
      } else if (group.kind === 'insert' && group.rows.length >= COPY_FROM_ROWS) {
        await copyUpsert(tx, segment.table, columns.types(segment.table), group.rows);
        bulkLoaded?.add(segment.table);
      } else if (group.kind === 'insert') {
        const assignments = columns
          .get(segment.table)
          .filter((c) => c !== 'id')
          .map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`)
          .join(', ');
        await tx.query(
          `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)
           ON CONFLICT (id) DO UPDATE SET ${assignments}`,
          [JSON.stringify(group.rows)],
        );
      } else if (group.kind === 'update') {
        const assignments = group.columns.map((c) => `${quote(c)} = r.${quote(c)}`).join(', ');
        await tx.query(
          `UPDATE ${table} t SET ${assignments}
             FROM json_populate_recordset(NULL::${table}, $1) r WHERE t.id = r.id`,
          [JSON.stringify(group.rows)],
        );
      } else {
        await tx.query(`DELETE FROM ${table} t USING json_populate_recordset(NULL::${table}, $1) r WHERE t.id = r.id`, [
          JSON.stringify(group.rows.map((row) => ({ id: row.id }))),
        ]);
      }
    }
  }
  return touched;
}

type Group =
  { kind: 'reset' } | { kind: 'insert' | 'delete'; rows: Row[] } | { kind: 'update'; columns: string[]; rows: Row[] };

/**
 * Runs of the same kind of op (updates: the same set of columns) become one statement. A run
 * is cut where an id repeats, because one INSERT … ON CONFLICT or UPDATE … FROM cannot touch a
 * row twice, and at CHUNK_ROWS.
 */
export function* groupOps(ops: readonly ShapeOp[]): Generator<Group> {
  let current: Extract<Group, { rows: Row[] }> | undefined;
  let signature = '';
  let ids = new Set<unknown>();
  const flush = function* () {
    if (current && current.rows.length > 0) yield current;
    current = undefined;
    ids = new Set();
  };
  for (const op of ops) {
    if (op.kind === 'checkpoint') continue;
    if (op.kind === 'reset') {
      yield* flush();
      yield { kind: 'reset' };
      continue;
    }
    const columns = op.kind === 'update' ? Object.keys(op.row).filter((c) => c !== 'id') : [];
    if (op.kind === 'update' && columns.length === 0) continue; // nothing changed that we can see
    const opSignature = op.kind === 'update' ? `update:${columns.sort().join(',')}` : op.kind;
    if (!current || opSignature !== signature || ids.has(op.row.id) || current.rows.length >= CHUNK_ROWS) {
      yield* flush();
      signature = opSignature;
      current = op.kind === 'update' ? { kind: 'update', columns, rows: [] } : { kind: op.kind, rows: [] };
    }
    ids.add(op.row.id);
    current.rows.push((op as RowOp).row);
  }
  yield* flush();
}
