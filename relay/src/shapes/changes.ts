// The changes of a shape after an offset, read from the change log in commit order.
// Each change row is turned back into a typed row of its table (jsonb_populate_record) so
// that the same scope condition as the snapshot applies, and so that every value is sent as
// its PostgreSQL text representation.
import type { Sql } from '../db/database.js';
import type { ShapeScope } from './shape-scope.js';
import { ident, textRowExpression } from './table-columns.js';
import { scopeCondition, scopeOrganizations } from './scope-sql.js';
import { rowKey } from './protocol.js';
import type { JsonArrayWriter } from './json-array-writer.js';

/** At most this many transactions per response; a client behind by more asks again. */
export const MAX_TRANSACTIONS_PER_RESPONSE = 1000;

interface ChangeRow {
  seq: string;
  position: string;
  op: 'I' | 'U' | 'D';
  changed: string[] | null;
  txid: string;
  value: string;
}

const operations = { I: 'insert', U: 'update', D: 'delete' } as const;

/**
 * The highest sequence number one response may reach: the head, or less when more than
 * MAX_TRANSACTIONS_PER_RESPONSE transactions have committed since `after`.
 */
export async function responseEnd(sql: Sql, after: number, head: number): Promise<number> {
  if (head <= after) return head;
  const [row] = await sql<{ seq: string }[]>`
    SELECT seq::text FROM change_transactions
     WHERE seq > ${after} AND seq <= ${head}
     ORDER BY seq OFFSET ${MAX_TRANSACTIONS_PER_RESPONSE - 1} LIMIT 1`;
  return row ? Number(row.seq) : head;
}

export function changesQuery(scope: ShapeScope, after: number, upTo: number): { text: string; params: unknown[] } {
  const name = scope.table.table.name;
  const params: unknown[] = [after, upTo, name, scopeOrganizations(scope)];
  const where = scopeCondition(scope, 'r', params);
  const text = `
    SELECT t.seq::text AS seq, c.id::text AS position, c.op, c.changed, (c.xid::xid)::text AS txid,
           ${textRowExpression(scope.columns, 'r')}::text AS value
      FROM change_transactions t
     -- LATERAL: the log is read by its (xid, id) index, one transaction at a time, never
     -- scanned whole, whatever the planner guesses of its size
     CROSS JOIN LATERAL (
       SELECT * FROM change_log l
        WHERE l.xid = t.xid AND l.table_name = $3 AND l.organization_id = ANY($4::uuid[])
        OFFSET 0 -- keeps the planner from flattening the subquery back into a scan
     ) c
     CROSS JOIN LATERAL jsonb_populate_record(NULL::${ident(name)}, c.row_data) r
     WHERE t.seq > $1 AND t.seq <= $2
       AND ${where}
     ORDER BY t.seq, c.id`;
  return { text, params };
}

function messageFor(scope: ShapeScope, row: ChangeRow, last: boolean): string {
  const name = scope.table.table.name;
  let value = row.value;
  if (scope.replica === 'default' && row.op !== 'I') {
    // default replica: updates carry the key and what changed, deletes the key alone
    const full = JSON.parse(row.value) as Record<string, string | null>;
    const keep = row.op === 'U' ? new Set(['id', ...(row.changed ?? [])]) : new Set(['id']);
    value = JSON.stringify(Object.fromEntries(Object.entries(full).filter(([k]) => keep.has(k))));
  }
  const id = (JSON.parse(row.value) as { id: string }).id;
  const headers = {
    operation: operations[row.op],
    relation: ['public', name],
    txids: [Number(row.txid)],
    lsn: row.seq,
    op_position: Number(row.position),
    ...(last ? { last: true } : {}),
  };
  return `{"key":${JSON.stringify(rowKey(name, id))},"value":${value},"headers":${JSON.stringify(headers)}}`;
}

/** Streams the shape's changes in (after, upTo] to the writer; returns how many were written. */
export async function streamChanges(
  sql: Sql,
  scope: ShapeScope,
  after: number,
  upTo: number,
  writer: JsonArrayWriter,
): Promise<number> {
  if (upTo <= after) return 0;
  const { text, params } = changesQuery(scope, after, upTo);
  let pending: ChangeRow | undefined;
  let written = 0;
  for await (const rows of sql.unsafe<ChangeRow[]>(text, params as never[]).cursor(1000)) {
    const out: string[] = [];
    for (const row of rows) {
      // a transaction's last op in this shape is known once the next row (or the end) is seen
      if (pending) out.push(messageFor(scope, pending, pending.seq !== row.seq));
      pending = row;
    }
    written += out.length;
    await writer.writeAll(out);
  }
  if (pending) {
    await writer.writeAll([messageFor(scope, pending, true)]);
    written += 1;
  }
  return written;
}
