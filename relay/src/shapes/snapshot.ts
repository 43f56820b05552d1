// The snapshot a shape starts from (offset=-1): every row in scope as of one consistent
// moment, and the change-log head at that same moment, so that the changes after it follow
// on without gap or overlap. Rows are streamed from a cursor: a large organization never sits
// whole in the relay's memory.
import type { Sql } from '../db/database.js';
import type { ShapeScope } from './shape-scope.js';
import { ident, textRowExpression } from './table-columns.js';
import { scopeCondition, scopeOrganizations } from './scope-sql.js';
import { asOrganizations } from '../db/as-organizations.js';
import type { JsonArrayWriter } from './json-array-writer.js';

export interface SnapshotOptions {
  readonly includeRows: boolean;
  /** called with the head as soon as it is known, before any row is written */
  readonly onHead: (head: number) => void;
}

export function snapshotQuery(scope: ShapeScope): { text: string; params: unknown[] } {
  const name = scope.table.table.name;
  const params: unknown[] = [];
  const where = scopeCondition(scope, 's', params);
  const text = `
    SELECT json_build_object(
             'key', '"public"."${name}"/"' || s.id::text || '"',
             'value', ${textRowExpression(scope.columns, 's')},
             'headers', json_build_object('operation', 'insert', 'relation', json_build_array('public', '${name}'))
           )::text AS m
      FROM ${ident(name)} s
     WHERE ${where}`;
  return { text, params };
}

export async function streamSnapshot(
  sql: Sql,
  scope: ShapeScope,
  writer: JsonArrayWriter,
  options: SnapshotOptions,
): Promise<number> {
  // the rows' own condition filters by organization too; row-level security holds even if it did not
  return asOrganizations(
    sql,
    scopeOrganizations(scope),
    async (tx) => {
      const [row] = await tx<{ head: string }[]>`SELECT coalesce(max(seq), 0)::text AS head FROM change_transactions`;
      const head = Number(row!.head);
      options.onHead(head);
      if (options.includeRows) {
        const { text, params } = snapshotQuery(scope);
        for await (const rows of tx.unsafe<{ m: string }[]>(text, params as never[]).cursor(2000)) {
          await writer.writeAll(rows.map((r) => r.m));
        }
      }
      return head;
    },
    { mode: 'ISOLATION LEVEL REPEATABLE READ READ ONLY' },
  );
}
