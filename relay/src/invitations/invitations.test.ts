// Invitations end to end through a real relay, PostgreSQL and SMTP server: an OWNER or a MANAGER
// invites, the email (parsed as a mail client would) carries a link and a code, and accepting
// signs the person up and in as a member; every way an invitation can no longer be used is a 4xx
// that names it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { TestMailbox } from '../testing/test-mailbox.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

let db: TestDatabase;
let relay: TestRelay;
let mailbox: TestMailbox;
let organizationId: string;
let owner: TestMember;
let manager: TestMember;

beforeAll(async () => {
  db = await createTestDatabase('invitations');
  mailbox = await TestMailbox.start();
  relay = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_POLL_MS: '50' });
  organizationId = await createOrganization(db.sql, 'Harbour Stage');
  owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
  manager = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
});
afterAll(async () => {
  await relay?.stop();
  await mailbox?.stop();
  await db?.drop();
});

let invitees = 0;
const newAddress = () => `invitee-${++invitees}-${randomUUID().slice(0, 6)}@example.test`;

async function mutate(by: TestMember, name: string, args: unknown) {
  const { status, body } = await sendBatch(relay, by.token, { organizationId, mutations: [envelope(name, args)] });
  expect(status).toBe(200);
  return body.results[0]!;
}

/** invites and reads the email: its link's token and its code */
async function invite(
  email: string,
  role = 'STAFF',
  by = owner,
): Promise<{ id: string; token: string; code: string; text: string }> {
  const id = randomUUID();
  expect(await mutate(by, 'invitation.create', { invitationId: id, email, role })).toMatchObject({
    outcome: 'APPLIED',
  });
  return { id, ...(await emailed(email)) };
}

async function emailed(email: string): Promise<{ token: string; code: string; text: string }> {
  const mail = await mailbox.next(email, 15_000, /^Join /);
  const text = mail.parsed.text ?? '';
  const token = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  const code = /Or type this code:?\s+([2-9A-Z]{4}-[2-9A-Z]{6})/.exec(text)?.[1];
  expect(token, text).toBeDefined();
  expect(code, text).toBeDefined();
  return { token: token!, code: code!, text };
}

