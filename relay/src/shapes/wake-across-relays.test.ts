// Long-polls wake across relay instances through PostgreSQL LISTEN/NOTIFY: two relays on one
// database, their polls set to an hour so only a notification can wake them, and a commit
// made outside either relay reaches a live request on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, createVenue, type TestMember } from '../testing/fixtures.js';

describe('waking long-polls across relay instances', () => {
  let db: TestDatabase;
  let relays: TestRelay[];
  let member: TestMember;
  let organizationId: string;

  beforeAll(async () => {
    db = await createTestDatabase('wake');
    organizationId = await createOrganization(db.sql);
    member = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    const noPoll = { feedPollMs: 3_600_000 };
    relays = [
      await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '15000' }, noPoll),
      await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '15000' }, noPoll),
    ];
  });
  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await db.drop();
  });

  it('answers live polls on every relay when another process commits', async () => {
    const polls = await Promise.all(
      relays.map(async (relay) => {
        const get = (query: string) =>
          fetch(`${relay.url}/v1/shape?table=venues&${query}`, {
            headers: { authorization: `Bearer ${member.token}` },
          });
        const first = await get('offset=-1');
        const handle = first.headers.get('electric-handle')!;
        const offset = first.headers.get('electric-offset')!;
        // wrapped, so that Promise.all waits for the polls to be sent, not answered
        return { answer: get(`offset=${offset}&handle=${handle}&live=true`) };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // both polls are now waiting (nothing new yet); a commit outside both relays:
    const startedAt = Date.now();
    const venueId = await createVenue(db.sql, organizationId, { name: 'Notified Hall' });
    for (const response of await Promise.all(polls.map((p) => p.answer))) {
      expect(response.status).toBe(200);
      const body = (await response.json()) as Array<{ value?: { id: string; name: string } }>;
      expect(body.find((m) => m.value)?.value).toMatchObject({ id: venueId, name: 'Notified Hall' });
    }
    // well inside the 15 s live timeout: a notification, not the timeout, answered them
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});
