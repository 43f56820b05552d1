// The people a group of filings needs from their organizations, read in one query: the OWNER and
// MANAGER members (each gets a note of a new request) and the PROMOTER members whose address a
// request gives (the request is theirs). Read without locks and outside a transaction: the form
// files new requests and only reads the members; locking them (as a device's mutation does, see
// mutations/pg-row-reader.ts) would queue every submission behind the last one.
import type { MutableTable, Row, RowReader } from '@promoteros/shared/mutations';
import type { Sql } from '../db/database.js';

interface Member {
  readonly organizationId: string;
  readonly role: string;
  readonly email: string;
  readonly row: Row;
}

export class OrganizationPeople {
  private constructor(private readonly members: readonly Member[]) {}

  static async read(
    sql: Sql,
    filings: readonly { venue: { organizationId: string }; fields: { email: string } }[],
  ): Promise<OrganizationPeople> {
    const organizations = [...new Set(filings.map((f) => f.venue.organizationId))];
    const emails = [...new Set(filings.map((f) => f.fields.email.toLowerCase()))];
    const members = await sql.unsafe<Member[]>(
      `SELECT m.organization_id::text AS "organizationId", m.role, lower(m.user_email) AS email, to_jsonb(m) AS row
         FROM memberships m
        WHERE m.organization_id = ANY($1::uuid[])
          AND (m.role IN ('OWNER', 'MANAGER') OR (m.role = 'PROMOTER' AND lower(m.user_email) = ANY($2::text[])))
        ORDER BY m.created_at, m.id`,
      [`{${organizations.join(',')}}`, emails],
      { prepare: true },
    );
    return new OrganizationPeople(members);
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
