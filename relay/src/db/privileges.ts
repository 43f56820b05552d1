// Who may do what, table by table: the one list of every table in the relay's database, applied
// after every migration run (relay/src/db/migrate.ts) by the tables' owner. A table missing here
// stops the relay at start, and privileges.test.ts fails, so a new table is classified when it is
// added: one line below.
//
// - tenant: rows belong to one organization. Row-level security is enabled and forced, and the
//   policy `tenant_rows` shows and accepts only rows of the organizations the transaction named
//   (relay/src/db/as-organizations.ts). The relay's role gets the listed privileges.
// - relay-private: no organization's data the relay's role may not see, or read across
//   organizations by design; no policy, only the listed privileges (each one argued below).
//
// The relay's role never owns anything and has no CREATE on the schema: it cannot alter a table,
// switch row-level security off or drop a policy. The cross-organization functions of migration
// 0018 are owned by promoteros_definer (docs/database-roles.md), which may only read the tables
// marked `definerReads`, through the read-only policy `definer_reads`.
import type postgres from 'postgres';

type Queryable = Pick<postgres.Sql, 'unsafe'> | Pick<postgres.TransactionSql, 'unsafe'>;

export type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface TableAccess {
  readonly privileges: readonly Privilege[];
  /** columns the relay's role may UPDATE where `privileges` grants no UPDATE of the whole row */
  readonly updateColumns?: readonly string[];
  /** the policy's condition; absent: relay-private, no row-level security */
  readonly rows?: string;
  /** promoteros_definer reads it across organizations (the functions of migration 0018) */
  readonly definerReads?: boolean;
  /** promoteros_definer inserts into it (through the policy `definer_inserts` on a tenant table) */
  readonly definerInserts?: boolean;
}

/** The role the cross-organization functions run as (NOLOGIN; only the owner is a member). */
export const DEFINER_ROLE = 'promoteros_definer';

const ALL: readonly Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
// The function in a scalar subquery (cast, or ANY would take it for a set of arrays): PostgreSQL
// evaluates it once per statement (an InitPlan) instead of parsing the setting into an array
// again for every row a statement reads or writes.
const byOrganization = (column = 'organization_id'): string =>
  `${column} = ANY ((SELECT caller_organization_ids())::uuid[])`;
const tenant = (privileges: readonly Privilege[] = ALL, extra: Partial<TableAccess> = {}): TableAccess => ({
  privileges,
  rows: byOrganization(),
  ...extra,
});

export const TABLES: Readonly<Record<string, TableAccess>> = {
  // created by the relay for the person who creates one (POST /v1/organizations, in a transaction
  // naming the new id, so the policy admits it); changed only in its locale (organization.setLocale,
  // an owner's setting): not its slug, which the intake page's address is made of, nor its name or
  // sender address. Never deleted by the relay.
  organizations: {
    privileges: ['SELECT', 'INSERT'],
    updateColumns: ['locale'],
    rows: byOrganization('id'),
    definerReads: true,
  },
  venues: tenant(ALL, { definerReads: true }),
  // a venue's earlier slugs (a trigger on venues writes them), read across organizations by the
  // intake page's redirect (renamed_venue_slug); never deleted but with their venue
  venue_slugs: tenant(['SELECT', 'INSERT', 'UPDATE'], { definerReads: true }),
  memberships: tenant(ALL, { definerReads: true }),
  // read across organizations only by the hash of a secret (invitation_by_secret, the accept route)
  invitations: tenant(ALL, { definerReads: true }),
  event_requests: tenant(),
  decision_logs: tenant(),
  events: tenant(),
  holds: tenant(ALL, { definerReads: true }),
  deal_terms: tenant(),
  settlement_lines: tenant(),
  task_templates: tenant(),
  event_tasks: tenant(),
  guest_lists: tenant(),
  guest_list_entries: tenant(),
  check_ins: tenant(),
  documents: tenant(),
  confirmation_sends: tenant(),
  // a document's bytes belong to whoever may see the document (documents' own policy applies inside)
  document_blobs: { privileges: ALL, rows: 'EXISTS (SELECT 1 FROM documents d WHERE d.id = document_id)' },
  // append-only: the grants are what make it so (no UPDATE, DELETE or TRUNCATE for the relay)
  audit_logs: tenant(['SELECT', 'INSERT'], { definerReads: true }),
  // written only by record_audit_anchors() (migration 0019, as promoteros_definer: every
  // organization's chain head at once); the relay reads an organization's own to verify it
  audit_anchors: tenant(['SELECT'], { definerReads: true, definerInserts: true }),
  email_deliveries: tenant(),
  intake_submissions: tenant(),
  note_documents: tenant(),

  // People are global (no organization): sign-in finds them by email before any organization is
  // known. Never served as a shape (memberships carry the name and email members see); the relay
  // reads them by id or email only, and creates one when a person signs up (SIGN_UP=open, or by
  // accepting an invitation); it never changes or deletes one.
  users: { privileges: ['SELECT', 'INSERT'] },
  sessions: { privileges: ['SELECT', 'INSERT', 'UPDATE'], definerReads: true },
  sign_in_tokens: { privileges: ALL },
  // Keyed by the device's mutation id across organizations: a replay must find its first answer,
  // and an id reused in another organization must be recognised as such, whatever the caller's
  // memberships (a refusal in an organization the caller is not in is recorded too). Read only by
  // id (ledger.ts); never served.
  mutation_ledger: { privileges: ['SELECT', 'INSERT'] },
  // The queue is claimed across organizations by design (relay/src/jobs/claim-job.ts); each job's
  // handler then acts for the job's organization alone. Ids and addresses, no shape ever reads it.
  jobs: { privileges: ALL, definerReads: true, definerInserts: true },
  // The change log is written by the capture triggers of every tenant write and read by the change
  // feed across organizations (which ones changed: the long-polls' wake-up); a caller's changes are
  // read only through shapes/changes.ts, whose every query carries the shape's organization filter.
  change_log: { privileges: ['SELECT', 'INSERT'] },
  change_transactions: { privileges: ['SELECT', 'INSERT', 'UPDATE'] },
  shape_epochs: { privileges: ['SELECT', 'INSERT', 'UPDATE'] },
  schema_migrations: { privileges: ['SELECT'] },
  // Counters of the rate limits (relay/src/http/rate-limits.ts), keyed by client address or email
  // hash: no organization, never served; counted, given back and swept by the relay.
  rate_limits: { privileges: ALL },
};

