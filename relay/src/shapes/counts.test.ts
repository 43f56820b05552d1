// GET /v1/shape-counts: what a first sync will download, under the same scope as the shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable } from '../testing/every-table.js';

describe('shape counts', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let orgA: string;
  let orgB: string;
  let owner: TestMember;

  const counts = (organizationId: string, token?: string) =>
    fetch(`${relay.url}/v1/shape-counts?organization_id=${organizationId}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    db = await createTestDatabase('counts');
    relay = await startTestRelay(db);
    orgA = await createOrganization(db.sql);
    orgB = await createOrganization(db.sql);
    owner = await createMember(db.sql, [{ organizationId: orgA, role: 'OWNER' }]);
    await fillEveryTable(db.sql, orgA, owner.userId);
    await fillEveryTable(db.sql, orgB, owner.userId);
    await db.sql`INSERT INTO task_templates (organization_id, title) SELECT ${orgA}, 'T' || g FROM generate_series(1, 41) g`;
  });
  afterAll(async () => {
    await relay.stop();
    await db.drop();
  });

  it('counts the rows of every table the caller may read, in their organization only', async () => {
    const response = await counts(orgA, owner.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { counts: Record<string, number> };
    expect(body.counts.task_templates).toBe(42);
    expect(body.counts.events).toBe(1);
    expect(body.counts.organizations).toBe(1);
    expect(body.counts.audit_logs).toBe(1);
    expect(body.counts.confirmation_sends).toBe(1);
    expect(Object.keys(body.counts)).toHaveLength(18);
  });

  it('leaves out tables below the caller role', async () => {
    const staff = await createMember(db.sql, [{ organizationId: orgA, role: 'STAFF' }]);
    const body = (await (await counts(orgA, staff.token)).json()) as { counts: Record<string, number> };
    expect(body.counts.audit_logs).toBeUndefined();
    expect(body.counts.invitations).toBeUndefined();
    expect(body.counts.events).toBe(1);
  });

  it('refuses other organizations, missing tokens and bad ids', async () => {
    expect((await counts(orgB, owner.token)).status).toBe(403);
    expect((await counts(orgA)).status).toBe(401);
    const bad = await counts('not-a-uuid', owner.token);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/organization_id/);
  });
});
