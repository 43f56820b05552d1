// Garbage in on GET /v1/shape: every malformed parameter gets a 400 naming it, and the relay
// keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';

describe('shape request validation', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let member: TestMember;
  let organizationId: string;

  beforeAll(async () => {
    db = await createTestDatabase('shape_req');
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '300', CORS_ORIGINS: 'http://localhost:5173' });
    organizationId = await createOrganization(db.sql);
    member = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
  });
  afterAll(async () => {
    await relay.stop();
    await db.drop();
  });

  const get = (query: string) =>
    fetch(`${relay.url}/v1/shape?${query}`, { headers: { authorization: `Bearer ${member.token}` } });

  const cases: Array<[string, string, RegExp]> = [
    ['offset=-1', 'table', /required/],
    ['table=events', 'offset', /required/],
    ['table=events&offset=banana', 'offset', /not an offset/],
    ['table=events&offset=12_inf', 'handle', /required/],
    ['table=events&offset=-1&live=true', 'live', /needs an offset/],
    ['table=events&offset=-1&live=maybe', 'live', /true or false/],
    ['table=events&offset=-1&replica=some', 'replica', /default or full/],
    ['table=events&offset=-1&log=everything', 'log', /full or changes_only/],
    ['table=events&offset=-1&where=1%3D1%3B%20DROP%20TABLE%20events', 'where', /unsupported filter/],
    ['table=events&offset=-1&where=title%20LIKE%20%27x%27', 'where', /unsupported filter/],
    ['table=events&offset=-1&where=%22venue_id%22%3D%242', 'params[2]', /missing/],
    ['table=events&offset=-1&where=%22venue_id%22%3D%241&params[1]=not-a-uuid', 'params[1]', /not a uuid/],
    [
      'table=events&offset=-1&where=%22title%22%3D%241&params[1]=00000000-0000-0000-0000-000000000000',
      'where',
      /cannot be filtered by title/,
    ],
    ['table=events&offset=-1&columns=%22title%22', 'columns', /primary key/],
    ['table=events&offset=-1&columns=%22id%22,%22nope%22', 'columns', /unknown column nope/],
    [`table=${'x'.repeat(5000)}&offset=-1`, 'table', /not a table name/],
    [`table=events&offset=-1&where=${'a'.repeat(5000)}`, 'where', /too long/],
    ['table=events&offset=-1&subset__limit=10', 'subset', /not supported/],
  ];

  it.each(cases)('answers 400 for %s naming %s', async (query, parameter, message) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string; errors: Record<string, string> };
    expect(body.errors[parameter]).toMatch(message);
    expect(body.message).toContain(parameter);
  });

  it('ignores unknown parameters, as the protocol asks', async () => {
    const response = await get('table=events&offset=-1&cache-buster=123&expired_handle=abc&whatever=1');
    expect(response.status).toBe(200);
  });

  it('answers a future offset with 409 must-refetch', async () => {
    const first = await get('table=events&offset=-1');
    const handle = first.headers.get('electric-handle')!;
    const response = await get(`table=events&offset=999999999_inf&handle=${handle}`);
    expect(response.status).toBe(409);
  });

  it('answers offset=now with no rows and the head', async () => {
    const response = await get('table=events&offset=now');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Array<{ headers: Record<string, string> }>;
    expect(body).toHaveLength(1);
    expect(body[0]!.headers.control).toBe('up-to-date');
    expect(response.headers.get('electric-offset')).toMatch(/^\d+_inf$/);
  });

  it('ends an idle live poll at the timeout with an up-to-date, and keeps serving', async () => {
    const first = await get('table=events&offset=-1');
    const handle = first.headers.get('electric-handle')!;
    const offset = first.headers.get('electric-offset')!;
    const live = await get(`table=events&offset=${offset}&handle=${handle}&live=true`);
    expect(live.status).toBe(200);
    expect(live.headers.get('electric-cursor')).toBeTruthy();
    expect(live.headers.has('electric-up-to-date')).toBe(true);
    expect(await live.json()).toEqual([
      { headers: { control: 'up-to-date', global_last_seen_lsn: offset.split('_')[0] } },
    ]);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });

  it('exposes the electric headers to browsers of a configured origin', async () => {
    const response = await fetch(`${relay.url}/v1/shape?table=events&offset=-1`, {
      headers: { authorization: `Bearer ${member.token}`, origin: 'http://localhost:5173' },
    });
    expect(response.headers.get('access-control-expose-headers')).toMatch(/electric-offset/);
  });
});
