// GET /v1/organizations/:id/audit/verification through a real relay: the OWNER's report of their
// own organization's chain (intact or where it broke), nothing for anyone else; and the relay's
// periodic anchors, written to audit_anchors and to its log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { recordAuditAnchors, startAnchorWriter } from './anchor-writer.js';

let db: TestDatabase;
let relay: TestRelay;
let organizationId: string;
let otherOrganizationId: string;
let owner: TestMember;
let manager: TestMember;
let otherOwner: TestMember;

beforeAll(async () => {
  db = await createTestDatabase('audit_routes');
  relay = await startTestRelay(db);
  organizationId = await createOrganization(db.sql, 'Lakeside Live');
  otherOrganizationId = await createOrganization(db.sql, 'Riverside Rooms');
  owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
  manager = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
  otherOwner = await createMember(db.sql, [{ organizationId: otherOrganizationId, role: 'OWNER' }]);
  for (const org of [organizationId, otherOrganizationId]) {
    await db.sql`
      INSERT INTO audit_logs (organization_id, action, entity_table, details)
      SELECT ${org}, 'task.complete', 'event_tasks', jsonb_build_object('n', n) FROM generate_series(1, 3) n`;
  }
});
afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

async function verification(token: string | undefined, id: string) {
  const response = await fetch(`${relay.url}/v1/organizations/${id}/audit/verification`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /v1/organizations/:id/audit/verification', () => {
  it("should give an OWNER their organization's report, and nothing of another's", async () => {
    await recordAuditAnchors(db.sql);
    const { status, body } = await verification(owner.token, organizationId);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      organizationId,
      organizationName: 'Lakeside Live',
      intact: true,
      entries: 3,
      head: { position: 3 },
      lastAnchor: { position: 3 },
      problem: null,
    });
    expect(JSON.stringify(body)).not.toContain(otherOrganizationId);
  });

  it('should refuse everyone but its OWNERs', async () => {
    expect((await verification(undefined, organizationId)).status).toBe(401);
    const asManager = await verification(manager.token, organizationId);
    expect(asManager).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const asOtherOwner = await verification(otherOwner.token, organizationId);
    expect(asOtherOwner.status).toBe(403);
    expect(JSON.stringify(asOtherOwner.body)).not.toContain('Lakeside');
    // an organization that does not exist looks the same as one that is not yours
    expect((await verification(owner.token, '00000000-0000-4000-8000-000000000000')).status).toBe(403);
    expect(await verification(owner.token, 'not-an-id')).toMatchObject({
      status: 400,
      body: { errors: { organizationId: expect.stringMatching(/UUID/) } },
    });
  });

  it('should report where a tampered chain broke', async () => {
    await db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`DELETE FROM audit_logs WHERE organization_id = ${organizationId} AND chain_position = 2`;
    });
    const { status, body } = await verification(owner.token, organizationId);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      intact: false,
      entries: 1,
      problem: { kind: 'missing', position: 2, message: 'entry 2 is missing: it was deleted (the chain goes on at 3)' },
    });
    // the other organization's chain is its own
    expect((await verification(otherOwner.token, otherOrganizationId)).body).toMatchObject({
      intact: true,
      entries: 3,
    });
  });
});

describe('anchors', () => {
  it('should anchor each chain that grew, in the table and as a log line an operator can give to audit:verify', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const growing = await createOrganization(db.sql, 'Growing Hall');
    await db.sql`INSERT INTO audit_logs (organization_id, action, entity_table) VALUES (${growing}, 'venue.create', 'venues')`;
    const writer = startAnchorWriter(db.sql, { intervalMs: 50, log });
    try {
      // the first pass, then (after one more entry) a later one
      await expect.poll(() => lines.some((l) => l.includes(growing)), { timeout: 10_000 }).toBe(true);
      await db.sql`INSERT INTO audit_logs (organization_id, action, entity_table) VALUES (${growing}, 'venue.update', 'venues')`;
      await expect
        .poll(async () => (await db.sql`SELECT 1 FROM audit_anchors WHERE organization_id = ${growing}`).length, {
          timeout: 10_000,
        })
        .toBe(2);
    } finally {
      await writer.stop();
    }
    const [head] = await db.sql<{ entry_hash: string }[]>`
      SELECT entry_hash FROM audit_logs WHERE organization_id = ${growing} AND chain_position = 2`;
    const logged = lines.map(
      (l) => JSON.parse(l) as { msg: string; auditAnchor?: { organizationId: string; verify: string } },
    );
    const mine = logged.filter((l) => l.auditAnchor?.organizationId === growing);
    expect(mine.map((l) => l.msg)).toEqual(['audit anchor', 'audit anchor']);
    expect(mine[1]!.auditAnchor!.verify).toBe(`--organization ${growing} --anchor 2:${head!.entry_hash}`);
  });
});
