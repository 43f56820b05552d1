import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { TestMailbox } from '../testing/test-mailbox.js';

let db: TestDatabase;
let mailbox: TestMailbox;
let relay: TestRelay;
let orgId: string;

beforeAll(async () => {
  db = await createTestDatabase('sign_in');
  mailbox = await TestMailbox.start();
  // many tries from one address here: the limits have tests of their own (sign-in-limits.test.ts)
  relay = await startTestRelay(db, {
    SMTP_URL: mailbox.url,
    PUBLIC_URL: 'https://relay.example.test',
    VERIFY_LIMIT_PER_IP: '1000',
  });
  orgId = await createOrganization(db.sql, 'Roundhouse Live');
});

afterAll(async () => {
  await relay?.stop();
  await mailbox?.stop();
  await db?.drop();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${relay.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** A member with no session yet: sign-in is how they get one. */
async function newMember() {
  const member = await createMember(db.sql, [{ organizationId: orgId, role: 'MANAGER' }]);
  await db.sql`DELETE FROM sessions WHERE user_id = ${member.userId}`;
  return member;
}

/** Ask for a code and read it, and the link token, out of the email. */
async function requestCode(email: string, deviceName = 'Box office laptop') {
  const response = await post('/v1/auth/sign-in', { email, deviceName });
  expect(response.status).toBe(202);
  const { signInId } = (await response.json()) as { signInId: string };
  const mail = await mailbox.next(email);
  const code = /sign-in code: (\d{6})$/.exec(mail.parsed.subject ?? '')?.[1];
  const link = /https:\/\/relay\.example\.test\/sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')?.[1];
  if (!code || !link) throw new Error(`no code or link in: ${mail.parsed.subject} / ${mail.parsed.text}`);
  return { mail, code, link, signInId };
}

describe('sign-in by emailed code', () => {
  it('should mail a code that opens a session, which GET /v1/auth/session accepts', async () => {
    const member = await newMember();
    const { mail, code } = await requestCode(member.email);
    expect(mail.parsed.subject).toBe(`Your PromoterOS sign-in code: ${code}`);
    expect(mail.parsed.text).toContain(code);
    expect(mail.parsed.html).toContain(code);
    expect(mail.parsed.html).toContain('href="https://relay.example.test/sign-in?token=');

    const verified = await post('/v1/auth/verify', { email: member.email, code, deviceName: 'Box office laptop' });
    expect(verified.status).toBe(200);
    const session = (await verified.json()) as {
      sessionToken: string;
      expiresAt: string;
      user: { id: string; email: string; displayName: string };
      organizations: Array<{ id: string; slug: string; name: string; role: string }>;
    };
    expect(session.user).toEqual({ id: member.userId, email: member.email, displayName: 'Test Person' });
    expect(session.organizations).toEqual([
      expect.objectContaining({ id: orgId, name: 'Roundhouse Live', role: 'MANAGER' }),
    ]);
    // default SESSION_TTL_DAYS is 90
    const days = (Date.parse(session.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90);

    const me = await fetch(`${relay.url}/v1/auth/session`, {
      headers: { authorization: `Bearer ${session.sessionToken}` },
    });
    expect(me.status).toBe(200);
    const account = (await me.json()) as { user: { id: string }; session: { deviceName: string } };
    expect(account.user.id).toBe(member.userId);
    expect(account.session.deviceName).toBe('Box office laptop');

    // only hashes are stored
    const [row] = await db.sql<{ code_hash: string; token_hash: string }[]>`
      SELECT t.code_hash, s.token_hash FROM sign_in_tokens t, sessions s
       WHERE t.email = ${member.email} AND s.user_id = ${member.userId}`;
    expect(row!.code_hash).not.toContain(code);
    expect(row!.token_hash).not.toContain(session.sessionToken);
  });

  it('should sign in with the link token from the email', async () => {
    const member = await newMember();
    const { link } = await requestCode(member.email);
    const verified = await post('/v1/auth/verify', { token: link, deviceName: 'Door tablet' });
    expect(verified.status).toBe(200);
    const { sessionToken, user } = (await verified.json()) as { sessionToken: string; user: { id: string } };
    expect(user.id).toBe(member.userId);
    const me = await fetch(`${relay.url}/v1/auth/session`, { headers: { authorization: `Bearer ${sessionToken}` } });
    expect(me.status).toBe(200);

    const again = await post('/v1/auth/verify', { token: link });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'link_used' });
  });

  it('should refuse an unknown link token', async () => {
    const response = await post('/v1/auth/verify', { token: 'x'.repeat(43) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'link_invalid' });
  });

  it('should accept a code once only, and then not its link either', async () => {
    const member = await newMember();
    const { code, link } = await requestCode(member.email);
    expect((await post('/v1/auth/verify', { email: member.email, code })).status).toBe(200);
    const again = await post('/v1/auth/verify', { email: member.email, code });
    expect(again.status).toBe(401);
    const body = (await again.json()) as { code: string; message: string };
    expect(body.code).toBe('code_used');
    expect(body.message).toMatch(/already used/);
    const viaLink = await post('/v1/auth/verify', { token: link });
    expect(await viaLink.json()).toMatchObject({ code: 'link_used' });
  });

  it('should accept a code typed with spaces and in an email written in capitals', async () => {
    const member = await newMember();
    const { code } = await requestCode(member.email);
    const typed = `${code.slice(0, 3)} ${code.slice(3)}`;
    const verified = await post('/v1/auth/verify', { email: `  ${member.email.toUpperCase()} `, code: typed });
    expect(verified.status).toBe(200);
  });

  it('should refuse an expired code and an expired link', async () => {
    const member = await newMember();
    const { code, link } = await requestCode(member.email);
    await db.sql`UPDATE sign_in_tokens SET expires_at = now() - interval '1 second' WHERE email = ${member.email}`;
    const response = await post('/v1/auth/verify', { email: member.email, code });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe('code_expired');
    expect(body.message).toMatch(/expired/);
    const viaLink = await post('/v1/auth/verify', { token: link });
    expect(viaLink.status).toBe(401);
    expect(await viaLink.json()).toMatchObject({ code: 'link_expired' });
  });

  it('should cancel the sign-in after 5 wrong codes from the client that asked, so the right one no longer works', async () => {
    const member = await newMember();
    const { code, link, signInId } = await requestCode(member.email);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await post('/v1/auth/verify', { email: member.email, code: wrong, signInId });
      expect(response.status).toBe(401);
      answers.push(((await response.json()) as { code: string }).code);
    }
    expect(answers).toEqual(['code_incorrect', 'code_incorrect', 'code_incorrect', 'code_incorrect', 'code_cancelled']);
    const right = await post('/v1/auth/verify', { email: member.email, code, signInId });
    expect(right.status).toBe(401);
    expect(await right.json()).toMatchObject({ code: 'code_cancelled' });
    // without its id too: a cancelled sign-in is cancelled for everyone
    expect(await (await post('/v1/auth/verify', { email: member.email, code })).json()).toMatchObject({
      code: 'code_cancelled',
    });
    expect((await post('/v1/auth/verify', { token: link })).status).toBe(401);
    const [row] = await db.sql<{ failed_attempts: number }[]>`
      SELECT failed_attempts FROM sign_in_tokens WHERE email = ${member.email}`;
    expect(row!.failed_attempts).toBe(5);
  });

  it('should accept the code of an earlier email while it is still valid', async () => {
    const member = await newMember();
    const first = await requestCode(member.email);
    await requestCode(member.email);
    expect((await post('/v1/auth/verify', { email: member.email, code: first.code })).status).toBe(200);
  });

  it('should answer an unknown email exactly like a known one, and send it no mail', async () => {
    const member = await newMember();
    const stranger = `nobody-${Date.now()}@example.test`;
    const unknown = await post('/v1/auth/sign-in', { email: stranger });
    const known = await post('/v1/auth/sign-in', { email: member.email });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    const unknownBody = (await unknown.json()) as { ok: boolean; message: string; signInId: string };
    const knownBody = (await known.json()) as { ok: boolean; message: string; signInId: string };
    expect(unknownBody.ok).toBe(true);
    expect(Object.keys(unknownBody).sort()).toEqual(Object.keys(knownBody).sort());
    expect(unknownBody.signInId).toMatch(/^[0-9a-f-]{36}$/);
    expect(unknownBody.message.replace(stranger, 'X')).toBe(knownBody.message.replace(member.email, 'X'));

    // a code typed for the unknown address gets the same refusal as a wrong code for a member
    const guess = await post('/v1/auth/verify', { email: stranger, code: '123456' });
    expect(guess.status).toBe(401);
    expect(await guess.json()).toMatchObject({ code: 'code_incorrect' });

    await mailbox.next(member.email);
    expect(mailbox.to(stranger)).toEqual([]);
  });

  it('should name the field that is wrong', async () => {
    const noCode = await post('/v1/auth/verify', { email: 'someone@example.test' });
    expect(noCode.status).toBe(400);
    expect(await noCode.json()).toMatchObject({
      code: 'invalid_request',
      errors: { code: expect.stringMatching(/required/) },
    });
    const badCode = await post('/v1/auth/verify', { email: 'someone@example.test', code: '12ab56' });
    expect(await badCode.json()).toMatchObject({ errors: { code: 'must be the six digits from the email' } });
    const badId = await post('/v1/auth/verify', { email: 'someone@example.test', code: '123456', signInId: 'mine' });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({
      errors: { signInId: 'must be the signInId from the answer to the sign-in request' },
    });
    const badEmail = await post('/v1/auth/sign-in', { email: 'not an email' });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.json()).toMatchObject({ errors: { email: 'must be an email address' } });
  });
});

