// A person's signed-in devices (one session each), and signing one out:
//   GET    /v1/devices                                  → {devices}: the caller's live sessions
//   DELETE /v1/devices/:sessionId                       → 204; 404 not one of the caller's
//   GET    /v1/organizations/:organizationId/devices    → {devices} of every member (OWNER only)
//   DELETE /v1/organizations/:organizationId/devices/:sessionId → 204, audited (OWNER only; a lost
//          laptop at the venue); 404 not a live session of a member
// A device is {id, name, platform, firstSeenAt, lastSeenAt, expiresAt, thisDevice} (+ member for
// an OWNER's list). A signed-out device's next request is 401 session_signed_out.
import type { FastifyPluginAsync } from 'fastify';
import type { Database, Sql } from '../db/database.js';
import { authenticate, type Caller } from '../auth/caller.js';
import { asOrganizations } from '../db/as-organizations.js';
import { forbidden, HttpError } from '../http/errors.js';
import { revokeSession } from '../auth/sessions.js';

interface SessionRow {
  id: string;
  user_id: string;
  device_name: string;
  platform: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

const LIVE = 'revoked_at IS NULL AND expires_at > now()';

function device(row: SessionRow, caller: Caller) {
  return {
    id: row.id,
    name: row.device_name,
    platform: row.platform,
    firstSeenAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    thisDevice: row.id === caller.sessionId,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new HttpError(404, 'device_unknown', 'no signed-in device with this id');

function mustOwn(caller: Caller, organizationId: string): void {
  if (caller.roles.get(organizationId) !== 'OWNER') {
    throw forbidden(`only an OWNER of organization ${organizationId} may see and sign out its members' devices`);
  }
}

/** the organization's members as (user id → who), read under row-level security */
async function membersOf(sql: Sql, organizationId: string) {
  return asOrganizations(
    sql,
    [organizationId],
    (tx) => tx<{ user_id: string; user_name: string; user_email: string; role: string }[]>`
      SELECT user_id, user_name, user_email, role FROM memberships WHERE organization_id = ${organizationId}`,
  );
}

export const deviceRoutes: FastifyPluginAsync<{ readonly db: Database }> = async (app, { db }) => {
  const { sql } = db;

  app.get('/v1/devices', async (request) => {
    const caller = await authenticate(sql, request);
    const rows = await sql.unsafe<SessionRow[]>(
      `SELECT id, user_id, device_name, platform, created_at, last_seen_at, expires_at FROM sessions
        WHERE user_id = $1 AND ${LIVE} ORDER BY last_seen_at DESC, id`,
      [caller.userId],
    );
    return { devices: rows.map((row) => device(row, caller)) };
  });

  app.delete<{ Params: { sessionId: string } }>('/v1/devices/:sessionId', async (request, reply) => {
    const caller = await authenticate(sql, request);
    const { sessionId } = request.params;
    if (!UUID.test(sessionId)) throw notFound();
    const [own] = await sql`SELECT 1 FROM sessions WHERE id = ${sessionId} AND user_id = ${caller.userId}`;
    if (!own) throw notFound();
    await revokeSession(sql, sessionId);
    return reply.status(204).send();
  });

  app.get<{ Params: { organizationId: string } }>('/v1/organizations/:organizationId/devices', async (request) => {
    const caller = await authenticate(sql, request);
    mustOwn(caller, request.params.organizationId);
    const members = await membersOf(sql, request.params.organizationId);
    const byUser = new Map(members.map((m) => [m.user_id, m]));
    const rows = await sql.unsafe<SessionRow[]>(
      `SELECT id, user_id, device_name, platform, created_at, last_seen_at, expires_at FROM sessions
        WHERE user_id = ANY($1::uuid[]) AND ${LIVE} ORDER BY last_seen_at DESC, id`,
      [members.map((m) => m.user_id)],
    );
    return {
      devices: rows.map((row) => {
        const member = byUser.get(row.user_id)!;
        return {
          ...device(row, caller),
          member: { userId: row.user_id, name: member.user_name, email: member.user_email, role: member.role },
        };
      }),
    };
  });

  app.delete<{ Params: { organizationId: string; sessionId: string } }>(
    '/v1/organizations/:organizationId/devices/:sessionId',
    async (request, reply) => {
      const caller = await authenticate(sql, request);
      const { organizationId, sessionId } = request.params;
      mustOwn(caller, organizationId);
      if (!UUID.test(sessionId)) throw notFound();
      await asOrganizations(sql, [organizationId], async (tx) => {
        const [session] = await tx<{ user_id: string; membership_id: string }[]>`
          SELECT s.user_id, m.id AS membership_id FROM sessions s
            JOIN memberships m ON m.user_id = s.user_id AND m.organization_id = ${organizationId}
           WHERE s.id = ${sessionId} AND s.revoked_at IS NULL AND s.expires_at > now()`;
        if (!session) throw notFound();
        await tx`UPDATE sessions SET revoked_at = now() WHERE id = ${sessionId} AND revoked_at IS NULL`;
        // in the organization's audit chain: which owner signed out whose device
        await tx`
          INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
          VALUES (${organizationId}, ${caller.userId}, 'device.signOut', 'memberships', ${session.membership_id},
                  ${JSON.stringify({ sessionId, userId: session.user_id })}::text::jsonb)`;
      });
      return reply.status(204).send();
    },
  );
};
