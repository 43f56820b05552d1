// Sessions: one per signed-in device, behind an opaque bearer token stored only as a hash.
// They expire after SESSION_TTL_DAYS and are revoked on sign-out.
import type { Role } from '@promoteros/shared';
import type { Sql } from '../db/database.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

export interface OpenedSession {
  readonly sessionToken: string;
  readonly expiresAt: Date;
}

export async function openSession(
  sql: Sql,
  options: {
    readonly userId: string;
    readonly deviceName: string;
    /** the device's operating system, as the app names it; unknown for older apps */
    readonly platform?: string | undefined;
    readonly ttlDays: number;
  },
): Promise<OpenedSession> {
  const sessionToken = newSessionToken();
  const [row] = await sql<{ expires_at: Date }[]>`
    INSERT INTO sessions (user_id, token_hash, device_name, platform, expires_at)
    VALUES (${options.userId}, ${hashSessionToken(sessionToken)}, ${options.deviceName.slice(0, 200)},
            ${options.platform?.slice(0, 50) ?? null}, now() + make_interval(days => ${options.ttlDays}))
    RETURNING expires_at`;
  return { sessionToken, expiresAt: row!.expires_at };
}

export async function revokeSession(sql: Sql, sessionId: string): Promise<void> {
  await sql`UPDATE sessions SET revoked_at = now() WHERE id = ${sessionId} AND revoked_at IS NULL`;
}

export interface Account {
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string };
  readonly organizations: ReadonlyArray<{ id: string; slug: string; name: string; role: Role }>;
}

/** Who the user is and where they belong: what the desktop needs to choose what to sync. */
export async function accountOf(sql: Sql, userId: string): Promise<Account> {
  const [user] = await sql<{ id: string; email: string; display_name: string }[]>`
    SELECT id, email, display_name FROM users WHERE id = ${userId}`;
  if (!user) throw new Error(`user ${userId} vanished while signing in`);
  // before signing in nobody knows the person's organizations: user_organizations (migration
  // 0018) reads their memberships across organizations, and nothing else
  const organizations = await sql<{ id: string; slug: string; name: string; role: Role }[]>`
    SELECT id, slug, name, role FROM user_organizations(${userId})`;
  return {
    user: { id: user.id, email: user.email, displayName: user.display_name },
    organizations: organizations.map(({ id, slug, name, role }) => ({ id, slug, name, role })),
  };
}
