// The two roles of docs/database-roles.md besides the owner, on the test server. Roles belong to
// the whole cluster, not to a test's database, and test files start in parallel: each is created
// at most once, and a file that loses the race to create it carries on.
import type postgres from 'postgres';
import { DEFINER_ROLE } from '../db/privileges.js';

/** The role test relays serve as: trust authentication on the local test server, no password. */
export const TEST_RELAY_ROLE = 'promoteros_relay';

export async function ensureTestRoles(admin: postgres.Sql): Promise<void> {
  const roles: Array<[string, string]> = [
    [TEST_RELAY_ROLE, 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT'],
    [DEFINER_ROLE, 'NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'],
  ];
  for (const [role, options] of roles) {
    const [exists] = await admin`SELECT 1 FROM pg_roles WHERE rolname = ${role}`;
    if (exists) continue;
    try {
      await admin.unsafe(`CREATE ROLE ${role} ${options}`);
    } catch (error) {
      // another file created it a moment ago: duplicate_object, or unique_violation in pg_authid
      const code = (error as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw error;
    }
  }
}
