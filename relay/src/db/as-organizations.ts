// The one way the relay touches tenant tables: a transaction whose first statement names the
// organizations it acts for. Row-level security (relay/src/db/privileges.ts) shows and accepts
// only rows of those organizations, so a query that forgets its own organization filter still
// cannot reach another tenant. The setting is transaction-local (set_config(..., true)): it ends
// with the transaction and never leaks to the next user of the pooled connection.
import type postgres from 'postgres';
import type { Sql } from './database.js';

export type Tx = postgres.TransactionSql;

/** The setting the policies read (caller_organization_ids() in migration 0018). */
export const ORGANIZATIONS_SETTING = 'promoteros.organization_ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AsOrganizationsOptions {
  /** e.g. 'ISOLATION LEVEL REPEATABLE READ READ ONLY' */
  readonly mode?: string;
}

/**
 * Runs `work` in a transaction that sees the rows of `organizationIds` and nothing else. An
 * empty list sees no tenant row at all (what an unset setting means too).
 */
export async function asOrganizations<T>(
  sql: Sql,
  organizationIds: Iterable<string>,
  work: (tx: Tx) => Promise<T>,
  options: AsOrganizationsOptions = {},
): Promise<T> {
  const ids = organizationList(organizationIds);
  const run = async (tx: Tx): Promise<T> => {
    // sent without waiting for its answer: the work's first statement follows it on the same
    // connection in the same round trip (a hot path such as the intake filing pays no extra wait)
    const setting = tx`SELECT set_config(${ORGANIZATIONS_SETTING}, ${ids}, true)`.execute();
    let result: T;
    try {
      result = await work(tx);
    } finally {
      await setting.catch(() => {}); // its failure fails the work's statements too
    }
    await setting;
    return result;
  };
  const result = options.mode ? sql.begin(options.mode, run) : sql.begin(run);
  return result as Promise<T>;
}

/** Narrows an open transaction to these organizations (a nested step acting for one of them). */
export async function setOrganizations(tx: Tx, organizationIds: Iterable<string> | string): Promise<void> {
  const ids = typeof organizationIds === 'string' ? organizationIds : organizationList(organizationIds);
  await tx`SELECT set_config(${ORGANIZATIONS_SETTING}, ${ids}, true)`;
}

/** The setting's text: comma-separated uuids, checked here so no caller can widen it by text. */
function organizationList(organizationIds: Iterable<string>): string {
  const ids = [...new Set(organizationIds)];
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not an organization id: ${JSON.stringify(id)}`);
  return ids.join(',');
}
