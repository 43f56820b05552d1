// Per-address limits need the client's address: behind a load balancer (TRUST_PROXY_HOPS=1) it
// comes from X-Forwarded-For; reached directly, that header is the client's own word and ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay } from '../testing/test-relay.js';
import { formToken, intakeWorld, validFields, type IntakeWorld } from '../testing/intake-world.js';

let db: TestDatabase;
let world: IntakeWorld;

beforeAll(async () => {
  db = await createTestDatabase('intake_client_address');
  world = await intakeWorld(db.sql);
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

async function statuses(trustProxyHops: string, forwardedFor: string[]): Promise<number[]> {
  // the counts are the database's, shared by every relay on it: each case starts from none
  await db.sql`DELETE FROM rate_limits`;
  const relay = await startTestRelay(db, { INTAKE_RATE_LIMIT: '1', TRUST_PROXY_HOPS: trustProxyHops });
  try {
    const answers: number[] = [];
    for (const address of forwardedFor) {
      const response = await fetch(`${relay.url}${world.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ ...validFields(), formToken: formToken(relay, world.venueId) }),
      });
      await response.arrayBuffer();
      answers.push(response.status);
    }
    return answers;
  } finally {
    await relay.stop();
  }
}

describe("the intake page's client address", () => {
  it('should count each forwarded client on its own behind one proxy', async () => {
    expect(await statuses('1', ['203.0.113.7', '203.0.113.7', '198.51.100.9'])).toEqual([201, 429, 201]);
  });

  it('should ignore X-Forwarded-For when no proxy is trusted', async () => {
    expect(await statuses('0', ['203.0.113.7', '198.51.100.9'])).toEqual([201, 429]);
  });
});
