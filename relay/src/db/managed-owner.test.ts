// The production setup of docs/database-roles.md with an owner that is no superuser, as on a
// managed PostgreSQL: forced row-level security binds the owner too, so everything that crosses
// organizations must go through promoteros_definer's functions. A relay migrates and serves, a
// mutation is audited, the anchor writer anchors every chain and audit:verify's reader (run as the
// owner) finds them intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createRelay, type Relay } from '../app.js';
import { loadConfig } from '../config.js';
import { asAdministrator, createEmptyDatabase, type EmptyDatabase } from '../testing/empty-database.js';
import { TEST_RELAY_ROLE } from '../testing/test-roles.js';
import { DEFINER_ROLE } from './privileges.js';
import { withConnection } from './database.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { recordAuditAnchors } from '../audit/anchor-writer.js';
import { verifyAuditChains } from '../audit/verify-chain.js';

const OWNER_ROLE = 'promoteros_test_owner';

let database: EmptyDatabase;
let superUrl: string;
let ownerUrl: string;
let servingUrl: string;
let relay: Relay | undefined;

const as = (url: string, user: string): string => {
  const other = new URL(url);
  other.username = user;
  return other.toString();
};

beforeAll(async () => {
  await asAdministrator(async (admin) => {
    const [exists] = await admin`SELECT 1 FROM pg_roles WHERE rolname = ${OWNER_ROLE}`;
    if (!exists) {
      await admin
        .unsafe(`CREATE ROLE ${OWNER_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`)
        .catch((error: { code?: string }) => {
          // another run created it a moment ago
          if (error.code !== '42710' && error.code !== '23505') throw error;
        });
    }
  });
  database = await createEmptyDatabase('managed', { owner: OWNER_ROLE });
  superUrl = database.url;
  ownerUrl = as(superUrl, OWNER_ROLE);
  servingUrl = as(superUrl, TEST_RELAY_ROLE);
  // as docs/database-roles.md has the administrator do: the owner hands functions to the definer
  await asAdministrator((admin) => admin.unsafe(`GRANT ${DEFINER_ROLE} TO ${OWNER_ROLE}`));
  await withConnection(superUrl, (sql) =>
    sql.unsafe(`GRANT CREATE, USAGE ON SCHEMA public TO ${OWNER_ROLE}, ${DEFINER_ROLE}`),
  );
});

afterAll(async () => {
  await relay?.stop();
  await database?.drop();
});

describe('a relay whose owner is no superuser (a managed PostgreSQL)', () => {
  it('migrates, serves, audits, anchors and verifies with forced row-level security binding the owner', async () => {
    relay = await createRelay(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_DATA: 'never',
        JOBS_ENABLED: 'false',
        AUTH_SECRET: 'test-secret-test-secret-test-secret-42',
        DATABASE_URL: servingUrl,
        MIGRATION_DATABASE_URL: ownerUrl,
      }),
    );
    const url = await relay.listen();
    const [owner] = await withConnection(
      ownerUrl.toString(),
      (sql) => sql<{ super: boolean }[]>`
      SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user`,
    );
    expect(owner!.super).toBe(false);

    // fixtures as the administrator would load them (the superuser bypasses the wall)
    const organizations: string[] = [];
    let token = '';
    await withConnection(superUrl, async (sql) => {
      for (const label of ['Harbour Hall', 'Riverside Ballroom']) {
        const organizationId = await createOrganization(sql, label);
        organizations.push(organizationId);
        const member = await createMember(sql, [{ organizationId, role: 'OWNER' }]);
        token ||= member.token;
      }
    });

    // a mutation through the relay: its audit row joins the chain under the caller's setting
    const response = await fetch(`${url}/v1/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        organizationId: organizations[0],
        mutations: [
          {
            id: randomUUID(),
            name: 'taskTemplate.create',
            args: { templateId: randomUUID(), title: 'Confirm load-in time', defaultDueDays: 7 },
            at: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { outcome: string; reason?: string }[] };
    expect(results[0]).toMatchObject({ outcome: 'APPLIED' });

    // the anchor writer (as the relay's role) reaches every organization through the definer
    const anchors = await recordAuditAnchors(relay.db.sql);
    expect(anchors.map((a) => a.organizationId)).toContain(organizations[0]);

    // audit:verify's reader, as the owner: every organization, each intact, the anchor found
    const verification = await relay.db.withOwner((sql) => verifyAuditChains(sql));
    const mine = verification.organizations.filter((o) => organizations.includes(o.organizationId));
    expect(mine).toHaveLength(2);
    expect(verification.intact).toBe(true);

    // the relay's own role may not list every organization
    await expect(relay.db.sql`SELECT * FROM audit_organizations()`).rejects.toMatchObject({ code: '42501' });
  });
});
