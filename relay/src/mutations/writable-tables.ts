// The tables and columns a plan may name, checked before any name reaches SQL. Plans are our
// own code, but their table and column names end up inside statements, so each one is looked up
// in the shared row schemas (one per table, with every column) instead of being trusted.
import { findSyncedTable, rowSchemas, type RowTable } from '@promoteros/shared';

export interface WritableTable {
  readonly name: string;
  /** the column naming the row's organization: organization_id, or the organization's own id */
  readonly organizationColumn: string;
  /** a plan may insert and delete rows (not the organization itself: created by an operator) */
  readonly rowsMayComeAndGo: boolean;
  /**
   * How a plan's reads lock the rows. The organization's row takes the weaker FOR NO KEY UPDATE:
   * every insert into a table referring to it (an intake filing, a job, an audit entry) checks
   * its key with FOR KEY SHARE, which FOR UPDATE would make wait until the batch commits.
   */
  readonly lock: 'FOR UPDATE' | 'FOR NO KEY UPDATE';
  /** the table's columns, from its row schema */
  readonly columns: ReadonlySet<string>;
  /** the table and a column, double-quoted */
  readonly quoted: string;
  quote(column: string): string;
}

const tables = new Map<string, WritableTable>();
for (const name of Object.keys(rowSchemas) as RowTable[]) {
  // a plan writes an organization's synced rows (and the organization's own row, which the
  // database lets the relay change only the locale of: relay/src/db/privileges.ts); the audit log
  // is written by the executor alone
  const organizationColumn = findSyncedTable(name)?.organizationColumn;
  if (!organizationColumn || name === 'audit_logs') continue;
  if (organizationColumn !== 'organization_id' && name !== 'organizations') continue;
  const columns = new Set(Object.keys(rowSchemas[name].shape));
  tables.set(name, {
    name,
    organizationColumn,
    rowsMayComeAndGo: name !== 'organizations',
    lock: name === 'organizations' ? 'FOR NO KEY UPDATE' : 'FOR UPDATE',
    columns,
    quoted: `"${name}"`,
    quote(column) {
      if (!columns.has(column)) throw new Error(`${name} has no column "${column}"`);
      return `"${column}"`;
    },
  });
}

/** The table, or an error naming it: a plan naming an unknown table is a bug, not bad input. */
export function writableTable(name: string): WritableTable {
  const table = tables.get(name);
  if (!table) throw new Error(`mutations may not read or write the table "${name}"`);
  return table;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id can name a row at all (anything else would be a cast error in SQL). */
export const isUuid = (id: string): boolean => UUID.test(id);

/** What a person calls a row of the table, for reasons like "the task no longer exists". */
const rowWords: Record<string, string> = {
  organizations: 'the organization',
  events: 'the event',
  deal_terms: 'the deal terms',
  event_tasks: 'the task',
  event_requests: 'the request',
  decision_logs: 'the decision',
  holds: 'the hold',
  memberships: 'the membership',
  invitations: 'the invitation',
  venues: 'the venue',
  task_templates: 'the task template',
  settlement_lines: 'the settlement line',
  guest_lists: 'the guest list',
  guest_list_entries: 'the guest list entry',
  check_ins: 'the check-in',
  confirmation_sends: 'the confirmation email',
};

export function rowWord(table: string): string {
  return rowWords[table] ?? `the ${table.replace(/_/g, ' ')} row`;
}
