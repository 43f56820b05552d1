// No secret of sign-in reaches the relay's log: not the emailed code, not the link's token (the
// link's page is a GET with the token in its URL, which the request log would otherwise print at
// info level), not a session token, not the signInId. A full sign-in by code and one by link run
// against a relay logging everything (trace) to a captured stream, mail going to a real SMTP
// server (so the development log mailer, which prints codes on purpose, is not in play).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { TestMailbox } from '../testing/test-mailbox.js';

let db: TestDatabase;
let mailbox: TestMailbox;
let relay: TestRelay;
const logLines: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase('sign_in_log');
  mailbox = await TestMailbox.start();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  relay = await startTestRelay(
    db,
    { SMTP_URL: mailbox.url, PUBLIC_URL: 'https://relay.example.test', LOG_LEVEL: 'trace' },
    { logStream },
  );
});

afterAll(async () => {
  await relay?.stop();
  await mailbox?.stop();
  await db?.drop();
});

const post = async (path: string, body: unknown, token?: string) => {
  const response = await fetch(`${relay.url}${path}`, {
    method: 'POST',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, string> };
};

async function requestSignIn(email: string) {
  const asked = await post('/v1/auth/sign-in', { email, deviceName: 'Box office laptop' });
  expect(asked.status).toBe(202);
  const mail = await mailbox.next(email);
  const code = /sign-in code: (\d{6})$/.exec(mail.parsed.subject ?? '')![1]!;
  const link = /\/sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1]!;
  return { code, link, signInId: asked.body.signInId! };
}

/** The log as text, without its clock fields (a six-digit code could turn up inside a timestamp). */
function logText(): string {
  return logLines
    .map((line) => {
      const {
        time: _time,
        responseTime: _responseTime,
        pid: _pid,
        ...rest
      } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(rest);
    })
    .join('\n');
}

describe('the log of a full sign-in', () => {
  it('should hold no code, link token, session token or signInId', async () => {
    const organizationId = await createOrganization(db.sql, 'Roundhouse Live');
    const member = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    const secrets: Record<string, string> = {};

    // by code: ask, type a wrong code, then the right one, use the session, sign out
    const byCode = await requestSignIn(member.email);
    Object.assign(secrets, { code: byCode.code, signInId: byCode.signInId });
    const wrong = byCode.code === '000000' ? '111111' : '000000';
    expect(
      (await post('/v1/auth/verify', { email: member.email, code: wrong, signInId: byCode.signInId })).status,
    ).toBe(401);
    const session = await post('/v1/auth/verify', {
      email: member.email,
      code: byCode.code,
      signInId: byCode.signInId,
    });
    expect(session.status).toBe(200);
    secrets.sessionByCode = session.body.sessionToken!;
    const account = await fetch(`${relay.url}/v1/auth/session`, {
      headers: { authorization: `Bearer ${secrets.sessionByCode}` },
    });
    expect(account.status).toBe(200);
    expect((await post('/v1/auth/sign-out', undefined, secrets.sessionByCode)).status).toBe(204);

    // by link: ask, open the email's link in a browser, hand its token to the app
    const byLink = await requestSignIn(member.email);
    Object.assign(secrets, { linkCode: byLink.code, link: byLink.link, linkSignInId: byLink.signInId });
    const page = await fetch(`${relay.url}/sign-in?token=${byLink.link}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(byLink.link);
    const linked = await post('/v1/auth/verify', { token: byLink.link, deviceName: 'Door tablet' });
    expect(linked.status).toBe(200);
    secrets.sessionByLink = linked.body.sessionToken!;
    // the used link's page, and a link that was never ours, are logged the same way
    expect((await fetch(`${relay.url}/sign-in?token=${byLink.link}`)).status).toBe(410);
    expect((await fetch(`${relay.url}/sign-in?token=${'z'.repeat(43)}&code=${byCode.code}`)).status).toBe(404);

    const text = logText();
    // the log did record the requests: it is the secrets that are missing from it
    expect(text).toContain('"url":"/sign-in?[redacted]"');
    expect(text).toContain('"url":"/v1/auth/verify"');
    expect(logLines.length).toBeGreaterThan(20);
    for (const [name, secret] of Object.entries(secrets)) {
      expect({ name, found: text.includes(secret) }).toEqual({ name, found: false });
    }
  });
});
