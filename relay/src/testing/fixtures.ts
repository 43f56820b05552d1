// Small builders for test data: organizations, venues, members with a working session.
import { randomBytes } from 'node:crypto';
import type { Role } from '@promoteros/shared';
import type { Sql } from '../db/database.js';
import { hashSessionToken, newSessionToken } from '../auth/session-token.js';

const suffix = () => randomBytes(3).toString('hex');

export async function createOrganization(sql: Sql, name = 'Test Org'): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO organizations (slug, name) VALUES (${`org-${suffix()}`}, ${name}) RETURNING id`;
  return row!.id;
}

export async function createVenue(
  sql: Sql,
  organizationId: string,
  fields: { name?: string; timezone?: string; capacity?: number } = {},
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO venues (organization_id, slug, name, timezone, capacity)
    VALUES (${organizationId}, ${`venue-${suffix()}`}, ${fields.name ?? 'The Hall'},
            ${fields.timezone ?? 'Europe/Berlin'}, ${fields.capacity ?? 2000})
    RETURNING id`;
  return row!.id;
}

export interface TestMember {
  readonly userId: string;
  readonly email: string;
  readonly token: string;
  readonly sessionId: string;
}

/** A user with a membership in each given organization and a live session. */
export async function createMember(
  sql: Sql,
  memberships: ReadonlyArray<{ organizationId: string; role: Role }>,
  options: { sessionExpiresInMs?: number } = {},
): Promise<TestMember> {
  const email = `person-${suffix()}@example.test`;
  const [user] = await sql<{ id: string }[]>`
    INSERT INTO users (email, display_name) VALUES (${email}, ${'Test Person'}) RETURNING id`;
  for (const m of memberships) {
    await sql`INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
              VALUES (${m.organizationId}, ${user!.id}, ${m.role}, '', '')`;
  }
  const token = newSessionToken();
  const expires = new Date(Date.now() + (options.sessionExpiresInMs ?? 86_400_000));
  const [session] = await sql<{ id: string }[]>`
    INSERT INTO sessions (user_id, token_hash, device_name, expires_at)
    VALUES (${user!.id}, ${hashSessionToken(token)}, 'test device', ${expires})
    RETURNING id`;
  return { userId: user!.id, email, token, sessionId: session!.id };
}
