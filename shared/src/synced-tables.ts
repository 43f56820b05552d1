// Which tables the relay serves as shapes, and who may see what of them.
// The relay adds the organization filter itself; this list is the only way in.
import type { Role } from './roles.js';

export interface SyncedTable {
  readonly name: string;
  /** the column holding the row's organization (organizations itself: its id) */
  readonly organizationColumn: string;
  /** the lowest role that may read the table at all */
  readonly minimumRole: Role;
  /**
   * For PROMOTER members: the column that must equal the caller's user id for a row to be
   * visible. Tables without one are refused to promoters unless minimumRole allows them.
   */
  readonly promoterOwnColumn?: string;
  /** columns never served (secrets) */
  readonly hiddenColumns?: readonly string[];
  /** columns only the relay's database has (a relay migration added them): never served, not in replicas */
  readonly relayOnlyColumns?: readonly string[];
  /** columns a client may narrow by (`col = $1`), all immutable after insert */
  readonly filterColumns: readonly string[];
}

const t = (name: string, rest: Omit<SyncedTable, 'name'>): SyncedTable => ({ name, ...rest });
const org = 'organization_id';

/** In dependency order: a replica applying them in this order meets parents before children. */
export const syncedTables: readonly SyncedTable[] = [
  t('organizations', { organizationColumn: 'id', minimumRole: 'PROMOTER', filterColumns: ['id'] }),
  t('venues', { organizationColumn: org, minimumRole: 'PROMOTER', filterColumns: [org, 'id'] }),
  t('memberships', {
    organizationColumn: org,
    minimumRole: 'PROMOTER',
    promoterOwnColumn: 'user_id',
    filterColumns: [org, 'user_id'],
  }),
  t('invitations', {
    organizationColumn: org,
    minimumRole: 'MANAGER',
    hiddenColumns: ['token_hash'],
    // the hash of the emailed code (migration 0029): a secret, and a relay migration's column
    relayOnlyColumns: ['code_hash'],
    filterColumns: [org],
  }),
  t('event_requests', {
    organizationColumn: org,
    minimumRole: 'PROMOTER',
    promoterOwnColumn: 'promoter_user_id',
    filterColumns: [org, 'venue_id'],
  }),
  t('decision_logs', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'request_id'] }),
  t('events', {
    organizationColumn: org,
    minimumRole: 'PROMOTER',
    promoterOwnColumn: 'promoter_user_id',
    filterColumns: [org, 'venue_id'],
  }),
  t('holds', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'venue_id'] }),
  t('deal_terms', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'event_id'] }),
  t('settlement_lines', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'event_id'] }),
  t('task_templates', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org] }),
  t('event_tasks', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'event_id'] }),
  t('guest_lists', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'event_id'] }),
  t('guest_list_entries', {
    organizationColumn: org,
    minimumRole: 'STAFF',
    filterColumns: [org, 'event_id', 'guest_list_id'],
  }),
  t('check_ins', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'event_id'] }),
  t('documents', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'event_id'] }),
  t('confirmation_sends', { organizationColumn: org, minimumRole: 'STAFF', filterColumns: [org, 'event_id'] }),
  t('audit_logs', {
    organizationColumn: org,
    minimumRole: 'MANAGER',
    // the hash chain (migration 0019, relay/src/audit): verified on the relay, not by replicas
    relayOnlyColumns: ['chain_position', 'previous_hash', 'entry_hash'],
    filterColumns: [org],
  }),
];

const byName = new Map(syncedTables.map((table) => [table.name, table]));

export function findSyncedTable(name: string): SyncedTable | undefined {
  return byName.get(name);
}