/** Functions of 0018 that cross organizations: owned by DEFINER_ROLE, executable by the relay only. */
export const CROSS_ORGANIZATION_FUNCTIONS = [
  'session_caller(text)',
  'user_organizations(uuid)',
  'intake_venue(text, text)',
  'hold_dates_due(timestamptz)',
  'enqueue_hold_reminders(timestamptz, interval)',
  // the audit anchor writer (relay/src/audit/anchor-writer.ts): every chain's head, hourly
  'record_audit_anchors()',
  // the intake page's redirect of a renamed venue's old slug
  'renamed_venue_slug(text, text)',
  // the slug check as a person types a new organization's slug
  'organization_slug_taken(text)',
  // the invitation an emailed link or code stands for (accepting it)
  'invitation_by_secret(text, text)',
] as const;

/** Functions that cross organizations for an operator's tool run as the owner (audit:verify), owned
 * by DEFINER_ROLE like the others but not executable by the relay's role. */
export const OPERATOR_FUNCTIONS = ['audit_organizations()'] as const;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Tables in the schema that TABLES does not classify (privileges.test.ts, and the start below). */
export async function unclassifiedTables(sql: Queryable): Promise<string[]> {
  const rows = await sql.unsafe<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY 1`,
  );
  return rows.map((row) => row.name).filter((name) => !Object.hasOwn(TABLES, name));
}

/**
 * Row-level security and grants as TABLES says, idempotently: run by the owner inside the
 * migration lock. `servingRole` is the role the relay serves as; when it is the owner itself (one
 * database URL, a development setup) only the row-level security is applied.
 */
export async function applyPrivileges(sql: Queryable, servingRole: string): Promise<void> {
  const unclassified = await unclassifiedTables(sql);
  if (unclassified.length > 0) {
    throw new Error(
      `tables without a class in relay/src/db/privileges.ts: ${unclassified.join(', ')} (add one line each)`,
    );
  }
  const [{ owner, superuser, definer } = { owner: '', superuser: false, definer: false }] = await sql.unsafe<
    { owner: string; superuser: boolean; definer: boolean }[]
  >(
    `SELECT current_user AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS definer`,
    [DEFINER_ROLE],
  );
  // each tenant_rows policy carries the condition it was made from as its comment, so a condition
  // changed in TABLES replaces the policy (PostgreSQL's own rendering of it differs from the source)
  const state = await sql.unsafe<
    { name: string; rls: boolean; forced: boolean; policies: string[]; tenant_rows: string | null }[]
  >(
    `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
            coalesce(array_agg(p.polname::text) FILTER (WHERE p.polname IS NOT NULL), '{}') AS policies,
            max(obj_description(p.oid, 'pg_policy')) FILTER (WHERE p.polname = 'tenant_rows') AS tenant_rows
       FROM pg_class c LEFT JOIN pg_policy p ON p.polrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      GROUP BY c.oid`,
  );
  const serving = servingRole !== owner;
  const statements: string[] = [];
  for (const table of state) {
    const access = TABLES[table.name]!;
    const t = ident(table.name);
    if (access.rows) {
      if (!table.rls) statements.push(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      if (!table.forced) statements.push(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      if (table.tenant_rows !== access.rows) {
        if (table.policies.includes('tenant_rows')) statements.push(`DROP POLICY tenant_rows ON ${t}`);
        statements.push(`CREATE POLICY tenant_rows ON ${t} USING (${access.rows}) WITH CHECK (${access.rows})`);
        statements.push(`COMMENT ON POLICY tenant_rows ON ${t} IS ${literal(access.rows)}`);
      }
      if (definer && access.definerReads && !table.policies.includes('definer_reads')) {
        statements.push(`CREATE POLICY definer_reads ON ${t} FOR SELECT TO ${DEFINER_ROLE} USING (true)`);
      }
      if (definer && access.definerInserts && !table.policies.includes('definer_inserts')) {
        statements.push(`CREATE POLICY definer_inserts ON ${t} FOR INSERT TO ${DEFINER_ROLE} WITH CHECK (true)`);
      }
    }
    if (serving) {
      statements.push(`REVOKE ALL ON ${t} FROM ${ident(servingRole)}`);
      statements.push(`GRANT ${access.privileges.join(', ')} ON ${t} TO ${ident(servingRole)}`);
      // the REVOKE above took these too (a table's REVOKE ALL includes its columns' privileges)
      if (access.updateColumns?.length) {
        const columns = access.updateColumns.map(ident).join(', ');
        statements.push(`GRANT UPDATE (${columns}) ON ${t} TO ${ident(servingRole)}`);
      }
    }
    if (definer) {
      const granted = [...(access.definerReads ? ['SELECT'] : []), ...(access.definerInserts ? ['INSERT'] : [])];
      statements.push(`REVOKE ALL ON ${t} FROM ${DEFINER_ROLE}`);
      if (granted.length > 0) statements.push(`GRANT ${granted.join(', ')} ON ${t} TO ${DEFINER_ROLE}`);
    }
  }
  if (serving) {
    // sequences behind bigserial ids and the change log's commit numbers (nextval in triggers)
    statements.push(`GRANT USAGE ON SCHEMA ${ident(await schema(sql))} TO ${ident(servingRole)}`);
    statements.push(
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(await schema(sql))} TO ${ident(servingRole)}`,
    );
  }
  if (definer) {
    // jobs' ids, for the reminders enqueue_hold_reminders inserts
    statements.push(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(await schema(sql))} TO ${DEFINER_ROLE}`);
  } else if (!superuser) {
    throw new Error(
      `the role ${DEFINER_ROLE} is missing: create it before the relay's first start (docs/database-roles.md)`,
    );
  }
  for (const fn of CROSS_ORGANIZATION_FUNCTIONS) {
    if (definer) statements.push(`ALTER FUNCTION ${fn} OWNER TO ${DEFINER_ROLE}`);
    // temporary tables last: a caller's temporary table cannot stand in for one of ours
    statements.push(`ALTER FUNCTION ${fn} SET search_path = ${ident(await schema(sql))}, pg_temp`);
    statements.push(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    if (serving) statements.push(`GRANT EXECUTE ON FUNCTION ${fn} TO ${ident(servingRole)}`);
  }
  // the owner runs these as a member of DEFINER_ROLE (docs/database-roles.md); nobody else may
  for (const fn of OPERATOR_FUNCTIONS) {
    if (definer) statements.push(`ALTER FUNCTION ${fn} OWNER TO ${DEFINER_ROLE}`);
    statements.push(`ALTER FUNCTION ${fn} SET search_path = ${ident(await schema(sql))}, pg_temp`);
    statements.push(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
  }
  // one round trip: no parameters, so the simple protocol takes them all at once
  await sql.unsafe(statements.join(';\n'));
}

async function schema(sql: Queryable): Promise<string> {
  const [row] = await sql.unsafe<{ name: string }[]>(`SELECT current_schema() AS name`);
  return row!.name;
}
