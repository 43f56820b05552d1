// The people a group of filings needs from their organizations: the OWNER and MANAGER members
// (each gets a note of a new request) and the PROMOTER members whose address a request gives (the
// request is theirs). Read without locks and outside a transaction: the form files new requests and
// only reads the members; locking them (as a device's mutation does, see mutations/pg-row-reader.ts)
// would queue every submission behind the last one.
//
// The members a filing was planned with are checked again by the filing statement itself
// (`stillSql`), so the people may be remembered from an earlier round (known-people.ts): a plan made
// with members that have changed since writes nothing, and is made again with the members read anew.
import type { MutableTable, Row, RowReader } from '@promoteros/shared/mutations';
import { asOrganizations } from '../db/as-organizations.js';
import type { Sql } from '../db/database.js';

export interface Member {
  readonly organizationId: string;
  readonly role: string;
  readonly email: string;
  readonly row: Row;
}

/** The organizations and (lower-case) addresses of a group of filings: what decides whom they need. */
export interface PeopleScope {
  readonly organizations: readonly string[];
  readonly emails: readonly string[];
}

export function peopleScope(
  filings: readonly { venue: { organizationId: string }; fields: { email: string } }[],
): PeopleScope {
  return {
    organizations: [...new Set(filings.map((f) => f.venue.organizationId))],
    emails: [...new Set(filings.map((f) => f.fields.email.toLowerCase()))],
  };
}

/** The members a scope needs, as a condition on memberships m with the scope's two parameters. */
const needed = (organizations: string, emails: string) =>
  `m.organization_id = ANY(${organizations}::uuid[])
   AND (m.role IN ('OWNER', 'MANAGER') OR (m.role = 'PROMOTER' AND lower(m.user_email) = ANY(${emails}::text[])))`;

/** What of a member a plan uses (jobs go to their id, address and name), in the order `stillSql` lists them. */
const usedOf = (row: Row) => [row.id, row.role, row.user_id, row.user_email, row.user_name];

export class OrganizationPeople {
  private constructor(readonly members: readonly Member[]) {}

  static async read(sql: Sql, scope: PeopleScope): Promise<OrganizationPeople> {
    const members = await asOrganizations(sql, scope.organizations, (tx) =>
      tx.unsafe<Member[]>(
        `SELECT m.organization_id::text AS "organizationId", m.role, lower(m.user_email) AS email, to_jsonb(m) AS row
           FROM memberships m
          WHERE ${needed('$1', '$2')}
          ORDER BY m.created_at, m.id`,
        [`{${scope.organizations.join(',')}}`, scope.emails as string[]],
        { prepare: true },
      ),
    );
    return new OrganizationPeople(members);
  }

  /** These members (in the order they were read), as the people of a scope they cover. */
  static of(members: readonly Member[]): OrganizationPeople {
    return new OrganizationPeople(members);
  }

  /**
   * A SQL expression, true when the members a scope needs are still these: what a filing
   * statement checks before it writes. Its parameters: `used` (this.used()), then the scope's.
   */
  static stillSql(used: string, organizations: string, emails: string): string {
    return `(SELECT coalesce(jsonb_agg(jsonb_build_array(m.id, m.role, m.user_id, m.user_email, m.user_name)
                                       ORDER BY m.id), '[]'::jsonb) = ${used}::text::jsonb
               FROM memberships m WHERE ${needed(organizations, emails)})`;
  }

  /** What of these members the plans use, as `stillSql` compares it (JSON, by membership id). */
  used(): string {
    const rows = this.members.map((m) => usedOf(m.row));
    rows.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    return JSON.stringify(rows);
  }

  /** The PROMOTER member of the organization with this address, if there is one. */
  promoterWithEmail(organizationId: string, email: string): string | null {
    const lower = email.toLowerCase();
    const member = this.members.find(
      (m) => m.organizationId === organizationId && m.role === 'PROMOTER' && m.email === lower,
    );
    return member ? String(member.row.user_id) : null;
  }

  /**
   * A reader of the organization's members by role, for the submission plan; the only reads
   * that plan makes. Anything else it might read is refused loudly rather than answered wrong.
   */
  reader(organizationId: string): RowReader {
    const members = this.members.filter((m) => m.organizationId === organizationId);
    return {
      get(table: MutableTable): Promise<Row | undefined> {
        return Promise.reject(new Error(`the intake filing reads no ${table} by id`));
      },
      where(table: MutableTable, equals: Readonly<Record<string, unknown>>, orderBy?: string): Promise<Row[]> {
        const keys = Object.keys(equals);
        const role = equals.role;
        if (
          table !== 'memberships' ||
          keys.length !== 1 ||
          (role !== 'OWNER' && role !== 'MANAGER') ||
          (orderBy !== undefined && orderBy !== 'created_at')
        ) {
          return Promise.reject(new Error(`the intake filing has not read ${table} where ${JSON.stringify(equals)}`));
        }
        return Promise.resolve(members.filter((m) => m.role === role).map((m) => m.row));
      },
    };
  }
}
