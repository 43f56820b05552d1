// A person's devices: listed with what the app said at sign-in and when each was last seen,
// signed out by their person or by an OWNER of an organization they belong to; a signed-out
// device's next request is refused in words that say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { openSession } from '../auth/sessions.js';

let db: TestDatabase;
let relay: TestRelay;
let organizationId: string;
let owner: TestMember;

beforeAll(async () => {
  db = await createTestDatabase('devices');
  relay = await startTestRelay(db, { JOBS_ENABLED: 'false' });
  organizationId = await createOrganization(db.sql, 'Harbour Stage');
  owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
});
afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

async function call(method: string, path: string, token: string) {
  const response = await fetch(`${relay.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
}

interface Device {
  id: string;
  name: string;
  platform: string | null;
  thisDevice: boolean;
  lastSeenAt: string;
  member?: { userId: string; role: string };
}

/** a second device of the member, as signing in on it would open */
async function secondDevice(member: TestMember, name: string): Promise<string> {
  const { sessionToken } = await openSession(db.sql, {
    userId: member.userId,
    deviceName: name,
    platform: 'Windows',
    ttlDays: 1,
  });
  return sessionToken;
}

describe('devices', () => {
  it("should list the person's devices, marking this one, and let them sign another out", async () => {
    const member = await createMember(db.sql, [{ organizationId, role: 'STAFF' }]);
    const laptop = await secondDevice(member, 'Door laptop');
    const { status, body } = await call('GET', '/v1/devices', member.token);
    expect(status).toBe(200);
    const devices = body.devices as Device[];
    expect(devices.map((d) => [d.name, d.platform, d.thisDevice]).sort()).toEqual([
      ['Door laptop', 'Windows', false],
      ['test device', null, true],
    ]);
    const other = devices.find((d) => !d.thisDevice)!;
    expect((await call('DELETE', `/v1/devices/${other.id}`, member.token)).status).toBe(204);
    expect(await call('GET', '/v1/auth/session', laptop)).toMatchObject({
      status: 401,
      body: { code: 'session_signed_out', message: 'this device was signed out: sign in again' },
    });
    // someone else's device is not theirs to sign out
    const [ownerDevice] = (await call('GET', '/v1/devices', owner.token)).body.devices as Device[];
    expect((await call('DELETE', `/v1/devices/${ownerDevice!.id}`, member.token)).status).toBe(404);
    expect((await call('GET', '/v1/auth/session', owner.token)).status).toBe(200);
  });

  it("should let an OWNER see every member's devices and sign one out, audited; nobody else", async () => {
    const member = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    const lost = await secondDevice(member, 'Lost laptop');
    const listed = await call('GET', `/v1/organizations/${organizationId}/devices`, owner.token);
    expect(listed.status).toBe(200);
    const devices = listed.body.devices as Device[];
    const target = devices.find((d) => d.name === 'Lost laptop')!;
    expect(target.member).toMatchObject({ userId: member.userId, role: 'MANAGER' });
    expect(devices.filter((d) => d.thisDevice)).toHaveLength(1);

    expect((await call('GET', `/v1/organizations/${organizationId}/devices`, member.token)).status).toBe(403);
    expect(
      (await call('DELETE', `/v1/organizations/${organizationId}/devices/${target.id}`, member.token)).status,
    ).toBe(403);

    expect((await call('DELETE', `/v1/organizations/${organizationId}/devices/${target.id}`, owner.token)).status).toBe(
      204,
    );
    expect((await call('GET', '/v1/devices', lost)).body).toMatchObject({ code: 'session_signed_out' });
    // the member's other device goes on
    expect((await call('GET', '/v1/devices', member.token)).status).toBe(200);
    const [entry] = await db.sql`
      SELECT actor_user_id, details->>'sessionId' AS session FROM audit_logs
       WHERE organization_id = ${organizationId} AND action = 'device.signOut'`;
    expect(entry).toEqual({ actor_user_id: owner.userId, session: target.id });

    // a device of someone outside the organization is not the owner's to sign out
    const stranger = await createMember(db.sql, []);
    const [strangers] = (await call('GET', '/v1/devices', stranger.token)).body.devices as Device[];
    expect(
      (await call('DELETE', `/v1/organizations/${organizationId}/devices/${strangers!.id}`, owner.token)).status,
    ).toBe(404);
  });

  it('should keep last_seen_at current, writing it at most once a minute per session', async () => {
    const member = await createMember(db.sql, [{ organizationId, role: 'STAFF' }]);
    const lastSeen = async () =>
      (await db.sql<{ at: Date }[]>`SELECT last_seen_at AS at FROM sessions WHERE user_id = ${member.userId}`)[0]!.at;
    await db.sql`UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE user_id = ${member.userId}`;
    await call('GET', '/v1/devices', member.token);
    const seen = await lastSeen();
    expect(Date.now() - seen.getTime()).toBeLessThan(60_000);
    // within the minute: no further write, however many requests
    await db.sql`UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE user_id = ${member.userId}`;
    for (let i = 0; i < 3; i++) await call('GET', '/v1/devices', member.token);
    expect(Date.now() - (await lastSeen()).getTime()).toBeGreaterThan(59 * 60_000);
  });
});