describe('caching', () => {
  it('should mark every answer of sign-in and sessions no-store, refusals included', async () => {
    const member = await newMember();
    const asked = await post('/v1/auth/sign-in', { email: member.email });
    const { code } = await requestCode(member.email);
    const wrong = await post('/v1/auth/verify', { email: member.email, code: code === '000000' ? '111111' : '000000' });
    const malformed = await post('/v1/auth/verify', { email: member.email });
    const verified = await post('/v1/auth/verify', { email: member.email, code });
    const { sessionToken } = (await verified.json()) as { sessionToken: string };
    const bearer = { authorization: `Bearer ${sessionToken}` };
    const account = await fetch(`${relay.url}/v1/auth/session`, { headers: bearer });
    const anonymous = await fetch(`${relay.url}/v1/auth/session`);
    const signedOut = await fetch(`${relay.url}/v1/auth/sign-out`, { method: 'POST', headers: bearer });
    const answers = { asked, wrong, malformed, verified, account, anonymous, signedOut };
    expect(Object.fromEntries(Object.entries(answers).map(([name, r]) => [name, r.status]))).toEqual({
      asked: 202,
      wrong: 401,
      malformed: 400,
      verified: 200,
      account: 200,
      anonymous: 401,
      signedOut: 204,
    });
    for (const [name, response] of Object.entries(answers)) {
      expect({ name, cacheControl: response.headers.get('cache-control') }).toEqual({ name, cacheControl: 'no-store' });
    }
    await mailbox.next(member.email);
  });
});

