// The people and venue mutations by every role, through the real route and PostgreSQL: what each
// role may do and what it is refused, in words; the last OWNER's seat under concurrent edits; and
// that every change is audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, createVenue, type TestMember } from '../testing/fixtures.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

let db: TestDatabase;
let relay: TestRelay;

beforeAll(async () => {
  db = await createTestDatabase('member_mutations');
  relay = await startTestRelay(db, { JOBS_ENABLED: 'false' });
});
afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

interface Org {
  readonly id: string;
  readonly venueId: string;
  readonly members: Map<Role, TestMember>;
}

async function organization(): Promise<Org> {
  const id = await createOrganization(db.sql, 'Harbour Stage');
  const venueId = await createVenue(db.sql, id);
  const members = new Map<Role, TestMember>();
  for (const role of roles) members.set(role, await createMember(db.sql, [{ organizationId: id, role }]));
  return { id, venueId, members };
}

async function membershipOf(org: Org, member: TestMember): Promise<{ id: string; role: Role } | undefined> {
  const [row] = await db.sql<{ id: string; role: Role }[]>`
    SELECT id, role FROM memberships WHERE organization_id = ${org.id} AND user_id = ${member.userId}`;
  return row;
}

async function run(org: Org, by: TestMember, name: string, args: unknown) {
  const sent = envelope(name, args);
  const { status, body } = await sendBatch(relay, by.token, { organizationId: org.id, mutations: [sent] });
  expect(status).toBe(200);
  return body.results[0]!;
}

async function newcomer(org: Org, role: Role): Promise<{ member: TestMember; membershipId: string }> {
  const member = await createMember(db.sql, [{ organizationId: org.id, role }]);
  return { member, membershipId: (await membershipOf(org, member))!.id };
}

describe('member.setRole and member.remove by every role, on every role', () => {
  let org: Org;
  beforeAll(async () => {
    org = await organization();
  });

  // who may change whom: an OWNER anyone, a MANAGER STAFF and PROMOTER only, nobody else
  const mayChange = (actor: Role, target: Role) =>
    actor === 'OWNER' || (actor === 'MANAGER' && (target === 'STAFF' || target === 'PROMOTER'));

  for (const actor of roles) {
    for (const target of roles) {
      it(`should ${mayChange(actor, target) ? 'let' : 'refuse'} ${actor} change and remove a ${target}`, async () => {
        const { member, membershipId } = await newcomer(org, target);
        const to: Role = target === 'PROMOTER' ? 'STAFF' : 'PROMOTER';
        const changed = await run(org, org.members.get(actor)!, 'member.setRole', { membershipId, role: to });
        const removed = await run(org, org.members.get(actor)!, 'member.remove', { membershipId });
        if (mayChange(actor, target)) {
          expect(changed).toMatchObject({ outcome: 'APPLIED' });
          expect(removed).toMatchObject({ outcome: 'APPLIED' });
          expect(await membershipOf(org, member)).toBeUndefined();
        } else {
          expect(changed).toMatchObject({ outcome: 'REFUSED', code: 'forbidden' });
          expect(removed).toMatchObject({ outcome: 'REFUSED', code: 'forbidden' });
          expect((changed as { reason: string }).reason).toMatch(/only OWNER may|only OWNER or MANAGER may/);
          expect(await membershipOf(org, member)).toMatchObject({ role: target });
        }
      });
    }
  }

  it('should refuse a MANAGER making anyone a MANAGER or an OWNER', async () => {
    const { membershipId } = await newcomer(org, 'STAFF');
    for (const role of ['MANAGER', 'OWNER'] as const) {
      const result = await run(org, org.members.get('MANAGER')!, 'member.setRole', { membershipId, role });
      expect(result).toMatchObject({
        outcome: 'REFUSED',
        code: 'forbidden',
        reason: `only OWNER may make a member ${role}; your role here is MANAGER`,
      });
    }
  });

  it('should audit each change with who made it', async () => {
    const { membershipId } = await newcomer(org, 'STAFF');
    const owner = org.members.get('OWNER')!;
    await run(org, owner, 'member.setRole', { membershipId, role: 'MANAGER' });
    await run(org, owner, 'member.remove', { membershipId });
    const audited = await db.sql<{ action: string; actor_user_id: string }[]>`
      SELECT action, actor_user_id FROM audit_logs WHERE entity_id = ${membershipId} ORDER BY chain_position`;
    expect(audited).toEqual([
      { action: 'member.setRole', actor_user_id: owner.userId },
      { action: 'member.remove', actor_user_id: owner.userId },
    ]);
  });
});

