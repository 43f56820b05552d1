// The sign-in limits are counted in the database: they hold across a restart of the relay and
// are shared by every relay on the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { postFrom, type Answer } from '../testing/post-from.js';

let db: TestDatabase;
const relays: TestRelay[] = [];

beforeAll(async () => {
  db = await createTestDatabase('sign_in_limits');
});

afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.stop()));
  await db?.drop();
});

// each test starts with no counts: the relays of this file share them all
beforeEach(async () => {
  await db.sql`DELETE FROM rate_limits`;
});

async function relayWith(perIp: number, perEmail: number): Promise<TestRelay> {
  const relay = await startTestRelay(db, {
    SIGN_IN_LIMIT_PER_IP: String(perIp),
    SIGN_IN_LIMIT_PER_EMAIL: String(perEmail),
  });
  relays.push(relay);
  return relay;
}

/** POST a sign-in from a chosen loopback address, so tests can be two different clients. */
const signIn = (relay: TestRelay, email: string, fromAddress = '127.0.0.1') =>
  postFrom(relay, '/v1/auth/sign-in', { email }, fromAddress);

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

  it('should hold its counts across a restart of the relay', async () => {
    const before = await relayWith(100, 2);
    const email = 'restarted@example.test';
    expect((await signIn(before, email)).status).toBe(202);
    expect((await signIn(before, email)).status).toBe(202);
    await before.stop();
    // a new relay process on the same database: what the first one counted still counts
    const after = await relayWith(100, 2);
    expectRetryAfter(await signIn(after, email));
    expect((await signIn(after, 'someone-else@example.test')).status).toBe(202);
  });

  it('should share its counts between two relays on one database', async () => {
    const [one, two] = [await relayWith(3, 100), await relayWith(3, 100)];
    const from = '127.0.0.3';
    // the client alternates between the relays, as a load balancer would send it
    expect((await signIn(one, 'x1@example.test', from)).status).toBe(202);
    expect((await signIn(two, 'x2@example.test', from)).status).toBe(202);
    expect((await signIn(one, 'x3@example.test', from)).status).toBe(202);
    // its fourth request is refused by either relay: 3 in all, not 3 each
    expectRetryAfter(await signIn(two, 'x4@example.test', from));
    expectRetryAfter(await signIn(one, 'x4@example.test', from));
    const [row] = await db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM sign_in_tokens WHERE request_ip = ${from}`;
    expect(row!.count).toBe(3);
  });

  it('should answer from the same table on the embedded database', async () => {
    // the relay's own PGlite (DATA_DIR) runs the same migration; its limits count there alike
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import('../config.js');
    const { createRelay } = await import('../app.js');
    const dataDir = await mkdtemp(join(tmpdir(), 'promoteros-limits-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'never',
      DATA_DIR: dataDir,
      SIGN_IN_LIMIT_PER_EMAIL: '1',
    });
    const embedded = await createRelay(config);
    try {
      const url = await embedded.listen();
      expect((await signIn({ url } as TestRelay, 'pglite@example.test')).status).toBe(202);
      expectRetryAfter(await signIn({ url } as TestRelay, 'pglite@example.test'));
      const rows = await embedded.db.sql<{ key: string }[]>`SELECT key FROM rate_limits ORDER BY key`;
      expect(rows.map((r) => r.key)).toEqual(['sign-in-email:pglite@example.test', 'sign-in-ip:127.0.0.1']);
    } finally {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
