// organization.setLocale through POST /v1/mutations: an owner's setting, applied to the batch's
// organization alone, refused in words to every other role and for anything that is no locale
// PromoterOS can write in, audited, and followed by the documents being drawn again in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable } from '../testing/every-table.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('organization.setLocale through POST /v1/mutations', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let harbour: string;
  let riverside: string;
  let riversideOwner: TestMember;
  const members = new Map<Role, TestMember>();

  beforeAll(async () => {
    db = await createTestDatabase('organization_locale');
    // no job worker: the document renders a locale change queues are looked at, not drawn
    relay = await startTestRelay(db, { JOBS_ENABLED: 'false' });
    harbour = await createOrganization(db.sql, 'Harbour Stage');
    riverside = await createOrganization(db.sql, 'Riverside Club');
    for (const role of roles) members.set(role, await createMember(db.sql, [{ organizationId: harbour, role }]));
    riversideOwner = await createMember(db.sql, [{ organizationId: riverside, role: 'OWNER' }]);
    await fillEveryTable(db.sql, harbour, members.get('OWNER')!.userId);
    await fillEveryTable(db.sql, riverside, riversideOwner.userId);
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  const organization = async (id: string) => {
    const [row] = await db.sql<{ locale: string; name: string; slug: string; updated_at: Date }[]>`
      SELECT locale, name, slug, updated_at FROM organizations WHERE id = ${id}`;
    return row!;
  };
  const audited = (id: string) =>
    db.sql<{ action: string; actor_user_id: string; entity_table: string; entity_id: string; locale: string }[]>`
      SELECT action, actor_user_id, entity_table, entity_id, details -> 'args' ->> 'locale' AS locale
        FROM audit_logs WHERE organization_id = ${id} AND action = 'organization.setLocale' ORDER BY chain_position`;
  const renders = (id: string) =>
    db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM jobs WHERE organization_id = ${id} AND kind = 'document.render' AND status = 'QUEUED'`;
  const setLocale = (member: TestMember, organizationId: string, args: unknown) =>
    sendBatch(relay, member.token, { organizationId, mutations: [envelope('organization.setLocale', args)] });

  it("should let the owner change the organization's locale, audited, and leave every other organization as it was", async () => {
    const riversideBefore = await organization(riverside);
    const harbourBefore = await organization(harbour);
    expect(harbourBefore.locale).toBe('en-US');
    const owner = members.get('OWNER')!;

    const { status, body } = await setLocale(owner, harbour, { locale: 'en-GB' });
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED', tables: ['organizations', 'audit_logs'] });
    const after = await organization(harbour);
    expect(after).toMatchObject({ locale: 'en-GB', name: harbourBefore.name, slug: harbourBefore.slug });
    expect(after.updated_at.getTime()).toBeGreaterThan(harbourBefore.updated_at.getTime());
    expect(await audited(harbour)).toEqual([
      {
        action: 'organization.setLocale',
        actor_user_id: owner.userId,
        entity_table: 'organizations',
        entity_id: harbour,
        locale: 'en-GB',
      },
    ]);
    // its documents are drawn again in the new locale (0024); the other organization's are not
    expect((await renders(harbour))[0]!.n).toBeGreaterThan(0);
    expect((await renders(riverside))[0]!.n).toBe(0);

    expect(await organization(riverside)).toEqual(riversideBefore);
    expect(await audited(riverside)).toEqual([]);
  });

  it('should store the tag in its canonical spelling, and record a change to what it already is without writing', async () => {
    const owner = members.get('OWNER')!;
    const { body } = await setLocale(owner, harbour, { locale: 'de-de' });
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED', tables: ['organizations', 'audit_logs'] });
    expect((await organization(harbour)).locale).toBe('de-DE');

    const before = await organization(harbour);
    const again = await setLocale(owner, harbour, { locale: 'de-DE' });
    expect(again.body.results[0]).toMatchObject({ outcome: 'APPLIED', tables: ['audit_logs'] });
    expect(await organization(harbour)).toEqual(before);
    expect((await audited(harbour)).map((entry) => entry.locale)).toEqual(['en-GB', 'de-de', 'de-DE']);
  });

  for (const role of roles.filter((r) => r !== 'OWNER')) {
    it(`should refuse ${role}, saying only an owner may, and change nothing`, async () => {
      const before = await organization(harbour);
      const entries = (await audited(harbour)).length;
      const { status, body } = await setLocale(members.get(role)!, harbour, { locale: 'fr-FR' });
      expect(status).toBe(200);
      expect(body.results[0]).toMatchObject({
        outcome: 'REFUSED',
        code: 'forbidden',
        reason: `only OWNER may set the organization’s locale to French (France), fr-FR; your role here is ${role}`,
      });
      expect(await organization(harbour)).toEqual(before);
      expect(await audited(harbour)).toHaveLength(entries);
    });
  }

  it('should refuse the owner of another organization, who is no member of this one', async () => {
    const before = await organization(harbour);
    const { status, body } = await setLocale(riversideOwner, harbour, { locale: 'fr-FR' });
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'not_a_member' });
    expect(await organization(harbour)).toEqual(before);
  });

  const invalid: ReadonlyArray<[string, unknown, RegExp]> = [
    ['a word', { locale: 'English' }, /^locale: must be a locale tag such as en-US or de-DE$/],
    ['an underscore', { locale: 'en_GB' }, /^locale: must be a locale tag/],
    ['SQL', { locale: "en-GB'; DROP TABLE organizations; --" }, /^locale: /],
    [
      'a tag nobody writes in',
      { locale: 'xx-YY' },
      /^locale: is not a locale PromoterOS can write dates and numbers in$/,
    ],
    ['nothing', { locale: '' }, /^locale: /],
    ['a NUL', { locale: 'en-GB\u0000' }, /^locale: /],
    ['too long', { locale: `en-${'Abcdefgh-'.repeat(4)}US` }, /^locale: must be at most 35 characters/],
    ['a number', { locale: 44 }, /^locale: must be text$/],
    ['no locale', {}, /^locale: /],
  ];
  for (const [what, args, reason] of invalid) {
    it(`should refuse ${what} as the locale, naming the field`, async () => {
      const before = await organization(harbour);
      const { status, body } = await setLocale(members.get('OWNER')!, harbour, args);
      expect(status).toBe(200);
      expect(body.results[0]).toMatchObject({ outcome: 'REFUSED', code: 'invalid_arguments', reason });
      expect(await organization(harbour)).toEqual(before);
    });
  }
});