describe('member.leave', () => {
  for (const role of roles.filter((r) => r !== 'OWNER')) {
    it(`should let a ${role} leave with their own membership, and no one else's`, async () => {
      const org = await organization();
      const { member, membershipId } = await newcomer(org, role);
      const other = await newcomer(org, 'STAFF');
      const refused = await run(org, member, 'member.leave', { membershipId: other.membershipId });
      expect(refused).toMatchObject({ outcome: 'REFUSED', code: 'forbidden', reason: 'this membership is not yours' });
      expect(await run(org, member, 'member.leave', { membershipId })).toMatchObject({ outcome: 'APPLIED' });
      expect(await membershipOf(org, member)).toBeUndefined();
    });
  }
});

describe('the last OWNER', () => {
  it('can be neither demoted, removed nor leave; with a second owner each of these works', async () => {
    const org = await organization();
    const owner = org.members.get('OWNER')!;
    const own = (await membershipOf(org, owner))!.id;
    const lastOwner = /is the organization's last owner and cannot .*: make another member an owner first$/;
    for (const [name, args] of [
      ['member.setRole', { membershipId: own, role: 'MANAGER' }],
      ['member.remove', { membershipId: own }],
      ['member.leave', { membershipId: own }],
    ] as const) {
      const result = await run(org, owner, name, args);
      expect(result, name).toMatchObject({
        outcome: 'REFUSED',
        code: 'rule',
        reason: expect.stringMatching(lastOwner),
      });
    }
    expect(await membershipOf(org, owner)).toMatchObject({ role: 'OWNER' });

    const second = await newcomer(org, 'OWNER');
    expect(await run(org, second.member, 'member.setRole', { membershipId: own, role: 'MANAGER' })).toMatchObject({
      outcome: 'APPLIED',
    });
    // now the second is the last one
    expect(await run(org, second.member, 'member.leave', { membershipId: second.membershipId })).toMatchObject({
      outcome: 'REFUSED',
      code: 'rule',
    });
  });

  it('should let exactly one of two owners demoting each other at once succeed', async () => {
    for (let round = 0; round < 5; round++) {
      const org = await organization();
      const a = org.members.get('OWNER')!;
      const b = await newcomer(org, 'OWNER');
      const aId = (await membershipOf(org, a))!.id;
      const results = await Promise.all([
        run(org, a, 'member.setRole', { membershipId: b.membershipId, role: 'STAFF' }),
        run(org, b.member, 'member.setRole', { membershipId: aId, role: 'STAFF' }),
      ]);
      expect(
        results.filter((r) => r.outcome === 'APPLIED'),
        `round ${round}`,
      ).toHaveLength(1);
      const [owners] = await db.sql<{ count: number }[]>`
        SELECT count(*)::int AS count FROM memberships WHERE organization_id = ${org.id} AND role = 'OWNER'`;
      expect(owners!.count).toBe(1);
    }
  });

  it('should let exactly one of two owners demoting themselves at once succeed', async () => {
    const org = await organization();
    const a = org.members.get('OWNER')!;
    const b = await newcomer(org, 'OWNER');
    const aId = (await membershipOf(org, a))!.id;
    const results = await Promise.all([
      run(org, a, 'member.setRole', { membershipId: aId, role: 'MANAGER' }),
      run(org, b.member, 'member.leave', { membershipId: b.membershipId }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['APPLIED', 'REFUSED']);
    const [owners] = await db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM memberships WHERE organization_id = ${org.id} AND role = 'OWNER'`;
    expect(owners!.count).toBe(1);
  });
});

describe('venue mutations by every role', () => {
  let org: Org;
  beforeAll(async () => {
    org = await organization();
  });

  for (const role of roles) {
    it(`should let ${role} do exactly what its role allows with venues`, async () => {
      const by = org.members.get(role)!;
      const venueId = randomUUID();
      const slug = `annex-${role.toLowerCase()}`;
      const created = await run(org, by, 'venue.create', {
        venueId,
        name: 'The Annex',
        slug,
        timezone: 'Europe/London',
        capacity: 400,
      });
      const updated = await run(org, by, 'venue.update', {
        venueId: org.venueId,
        capacity: 2100,
        senderName: 'Harbour Box Office',
      });
      const renamed = await run(org, by, 'venue.update', { venueId: org.venueId, slug: `hall-${role.toLowerCase()}` });
      const archived = await run(org, by, 'venue.archive', { venueId: await createVenue(db.sql, org.id) });
      const owner = role === 'OWNER';
      const manager = owner || role === 'MANAGER';
      expect(created).toMatchObject(owner ? { outcome: 'APPLIED' } : { outcome: 'REFUSED', code: 'forbidden' });
      expect(updated).toMatchObject(manager ? { outcome: 'APPLIED' } : { outcome: 'REFUSED', code: 'forbidden' });
      expect(renamed).toMatchObject(owner ? { outcome: 'APPLIED' } : { outcome: 'REFUSED', code: 'forbidden' });
      expect(archived).toMatchObject(owner ? { outcome: 'APPLIED' } : { outcome: 'REFUSED', code: 'forbidden' });
      if (role === 'MANAGER') {
        expect((renamed as { reason: string }).reason).toBe(
          "only OWNER may change a venue's address (its intake page's link); your role here is MANAGER",
        );
      }
    });
  }

  it('should refuse a slug another venue uses, a minimum above the capacity, and archiving the last open venue', async () => {
    const owner = org.members.get('OWNER')!;
    const [taken] = await db.sql<{ slug: string }[]>`SELECT slug FROM venues WHERE id = ${org.venueId}`;
    const other = await createVenue(db.sql, org.id, { name: 'Side Room' });
    expect(await run(org, owner, 'venue.update', { venueId: other, slug: taken!.slug })).toMatchObject({
      outcome: 'REFUSED',
      code: 'rule',
      reason: `“The Hall” already uses the address “${taken!.slug}”: choose another`,
    });
    expect(await run(org, owner, 'venue.update', { venueId: other, minAttendance: 1_000_000 })).toMatchObject({
      outcome: 'REFUSED',
      code: 'invalid_arguments',
    });
    expect(await run(org, owner, 'venue.update', { venueId: other, minAttendance: 2500 })).toMatchObject({
      outcome: 'REFUSED',
      code: 'rule',
      reason: 'the minimum attendance (2500) is more than the capacity (2000)',
    });
    const solo = await organization();
    expect(await run(solo, solo.members.get('OWNER')!, 'venue.archive', { venueId: solo.venueId })).toMatchObject({
      outcome: 'REFUSED',
      reason: "“The Hall” is the organization's last open venue",
    });
  });

  it('should redirect a renamed venue’s old intake links to its page, and close an archived venue’s page', async () => {
    const owner = org.members.get('OWNER')!;
    const venueId = await createVenue(db.sql, org.id, { name: 'Cellar' });
    const [before] = await db.sql<{ slug: string }[]>`SELECT slug FROM venues WHERE id = ${venueId}`;
    await run(org, owner, 'venue.update', { venueId, slug: 'the-cellar' });
    await run(org, owner, 'venue.update', { venueId, slug: 'cellar-bar' });
    const [{ slug: orgSlug } = { slug: '' }] = await db.sql<{ slug: string }[]>`
      SELECT slug FROM organizations WHERE id = ${org.id}`;
    for (const old of [before!.slug, 'the-cellar']) {
      const page = await fetch(`${relay.url}/request/${orgSlug}/${old}`, { redirect: 'manual' });
      expect(page.status, old).toBe(301);
      expect(page.headers.get('location'), old).toBe(`/request/${orgSlug}/cellar-bar`);
    }
    expect((await fetch(`${relay.url}/request/${orgSlug}/cellar-bar`)).status).toBe(200);
    // an archived venue's page takes no requests, under any of its names
    // (asked of the database: the page's look-up is cached for a few seconds)
    expect(await run(org, owner, 'venue.archive', { venueId })).toMatchObject({ outcome: 'APPLIED' });
    expect(await db.sql`SELECT id FROM intake_venue(${orgSlug}, 'cellar-bar')`).toHaveLength(0);
    expect(await db.sql`SELECT slug FROM renamed_venue_slug(${orgSlug}, 'the-cellar')`).toEqual([
      { slug: 'cellar-bar' },
    ]);
  });
});
