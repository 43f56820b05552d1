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
  if (!first) throw await refusal(sql, hashSessionToken(token));
  await touch(sql, first.session_id);
  const roles = new Map<string, Role>();
  for (const row of rows) if (row.organization_id && row.role) roles.set(row.organization_id, row.role);
  return { userId: first.user_id, sessionId: first.session_id, roles };
}

/** Why a token opens nothing: a device signed out (by its person elsewhere, or an OWNER) is told so,
 * so that it can delete what it holds; anything else is the plain refusal. */
async function refusal(sql: Sql, tokenHash: string) {
  const [session] = await sql<{ revoked: boolean }[]>`
    SELECT revoked_at IS NOT NULL AS revoked FROM sessions WHERE token_hash = ${tokenHash}`;
  return session?.revoked
    ? unauthorized('this device was signed out: sign in again', 'session_signed_out')
    : unauthorized('the session is unknown, expired or revoked: sign in again');
}

/** how often a session's last_seen_at is written: the devices list needs minutes, not requests */
const TOUCH_EVERY_MS = 60_000;
const touched = new Map<string, number>();

/** last_seen_at, at most once a minute per session (per relay in memory; across relays by the WHERE) */
async function touch(sql: Sql, sessionId: string): Promise<void> {
  const now = Date.now();
  if (now - (touched.get(sessionId) ?? 0) < TOUCH_EVERY_MS) return;
  // a relay up for months sees many sessions come and go: forget them all now and then
  if (touched.size > 50_000) touched.clear();
  touched.set(sessionId, now);
  await sql`UPDATE sessions SET last_seen_at = now()
             WHERE id = ${sessionId} AND last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_MS / 1000})`;
}