describe('sessions', () => {
  it('should revoke the calling session on sign-out, and only that one', async () => {
    const member = await newMember();
    const laptop = (await (
      await post('/v1/auth/verify', { email: member.email, code: (await requestCode(member.email)).code })
    ).json()) as { sessionToken: string };
    const phone = (await (
      await post('/v1/auth/verify', { email: member.email, code: (await requestCode(member.email)).code })
    ).json()) as { sessionToken: string };

    const signOut = await fetch(`${relay.url}/v1/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${laptop.sessionToken}` },
    });
    expect(signOut.status).toBe(204);
    const [revoked] = await db.sql<{ revoked_at: Date | null }[]>`
      SELECT revoked_at FROM sessions WHERE user_id = ${member.userId} AND revoked_at IS NOT NULL`;
    expect(revoked!.revoked_at).toBeInstanceOf(Date);

    const afterSignOut = await fetch(`${relay.url}/v1/auth/session`, {
      headers: { authorization: `Bearer ${laptop.sessionToken}` },
    });
    expect(afterSignOut.status).toBe(401);
    // told apart from an expired or unknown session: the device deletes what it holds
    expect(await afterSignOut.json()).toMatchObject({ code: 'session_signed_out' });
    const other = await fetch(`${relay.url}/v1/auth/session`, {
      headers: { authorization: `Bearer ${phone.sessionToken}` },
    });
    expect(other.status).toBe(200);
  });

  it('should refuse a revoked session', async () => {
    const member = await createMember(db.sql, [{ organizationId: orgId, role: 'STAFF' }]);
    await db.sql`UPDATE sessions SET revoked_at = now() WHERE id = ${member.sessionId}`;
    const response = await fetch(`${relay.url}/v1/auth/session`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(response.status).toBe(401);
  });

  it('should refuse an expired session', async () => {
    const member = await createMember(db.sql, [{ organizationId: orgId, role: 'STAFF' }]);
    const live = await fetch(`${relay.url}/v1/auth/session`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(live.status).toBe(200);
    await db.sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = ${member.sessionId}`;
    const expired = await fetch(`${relay.url}/v1/auth/session`, {
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(expired.status).toBe(401);
  });

  it('should refuse sign-out and the session without a bearer token', async () => {
    const signOut = await fetch(`${relay.url}/v1/auth/sign-out`, { method: 'POST' });
    expect(signOut.status).toBe(401);
    const session = await fetch(`${relay.url}/v1/auth/session`);
    expect(session.status).toBe(401);
    expect(((await session.json()) as { message: string }).message).toMatch(/Bearer/);
  });
});
