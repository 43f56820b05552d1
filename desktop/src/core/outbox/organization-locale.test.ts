// The organization's locale, changed on a desktop like every edit: at once on this device, offline
// too, then on the relay when it is back; refused at once to a role the device knows may not,
// and rolled back with the relay's reason when the relay knows better (an owner demoted meanwhile).
// Against a real relay on real PostgreSQL, behind a fetch the test takes offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { createMember, createOrganization, type TestMember } from '@promoteros/relay/testing/fixtures';
import { organizationSettings } from '../app/queries/organization.js';
import { TestDevice } from '../testing/test-device.js';
import { eventually } from '../testing/sync-fixture.js';

describe("the organization's locale, set on a desktop", () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let root: string;
  let organizationId: string;
  const devices: TestDevice[] = [];
  let owner: TestDevice;

  const storedLocale = async () =>
    (await db.sql<{ locale: string }[]>`SELECT locale FROM organizations WHERE id = ${organizationId}`)[0]!.locale;

  async function deviceOf(name: string, member: TestMember, role: Role): Promise<TestDevice> {
    const device = new TestDevice({
      name,
      dataDir: join(root, name),
      organizationId,
      userId: member.userId,
      token: member.token,
      role,
      relayUrl: () => relay.url,
    });
    devices.push(device);
    await device.start();
    await device.sync.waitUntilLive();
    return device;
  }
  const shownLocale = async (device: TestDevice) => (await organizationSettings(device.replica, organizationId)).locale;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-locale-'));
    db = await createTestDatabase('desktop_locale');
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '2000', JOBS_ENABLED: 'false' });
    organizationId = await createOrganization(db.sql, 'Harbour Stage');
    owner = await deviceOf('office', await createMember(db.sql, [{ organizationId, role: 'OWNER' }]), 'OWNER');
  }, 120_000);

  afterAll(async () => {
    for (const device of devices) await device.stop();
    await relay?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('should show an offline change at once and apply it on the relay when back online', async () => {
    expect(await shownLocale(owner)).toBe('en-US');

    owner.setOnline(false);
    await owner.outbox.run('organization.setLocale', { locale: 'en-gb' });
    expect(await shownLocale(owner)).toBe('en-GB');
    expect(await owner.outbox.counts()).toEqual({ pending: 1, refused: 0 });
    expect(await storedLocale()).toBe('en-US');

    owner.setOnline(true);
    await eventually(async () => (await owner.outbox.counts()).pending === 0, 30_000);
    expect(await storedLocale()).toBe('en-GB');
    // the synced row itself now says so, not only this device's pending edit
    const [synced] = await owner.replica.query<{ locale: string }>(
      'SELECT locale FROM synced.organizations WHERE id = $1',
      [organizationId],
    );
    expect(synced).toEqual({ locale: 'en-GB' });
    expect(await shownLocale(owner)).toBe('en-GB');
  }, 60_000);

  it('should refuse at once, naming the field, a tag that is no locale, and queue nothing', async () => {
    const refused = owner.outbox.run('organization.setLocale', { locale: 'British' });
    await expect(refused).rejects.toMatchObject({
      code: 'invalid_arguments',
      details: { locale: 'must be a locale tag such as en-US or de-DE' },
    });
    expect(await owner.outbox.counts()).toEqual({ pending: 0, refused: 0 });
  });

  it('should refuse a manager at once, and roll back an owner the relay knows was demoted', async () => {
    const managerMember = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    const manager = await deviceOf('box-office', managerMember, 'MANAGER');
    await expect(manager.outbox.run('organization.setLocale', { locale: 'de-DE' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await manager.outbox.counts()).toEqual({ pending: 0, refused: 0 });

    // a device that still believes its member is an owner: the relay decides by the role now
    const demoted = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    const stale = await deviceOf('back-room', demoted, 'OWNER');
    stale.setOnline(false);
    await stale.outbox.run('organization.setLocale', { locale: 'de-DE' });
    expect(await shownLocale(stale)).toBe('de-DE');
    stale.setOnline(true);
    await eventually(async () => (await stale.outbox.counts()).refused === 1, 30_000);
    expect(await shownLocale(stale)).toBe('en-GB');
    expect(await storedLocale()).toBe('en-GB');
    const [refusal] = await stale.outbox.needsAttention();
    expect(refusal).toMatchObject({
      name: 'organization.setLocale',
      description: 'Set the organization’s locale to German (Germany), de-DE',
      code: 'forbidden',
      reason: 'only OWNER may set the organization’s locale to German (Germany), de-DE; your role here is MANAGER',
    });
  }, 120_000);
});
