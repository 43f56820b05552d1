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
    // connection in the same round trip, so the setting costs no wait of its own
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

/**
 * One statement acting for `organizationIds`, in one round trip: BEGIN, the setting, the statement
 * and COMMIT leave together on a reserved connection (sql.begin waits for BEGIN's answer before
 * sending the rest, and COMMIT's after: two round trips more). For hot paths made of a single
 * statement, such as the intake filing. A failed statement makes the COMMIT a rollback.
 */
export async function statementAsOrganizations<T extends readonly (object | undefined)[] = postgres.Row[]>(
  sql: Sql,
  organizationIds: Iterable<string>,
  text: string,
  parameters: postgres.ParameterOrJSON<never>[],
  options: postgres.UnsafeQueryOptions = {},
): Promise<postgres.RowList<T>> {
  const ids = organizationList(organizationIds);
  const connection = await sql.reserve();
  try {
    const begun = connection.unsafe('BEGIN').execute();
    const set = connection`SELECT set_config(${ORGANIZATIONS_SETTING}, ${ids}, true)`.execute();
    const statement = connection.unsafe(text, parameters, options).execute();
    const committed = connection.unsafe('COMMIT').execute();
    const [result, ...others] = await Promise.allSettled([statement, begun, set, committed]);
    for (const outcome of [result, ...others]) if (outcome.status === 'rejected') throw outcome.reason;
    return (result as PromiseFulfilledResult<unknown>).value as postgres.RowList<T>;
  } finally {
    connection.release();
  }
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

/**
 * The part of the driver's interface that code reading tenant tables takes: the job handlers'
 * letters and documents get an OrganizationSql (below), whose every statement runs in its own
 * transaction acting for the job's organization, and whose begin() opens one that does. What it
 * lacks (cursors, LISTEN, reserved connections, fragment helpers) is what such code has no use
 * for, and the compiler says so. Tests may pass the pool itself, which fits it too.
 */
export interface Queries {
  <T extends readonly (object | undefined)[] = postgres.Row[]>(
    template: TemplateStringsArray,
    ...parameters: readonly postgres.ParameterOrFragment<never>[]
  ): Promise<postgres.RowList<T>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver's own signature
  unsafe<T extends any[] = (postgres.Row & Iterable<postgres.Row>)[]>(
    query: string,
    parameters?: postgres.ParameterOrJSON<never>[],
    options?: postgres.UnsafeQueryOptions,
  ): Promise<postgres.RowList<T>>;
  begin<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  begin<T>(mode: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  json: Sql['json'];
  array: Sql['array'];
}

/** Queries acting for fixed organizations (organizationSql below). */
export interface OrganizationSql extends Queries {
  /** the pool underneath, for work that must not act for these organizations (relay-private tables) */
  readonly pool: Sql;
  readonly organizationIds: readonly string[];
}

/** `sql` acting for `organizationIds` in every statement (see OrganizationSql). */
export function organizationSql(sql: Sql, organizationIds: Iterable<string>): OrganizationSql {
  const ids = [...new Set(organizationIds)];
  organizationList(ids); // checked now, not at the first statement
  const run = <T>(work: (tx: Tx) => Promise<T>, mode?: string): Promise<T> =>
    asOrganizations(sql, ids, work, mode ? { mode } : {});
  const query = ((template: TemplateStringsArray, ...parameters: never[]) =>
    run((tx) => tx(template, ...parameters) as unknown as Promise<unknown>)) as unknown as OrganizationSql;
  return Object.assign(query, {
    unsafe: (text: string, parameters?: never[], options?: postgres.UnsafeQueryOptions) =>
      run((tx) => tx.unsafe(text, parameters, options) as unknown as Promise<unknown>),
    begin: <T>(modeOrWork: string | ((tx: Tx) => Promise<T>), work?: (tx: Tx) => Promise<T>) =>
      typeof modeOrWork === 'string' ? run(work!, modeOrWork) : run(modeOrWork),
    json: sql.json.bind(sql),
    array: sql.array.bind(sql),
    pool: sql,
    organizationIds: ids,
  }) as OrganizationSql;
}
