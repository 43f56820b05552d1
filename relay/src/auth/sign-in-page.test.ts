// The page a sign-in email's link opens in a browser (GET /sign-in?token=…), against a real relay
// and a real SMTP server: it hands the token on to the app without using it, and a link that
// can no longer sign in says why.
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
  db = await createTestDatabase('sign_in_page');
  mailbox = await TestMailbox.start();
  relay = await startTestRelay(db, { SMTP_URL: mailbox.url, PUBLIC_URL: 'https://relay.example.test' });
  orgId = await createOrganization(db.sql, 'Roundhouse Live');
});
afterAll(async () => {
  await relay?.stop();
  await mailbox?.stop();
  await db?.drop();
});

/** A member asks for a code; the link in their email, and its token. */
async function mailedLink(): Promise<{ email: string; link: string; token: string }> {
  const { email } = await createMember(db.sql, [{ organizationId: orgId, role: 'MANAGER' }]);
  const asked = await fetch(`${relay.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(asked.status).toBe(202);
  const mail = await mailbox.next(email);
  const link = /https:\/\/relay\.example\.test\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')![0];
  return { email, link, token: new URL(link).searchParams.get('token')! };
}

/** The email's link opened on this relay (PUBLIC_URL is where it would be in production). */
const open = (link: string) => fetch(link.replace('https://relay.example.test', relay.url));

const verifyWith = (token: string) =>
  fetch(`${relay.url}/v1/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });

describe("the sign-in email's link in a browser", () => {
  it('should hand the token to the app and show the link to paste, without using it', async () => {
    const { link, token } = await mailedLink();
    const page = await open(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<h1>Sign in to PromoterOS</h1>');
    expect(html).toContain(`href="promoteros://sign-in?token=${token}"`);
    expect(html).toContain(`value="${link}"`);
    expect(html).toMatch(/works once, for 1[45] more minutes/);

    // opening the page used nothing: the app signs in with the token after it
    expect((await verifyWith(token)).status).toBe(200);
    const used = await open(link);
    expect(used.status).toBe(410);
    expect(await used.text()).toContain('This sign-in link was already used');
  });

  it('should say when a link has expired, or its sign-in was cancelled', async () => {
    const expired = await mailedLink();
    await db.sql`UPDATE sign_in_tokens SET expires_at = now() - interval '1 second' WHERE email = ${expired.email}`;
    const late = await open(expired.link);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('Links work for 15 minutes');

    const cancelled = await mailedLink();
    await db.sql`UPDATE sign_in_tokens SET failed_attempts = 5 WHERE email = ${cancelled.email}`;
    const refused = await open(cancelled.link);
    expect(refused.status).toBe(410);
    expect(await refused.text()).toContain('This sign-in was cancelled');
  });

  it('should answer a cut-off or unknown link with a page that says so', async () => {
    const { link } = await mailedLink();
    const cut = await open(link.slice(0, link.indexOf('token=') + 12));
    expect(cut.status).toBe(400);
    expect(await cut.text()).toContain('This sign-in link is incomplete');
    const none = await fetch(`${relay.url}/sign-in`);
    expect(none.status).toBe(400);

    const unknown = await fetch(`${relay.url}/sign-in?token=${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This sign-in link is not valid');
  });
});
