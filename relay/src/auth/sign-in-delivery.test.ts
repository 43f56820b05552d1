// The sign-in code's email through a mail server that fails on purpose (a real SMTP server): a
// temporary failure is tried again until the code arrives, a permanent refusal is not, every try
// is on /metrics, and stopping the relay gives up the waits instead of sitting them out.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { FlakyMailbox, type Fate } from '../testing/flaky-mailbox.js';

let db: TestDatabase;
let organizationId: string;
let relay: TestRelay | undefined;
let smtp: FlakyMailbox | undefined;

beforeAll(async () => {
  db = await createTestDatabase('sign_in_delivery');
  organizationId = await createOrganization(db.sql, 'Roundhouse Live');
});
afterEach(async () => {
  await relay?.stop();
  await smtp?.stop();
  relay = smtp = undefined;
});
afterAll(() => db?.drop());

/** A relay whose mail server deals these fates in turn, trying again after `delays`. */
async function relayWith(fates: readonly Fate[], delays: readonly number[]) {
  smtp = await FlakyMailbox.start(fates);
  relay = await startTestRelay(db, { SMTP_URL: smtp.url }, { signInRetryDelaysMs: delays });
  const member = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
  return { smtp, relay, email: member.email };
}

async function askForCode(at: TestRelay, email: string) {
  const response = await fetch(`${at.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(202);
}

/** promoteros_emails_* samples for the sign-in email, e.g. {'sent': 1, 'failed temporary': 2} */
async function signInCounts(at: TestRelay): Promise<Record<string, number>> {
  const text = await (await fetch(`${at.url}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const m of text.matchAll(/^promoteros_emails_(sent|failed)_total\{([^}]*)\} (\d+)$/gm)) {
    if (!m[2]!.includes('kind="sign-in"')) continue;
    const failure = /failure="(\w+)"/.exec(m[2]!)?.[1];
    counts[failure ? `${m[1]} ${failure}` : m[1]!] = Number(m[3]);
  }
  return counts;
}

describe('the sign-in email through a failing mail server', () => {
  it('should try again after "try again later" and a cut connection, until the code arrives', async () => {
    const { smtp, relay, email } = await relayWith(['rcpt-4xx', 'drop-mid-data', 'accept'], [50, 50, 50]);
    await askForCode(relay, email);
    await vi.waitFor(() => expect(smtp.kept).toHaveLength(1), { timeout: 10_000 });
    expect(smtp.kept[0]).toMatchObject({ to: [email], subject: expect.stringMatching(/sign-in code: \d{6}$/) });
    expect([...smtp.dealt]).toEqual([
      ['rcpt-4xx', 1],
      ['drop-mid-data', 1],
      ['accept', 1],
    ]);
    expect(await signInCounts(relay)).toEqual({ sent: 1, 'failed temporary': 2 });
  });

  it('should not try again when the server refuses the address for good', async () => {
    const { smtp, relay, email } = await relayWith(['rcpt-5xx', 'accept'], [50, 50, 50]);
    await askForCode(relay, email);
    await vi.waitFor(async () => expect(await signInCounts(relay)).toEqual({ 'failed permanent': 1 }), {
      timeout: 10_000,
    });
    // a second try would have been dealt 'accept' by now
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...smtp.dealt]).toEqual([['rcpt-5xx', 1]]);
    expect(smtp.kept).toEqual([]);
  });

  it('should give up after its last try', async () => {
    const { smtp, relay, email } = await relayWith(['data-4xx'], [20, 20]);
    await askForCode(relay, email);
    await vi.waitFor(async () => expect(await signInCounts(relay)).toEqual({ 'failed temporary': 3 }), {
      timeout: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.dealt.get('data-4xx')).toBe(3);
    expect(smtp.kept).toEqual([]);
  });

  it('should stop waiting to try again when the relay stops', async () => {
    const { smtp, relay: stopping, email } = await relayWith(['rcpt-4xx', 'accept'], [60_000]);
    await askForCode(stopping, email);
    await vi.waitFor(() => expect(smtp.dealt.get('rcpt-4xx')).toBe(1), { timeout: 10_000 });
    const started = Date.now();
    await stopping.stop();
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(smtp.dealt.get('accept')).toBeUndefined();
  });
});
