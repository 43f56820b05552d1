// Who may run what, for every mutation in the registry: the roles at or above its minimum apply it,
// every other caller is refused `forbidden` in words, and no caller ever reaches another
// organization's rows. Arguments come from relay/src/testing/arg-factories.ts; a mutation without a
// factory fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAtLeast, roles, syncedTables, type Role } from '@promoteros/shared';
import { mutationNames, mutations } from '@promoteros/shared/mutations';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable } from '../testing/every-table.js';
import { argFactories, argsFor, type World } from '../testing/arg-factories.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

/** mutations whose arguments name no existing row: made against B's rows, they still write A's own
 * (the locale names no organization: it is always the batch's) */
const createsOwnRows: Record<string, string[]> = {
  'taskTemplate.create': ['task_templates'],
  'organization.setLocale': ['organizations'],
  'venue.create': ['venues'],
  'invitation.create': ['invitations'],
};

/** mutations that act on the caller's own row, which no factory can name for every caller: by
 * role in members.test.ts */
const callersOwn = new Set(['member.leave']);
const everyMutation = Object.values(mutations).filter((definition) => !callersOwn.has(definition.name));

describe('who may run each mutation', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let worldA: World;
  let worldB: World;
  const membersA = new Map<Role, TestMember>();
  let ownerB: TestMember;

  async function world(name: string): Promise<{ world: World; owner: TestMember }> {
    const organizationId = await createOrganization(db.sql, name);
    const owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
    const rows = await fillEveryTable(db.sql, organizationId, owner.userId);
    return { world: { ...rows, organizationId, ownerId: owner.userId }, owner };
  }

  beforeAll(async () => {
    db = await createTestDatabase('mutation_permissions');
    // no job worker: documents re-rendered in the background (queued by the role tests' edits)
    // would change the rows the fingerprints compare, and no test here is about jobs
    relay = await startTestRelay(db, { JOBS_ENABLED: 'false' });
    const a = await world('Harbour Stage');
    const b = await world('Riverside Club');
    [worldA, worldB, ownerB] = [a.world, b.world, b.owner];
    membersA.set('OWNER', a.owner);
    for (const role of roles.filter((r) => r !== 'OWNER')) {
      membersA.set(role, await createMember(db.sql, [{ organizationId: worldA.organizationId, role }]));
    }
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  /** every synced row of the organization, to tell whether anything of it changed */
  async function fingerprint(organizationId: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const { name, organizationColumn } of syncedTables) {
      const [row] = await db.sql.unsafe<{ rows: string | null }[]>(
        `SELECT md5(string_agg(to_jsonb(t)::text, ',' ORDER BY t.id)) AS rows FROM "${name}" t
          WHERE t."${organizationColumn}" = $1`,
        [organizationId],
      );
      out[name] = row?.rows ?? '';
    }
    // and the work it queued: a refused mutation must not leave a render or an email behind
    const [jobs] = await db.sql<{ rows: string | null }[]>`
      SELECT md5(string_agg(concat_ws(' ', id, kind, payload), ',' ORDER BY id)) AS rows FROM jobs
       WHERE organization_id = ${organizationId}`;
    out.jobs = jobs?.rows ?? '';
    return out;
  }

  it('should have argument factories for every mutation in the registry', () => {
    expect(mutationNames.filter((name) => !(name in argFactories))).toEqual([]);
  });

  for (const role of roles) {
    it(`should let ${role} run exactly the mutations whose minimum role it meets`, async () => {
      const member = membersA.get(role)!;
      const batch = [];
      for (const definition of everyMutation) {
        batch.push(envelope(definition.name, await argsFor(definition.name, worldA, db.sql)));
      }
      const { status, body } = await sendBatch(relay, member.token, {
        organizationId: worldA.organizationId,
        mutations: batch,
      });
      expect(status).toBe(200);
      everyMutation.forEach((definition, n) => {
        const result = body.results[n]!;
        if (roleAtLeast(role, definition.minimumRole)) {
          expect(result, definition.name).toMatchObject({ outcome: 'APPLIED' });
        } else {
          const may = roles.filter((r) => roleAtLeast(r, definition.minimumRole));
          expect(result, definition.name).toMatchObject({ outcome: 'REFUSED', code: 'forbidden' });
          const reason = (result as { reason: string }).reason;
          for (const allowed of may) expect(reason, definition.name).toContain(allowed);
          expect(reason).toContain(`your role here is ${role}`);
        }
      });
    });
  }

  it('should refuse every mutation to the owner of another organization, changing nothing there', async () => {
    const batch = [];
    for (const definition of Object.values(mutations)) {
      batch.push(envelope(definition.name, await argsFor(definition.name, worldA, db.sql)));
    }
    const before = await fingerprint(worldA.organizationId);
    const answer = await sendBatch(relay, ownerB.token, { organizationId: worldA.organizationId, mutations: batch });
    // the whole batch, before any of it is looked at: a non-member learns it is not one
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'not_a_member' });
    expect(await fingerprint(worldA.organizationId)).toEqual(before);
  });

  it("should never read or write another organization's rows, whatever ids the arguments name", async () => {
    // arguments made against B's rows (its event, task, request, hold), sent by A's owner to A
    const batch = [];
    for (const definition of everyMutation) {
      batch.push(envelope(definition.name, await argsFor(definition.name, worldB, db.sql)));
    }
    const before = await fingerprint(worldB.organizationId);
    const { body } = await sendBatch(relay, membersA.get('OWNER')!.token, {
      organizationId: worldA.organizationId,
      mutations: batch,
    });
    everyMutation.forEach(({ name }, n) => {
      const result = body.results[n]!;
      // B's row is invisible to A: either the plan says it is gone, or (removing it) that
      // there is nothing left to do, writing nothing but A's own audit entry; a mutation that
      // names no existing row (a new task template) makes A's own row
      const own = createsOwnRows[name];
      if (result.outcome === 'APPLIED') expect(result, name).toMatchObject({ tables: [...(own ?? []), 'audit_logs'] });
      else expect(result, name).toMatchObject({ code: 'rule', reason: expect.stringMatching(/no longer exists$/) });
    });
    // most plans start from a row of B, so most must have been refused for not finding it
    expect(body.results.filter((r) => r.outcome === 'REFUSED').length).toBeGreaterThan(everyMutation.length / 2);
    expect(await fingerprint(worldB.organizationId)).toEqual(before);
  });
});