async function accept(body: unknown, token?: string) {
  const response = await fetch(`${relay.url}/v1/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('invitations', () => {
  it('should email a link and a code; the link signs a new person up and in as a member of the role', async () => {
    const email = newAddress();
    const { token, text } = await invite(email, 'MANAGER');
    expect(text).toContain('Harbour Stage');
    expect(text).toContain('as Manager');
    const { status, body } = await accept({ token, deviceName: 'Box office laptop', platform: 'macOS' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      sessionToken: expect.any(String),
      user: { email },
      organizations: [{ id: organizationId, role: 'MANAGER' }],
      joined: { organizationId, role: 'MANAGER' },
    });
    // the new session works, and knows its device
    const session = await fetch(`${relay.url}/v1/auth/session`, {
      headers: { authorization: `Bearer ${String(body.sessionToken)}` },
    });
    expect(session.status).toBe(200);
    const [device] =
      await db.sql`SELECT device_name, platform FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ${email}`;
    expect(device).toEqual({ device_name: 'Box office laptop', platform: 'macOS' });
    // audited in the organization's chain
    const [entry] = await db.sql`
      SELECT action FROM audit_logs WHERE organization_id = ${organizationId} AND action = 'invitation.accept'
       ORDER BY chain_position DESC LIMIT 1`;
    expect(entry).toEqual({ action: 'invitation.accept' });
  });

  it('should accept the address and the code, typed loosely, for an existing person', async () => {
    const existing = await createMember(db.sql, []);
    const { code } = await invite(existing.email, 'PROMOTER', manager);
    const { status, body } = await accept({
      email: existing.email.toUpperCase(),
      code: code.toLowerCase().replace('-', ' '),
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ user: { id: existing.userId }, joined: { role: 'PROMOTER' } });
  });

  it('should refuse an invitation used twice, at once or later, making one membership', async () => {
    const email = newAddress();
    const { token } = await invite(email);
    const both = await Promise.all([accept({ token }), accept({ token })]);
    expect(both.map((a) => a.status).sort()).toEqual([200, 410]);
    expect(both.find((a) => a.status === 410)!.body).toMatchObject({ code: 'invitation_used' });
    const again = await accept({ token });
    expect(again).toMatchObject({
      status: 410,
      body: { code: 'invitation_used', message: expect.stringMatching(/already been accepted/) },
    });
    const [count] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM memberships WHERE organization_id = ${organizationId} AND user_email = ${email}`;
    expect(count!.n).toBe(1);
  });

  it('should refuse a revoked invitation, and a re-sent one’s earlier link', async () => {
    const email = newAddress();
    const first = await invite(email);
    expect(await mutate(owner, 'invitation.resend', { invitationId: first.id })).toMatchObject({ outcome: 'APPLIED' });
    const second = await emailed(email);
    expect(second.token).not.toBe(first.token);
    expect(await accept({ token: first.token })).toMatchObject({ status: 404, body: { code: 'invitation_unknown' } });
    expect(await mutate(owner, 'invitation.revoke', { invitationId: first.id })).toMatchObject({ outcome: 'APPLIED' });
    expect(await accept({ token: second.token })).toMatchObject({
      status: 410,
      body: { code: 'invitation_revoked', message: expect.stringMatching(/revoked/) },
    });
    expect(await accept({ email, code: second.code })).toMatchObject({
      status: 410,
      body: { code: 'invitation_revoked' },
    });
  });

  it('should refuse an expired invitation', async () => {
    const email = newAddress();
    const { id, token } = await invite(email);
    await db.sql`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = ${id}`;
    expect(await accept({ token })).toMatchObject({
      status: 410,
      body: { code: 'invitation_expired', message: expect.stringMatching(/expired/) },
    });
  });

  it('should refuse an invitation used by another address: signed in as someone else, or the code with another address', async () => {
    const email = newAddress();
    const { token, code } = await invite(email);
    const someoneElse = await createMember(db.sql, []);
    expect(await accept({ token }, someoneElse.token)).toMatchObject({
      status: 403,
      body: { code: 'invitation_for_another_address', message: expect.stringContaining(email) },
    });
    expect(await accept({ email: someoneElse.email, code })).toMatchObject({
      status: 404,
      body: { code: 'invitation_unknown' },
    });
    // still good for its own address
    expect((await accept({ token })).status).toBe(200);
  });

  it('should let a signed-in person accept an invitation to their own address without a new session', async () => {
    const person = await createMember(db.sql, []);
    const { token } = await invite(person.email);
    const { status, body } = await accept({ token }, person.token);
    expect(status).toBe(200);
    expect(body.sessionToken).toBeUndefined();
    expect(body).toMatchObject({ joined: { organizationId, role: 'STAFF' } });
  });

  it('should let a MANAGER invite, re-send and revoke STAFF and PROMOTER only', async () => {
    for (const role of ['OWNER', 'MANAGER'] as const) {
      expect(
        await mutate(manager, 'invitation.create', { invitationId: randomUUID(), email: newAddress(), role }),
      ).toMatchObject({
        outcome: 'REFUSED',
        code: 'forbidden',
        reason: `only OWNER may invite, re-send or revoke an invitation as ${role}; your role here is MANAGER`,
      });
    }
    const ownersInvitation = randomUUID();
    await mutate(owner, 'invitation.create', { invitationId: ownersInvitation, email: newAddress(), role: 'MANAGER' });
    for (const name of ['invitation.resend', 'invitation.revoke']) {
      expect(await mutate(manager, name, { invitationId: ownersInvitation })).toMatchObject({
        outcome: 'REFUSED',
        code: 'forbidden',
      });
    }
  });

  it('should refuse inviting a member, or an address already invited', async () => {
    expect(
      await mutate(owner, 'invitation.create', { invitationId: randomUUID(), email: manager.email, role: 'STAFF' }),
    ).toMatchObject({
      outcome: 'REFUSED',
      code: 'rule',
      reason: `${manager.email} is already a member (MANAGER)`,
    });
    const email = newAddress();
    await invite(email);
    expect(
      await mutate(owner, 'invitation.create', { invitationId: randomUUID(), email, role: 'STAFF' }),
    ).toMatchObject({
      outcome: 'REFUSED',
      reason: `${email} is already invited: re-send that invitation instead`,
    });
  });

  it('should answer the link page with the hand-off to the app', async () => {
    const email = newAddress();
    const { token } = await invite(email);
    const page = await fetch(`${relay.url}/invitation?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(`promoteros://invitation?token=${token}`);
  });
});
