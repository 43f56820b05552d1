// Who is calling: the session behind the bearer token and the caller's memberships.
// Every authenticated route starts here; a missing, unknown, expired or revoked token is 401.
import type { FastifyRequest } from 'fastify';
import type { Role } from '@promoteros/shared';
import type { Sql } from '../db/database.js';
import { unauthorized } from '../http/errors.js';
import { hashSessionToken } from './session-token.js';

export interface Caller {
  readonly userId: string;
  readonly sessionId: string;
  /** organization id → the caller's role there */
  readonly roles: ReadonlyMap<string, Role>;
}

const BEARER = /^Bearer ([A-Za-z0-9_\-.~+/=]{16,200})$/;

export async function authenticate(sql: Sql, request: FastifyRequest): Promise<Caller> {
  const header = request.headers.authorization;
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  if (!token) throw unauthorized('sign in first: send "Authorization: Bearer <session token>"');
  // across organizations by design: the caller's organizations are what is looked up here
  // (session_caller, migration 0018, runs as promoteros_definer)
  const rows = await sql<{ session_id: string; user_id: string; organization_id: string | null; role: Role | null }[]>`
    SELECT session_id, user_id, organization_id, role FROM session_caller(${hashSessionToken(token)})`;
  const first = rows[0];
  if (!first) throw unauthorized('the session is unknown, expired or revoked: sign in again');
  const roles = new Map<string, Role>();
  for (const row of rows) if (row.organization_id && row.role) roles.set(row.organization_id, row.role);
  return { userId: first.user_id, sessionId: first.session_id, roles };
}
