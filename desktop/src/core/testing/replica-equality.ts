// Reads every synced table of one organization from PostgreSQL and from a replica in the same
// form (to_jsonb of each row, by id, timestamps in UTC, hidden and relay-only columns left out), so a test
// can say "the replica equals the server" with one toEqual and get a readable diff.
import { syncedTables } from '@promoteros/shared';
import type { TestDatabase } from '@promoteros/relay/testing/test-database';
import type { Replica } from '../replica/open-replica.js';

type Sql = TestDatabase['sql'];

export type TablesSnapshot = Record<string, unknown[]>;

function tableQuery(table: (typeof syncedTables)[number]): string {
  const hidden = [...(table.hiddenColumns ?? []), ...(table.relayOnlyColumns ?? [])].map((c) => ` - '${c}'`).join('');
  return `SELECT coalesce(jsonb_agg(to_jsonb(t)${hidden} ORDER BY t.id), '[]'::jsonb) AS rows
            FROM "${table.name}" t WHERE "${table.organizationColumn}" = $1`;
}

export async function readServerTables(sql: Sql, organizationId: string): Promise<TablesSnapshot> {
  return sql.begin(async (tx) => {
    await tx`SET LOCAL TIME ZONE 'UTC'`;
    const out: TablesSnapshot = {};
    for (const table of syncedTables) {
      const [row] = await tx.unsafe<{ rows: unknown[] }[]>(tableQuery(table), [organizationId]);
      out[table.name] = row!.rows;
    }
    return out;
  }) as Promise<TablesSnapshot>;
}

export async function readReplicaTables(replica: Replica, organizationId: string): Promise<TablesSnapshot> {
  return replica.db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL TIME ZONE 'UTC'`);
    const out: TablesSnapshot = {};
    for (const table of syncedTables) {
      const result = await tx.query<{ rows: unknown[] }>(tableQuery(table), [organizationId]);
      out[table.name] = result.rows[0]!.rows;
    }
    return out;
  });
}

/** Row counts per table, for quick "did anything arrive" checks. */
export function countRows(snapshot: TablesSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
}
