// Starting an organization: a signed-in person with no membership creates one with its first
// venue and becomes its OWNER; slugs are checked as typed and unique; SIGN_UP decides who may
// sign up and whether people may create organizations at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { TestMailbox } from '../testing/test-mailbox.js';
import { createMember, type TestMember } from '../testing/fixtures.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

let db: TestDatabase;
let mailbox: TestMailbox;
let open: TestRelay;

beforeAll(async () => {
  db = await createTestDatabase('organizations');
  mailbox = await TestMailbox.start();
  open = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_ENABLED: 'false', SIGN_UP: 'open' });
});
afterAll(async () => {
  await open?.stop();
  await mailbox?.stop();
  await db?.drop();
});

async function post(relay: TestRelay, path: string, body: unknown, token?: string) {
  const response = await fetch(`${relay.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function slugCheck(relay: TestRelay, slug: string, token: string) {
  const response = await fetch(`${relay.url}/v1/organizations/slug?slug=${encodeURIComponent(slug)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as { available: boolean; problem?: string };
}

const harbour = (slug: string) => ({
  name: 'Harbour Stage',
  slug,
  currency: 'GBP',
  locale: 'en-GB',
  venue: { name: 'The Harbour Stage', slug: 'main', timezone: 'Europe/London', capacity: 1800 },
});

describe('creating an organization', () => {
  let person: TestMember;
  beforeAll(async () => {
    person = await createMember(db.sql, []);
  });

  it('should make the person its OWNER, with its first venue, audited, and open to their edits at once', async () => {
    expect(await slugCheck(open, 'harbour', person.token)).toEqual({ slug: 'harbour', available: true });
    const { status, body } = await post(open, '/v1/organizations', harbour('harbour'), person.token);
    expect(status).toBe(201);
    const organization = body.organization as { id: string };
    expect(body).toMatchObject({
      organization: { slug: 'harbour', name: 'Harbour Stage', role: 'OWNER' },
      organizations: [{ id: organization.id, role: 'OWNER' }],
    });
    const [row] = await db.sql`SELECT currency, locale FROM organizations WHERE id = ${organization.id}`;
    expect(row).toEqual({ currency: 'GBP', locale: 'en-GB' });
    const [venue] = await db.sql`SELECT name, timezone, capacity FROM venues WHERE id = ${String(body.venueId)}`;
    expect(venue).toEqual({ name: 'The Harbour Stage', timezone: 'Europe/London', capacity: 1800 });
    const [audited] =
      await db.sql`SELECT action, actor_user_id FROM audit_logs WHERE organization_id = ${organization.id}`;
    expect(audited).toEqual({ action: 'organization.create', actor_user_id: person.userId });
    // the session that created it may edit it right away
    const { body: edited } = await sendBatch(open, person.token, {
      organizationId: organization.id,
      mutations: [envelope('venue.update', { venueId: String(body.venueId), capacity: 1900 })],
    });
    expect(edited.results[0]).toMatchObject({ outcome: 'APPLIED' });
  });

  it('should say a slug is taken as it is typed, and refuse it with 409', async () => {
    await post(open, '/v1/organizations', harbour('riverside'), person.token);
    const other = await createMember(db.sql, []);
    expect(await slugCheck(open, 'riverside', other.token)).toEqual({
      slug: 'riverside',
      available: false,
      problem: 'is taken by another organization',
    });
    expect(await slugCheck(open, '-Bad Slug', other.token)).toMatchObject({
      available: false,
      problem: expect.stringMatching(/lower-case/),
    });
    expect(await post(open, '/v1/organizations', harbour('riverside'), other.token)).toMatchObject({
      status: 409,
      body: { code: 'slug_taken', errors: { slug: 'is taken by another organization' } },
    });
  });

  it('should refuse a signed-out caller and bad fields, naming them', async () => {
    expect((await post(open, '/v1/organizations', harbour('nobody'))).status).toBe(401);
    const bad = await post(open, '/v1/organizations', { ...harbour('fields'), currency: 'pounds' }, person.token);
    expect(bad).toMatchObject({ status: 400, body: { errors: { currency: expect.stringMatching(/currency code/) } } });
  });
});

describe('SIGN_UP', () => {
  it('open: a new address gets a sign-in code and an account with no organization', async () => {
    const email = 'new-venue@example.test';
    expect((await post(open, '/v1/auth/sign-in', { email })).status).toBe(202);
    const mail = await mailbox.next(email, 10_000, /sign-in code/);
    const code = /(\d{6})/.exec(mail.parsed.subject ?? '')![1]!;
    const verified = await post(open, '/v1/auth/verify', { email, code, platform: 'Linux' });
    expect(verified).toMatchObject({
      status: 200,
      body: { user: { email, displayName: 'new-venue' }, organizations: [] },
    });
  });

  it('invite: a new address gets nothing, and a person with an account may still create an organization', async () => {
    const relay = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_ENABLED: 'false', SIGN_UP: 'invite' });
    try {
      const email = 'stranger@example.test';
      expect((await post(relay, '/v1/auth/sign-in', { email })).status).toBe(202);
      await expect(mailbox.next(email, 1500)).rejects.toThrow(/no mail/);
      expect(await db.sql`SELECT 1 FROM users WHERE email = ${email}`).toHaveLength(0);
      const person = await createMember(db.sql, []);
      expect((await post(relay, '/v1/organizations', harbour('invited-group'), person.token)).status).toBe(201);
    } finally {
      await relay.stop();
    }
  });

  it('closed (the default outside development): only an operator creates organizations', async () => {
    const relay = await startTestRelay(db, { JOBS_ENABLED: 'false' });
    try {
      const person = await createMember(db.sql, []);
      expect(await post(relay, '/v1/organizations', harbour('closed-group'), person.token)).toMatchObject({
        status: 403,
        body: { code: 'sign_up_closed', message: expect.stringContaining('npm run org:create -w relay') },
      });
    } finally {
      await relay.stop();
    }
  });
});
