// GET /metrics behind METRICS_TOKEN: required in production (loadConfig refuses to start
// without it), optional in development, where /metrics is open unless one is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay } from '../testing/test-relay.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('metrics_token');
});

afterAll(async () => {
  await db?.drop();
});

const TOKEN = 'scrape-token-0123456789abcdef';

async function scrapeStatuses(url: string) {
  const as = async (authorization?: string) => {
    const response = await fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
    const body = await response.text();
    return { status: response.status, challenge: response.headers.get('www-authenticate'), body };
  };
  return {
    none: await as(),
    wrong: await as(`Bearer ${TOKEN}x`),
    basic: await as(`Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`),
    right: await as(`Bearer ${TOKEN}`),
  };
}

describe('the metrics token', () => {
  it('should be required to start in production', async () => {
    // the database is given, so the token is what is missing
    await expect(
      startTestRelay(db, { NODE_ENV: 'production', DATABASE_URL: db.url, METRICS_TOKEN: '' }),
    ).rejects.toThrow(/METRICS_TOKEN/);
  });

  it.each(['production', 'development'])('should let only a scraper with the token read /metrics (%s)', async (env) => {
    // production refuses the embedded database: name the test's PostgreSQL
    const relay = await startTestRelay(db, { NODE_ENV: env, DATABASE_URL: db.url, METRICS_TOKEN: TOKEN });
    try {
      const { none, wrong, basic, right } = await scrapeStatuses(relay.url);
      for (const refused of [none, wrong, basic]) {
        expect(refused.status).toBe(401);
        expect(refused.challenge).toBe('Bearer realm="metrics"');
        expect(JSON.parse(refused.body)).toMatchObject({ code: 'metrics_token_required' });
        expect(refused.body).not.toContain('promoteros_');
      }
      expect(right.status).toBe(200);
      expect(right.body).toContain('promoteros_http_requests_total');
      // the relay's other routes do not ask for it
      expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    } finally {
      await relay.stop();
    }
  });

  it('should leave /metrics open in development without a token', async () => {
    const relay = await startTestRelay(db, { NODE_ENV: 'development' });
    try {
      expect((await fetch(`${relay.url}/metrics`)).status).toBe(200);
    } finally {
      await relay.stop();
    }
  });
});
