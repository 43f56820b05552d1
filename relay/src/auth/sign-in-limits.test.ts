import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';

let db: TestDatabase;
const relays: TestRelay[] = [];

beforeAll(async () => {
  db = await createTestDatabase('sign_in_limits');
});

afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.stop()));
  await db?.drop();
});

async function relayWith(perIp: number, perEmail: number): Promise<TestRelay> {
  const relay = await startTestRelay(db, {
    SIGN_IN_LIMIT_PER_IP: String(perIp),
    SIGN_IN_LIMIT_PER_EMAIL: String(perEmail),
  });
  relays.push(relay);
  return relay;
}

interface Answer {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly body: { code?: string; message?: string };
}

/** POST a sign-in from a chosen loopback address, so tests can be two different clients. */
function signIn(relay: TestRelay, email: string, fromAddress = '127.0.0.1'): Promise<Answer> {
  const url = new URL('/v1/auth/sign-in', relay.url);
  const payload = JSON.stringify({ email });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress: fromAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: JSON.parse(text),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function expectRetryAfter(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(answer.body.code).toBe('rate_limited');
  const seconds = Number(answer.retryAfter);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(15 * 60);
}

describe('sign-in rate limits', () => {
  it('should limit requests per email address, whoever asks', async () => {
    const relay = await relayWith(100, 3);
    const email = 'limited@example.test';
    for (let i = 0; i < 3; i += 1) expect((await signIn(relay, email)).status).toBe(202);
    const limited = await signIn(relay, email);
    expectRetryAfter(limited);
    expect(limited.body.message).toMatch(/too many sign-in requests for this email address: try again in \d+ minutes?/);
    // another client is limited for this address too
    expectRetryAfter(await signIn(relay, email, '127.0.0.2'));
    // a refused request leaves nothing behind
    const [row] = await db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM sign_in_tokens WHERE email = ${email}`;
    expect(row!.count).toBe(3);
    // and another address is not affected
    expect((await signIn(relay, 'other@example.test')).status).toBe(202);
  });

  it('should limit requests per client IP, whichever address they ask for', async () => {
    const relay = await relayWith(4, 100);
    for (let i = 0; i < 4; i += 1) expect((await signIn(relay, `ip-${i}@example.test`)).status).toBe(202);
    const limited = await signIn(relay, 'ip-5@example.test');
    expectRetryAfter(limited);
    expect(limited.body.message).toMatch(/too many sign-in requests from this network/);
    // another client still gets through
    expect((await signIn(relay, 'ip-5@example.test', '127.0.0.2')).status).toBe(202);
  });

  it('should keep serving after refusing', async () => {
    const relay = await relayWith(1, 1);
    await signIn(relay, 'a@example.test');
    expect((await signIn(relay, 'a@example.test')).status).toBe(429);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });
});
