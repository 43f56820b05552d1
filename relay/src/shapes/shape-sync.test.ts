// GET /v1/shape against the real @electric-sql/client: initial sync, live changes, resume,
// rotation, and value types.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Shape, ShapeStream, type Message, type Row, type ShapeStreamOptions } from '@electric-sql/client';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable, type OrganizationRows } from '../testing/every-table.js';
import { rotateShape } from './rotate.js';

describe('shape sync with the real client', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let organizationId: string;
  let owner: TestMember;
  let rows: OrganizationRows;
  /** every URL the client fetched, to tell snapshots from resumed streams */
  const requests: string[] = [];

  const countingFetch: typeof fetch = (input, init) => {
    requests.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };

  // a Shape's unsubscribeAll() leaves its stream polling: every stream is aborted after each test
  const running: AbortController[] = [];
  afterEach(() => {
    for (const controller of running.splice(0)) controller.abort();
  });

  const stream = (table: string, extra: Partial<ShapeStreamOptions> = {}) => {
    const controller = new AbortController();
    running.push(controller);
    return new ShapeStream({
      signal: controller.signal,
      url: `${relay.url}/v1/shape`,
      params: { table, where: '"organization_id" = $1', params: [organizationId] },
      headers: { Authorization: `Bearer ${owner.token}` },
      fetchClient: countingFetch,
      ...extra,
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase('shapes');
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '1500' });
    organizationId = await createOrganization(db.sql, 'Northside Live');
    owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
    rows = await fillEveryTable(db.sql, organizationId, owner.userId);
  });
  afterAll(async () => {
    await relay.stop();
    await db.drop();
  });

  it('delivers the initial snapshot of a shape', async () => {
    const shape = new Shape(stream('events'));
    const synced = await shape.rows;
    expect(synced.map((r) => r.id)).toEqual([rows.eventId]);
    expect(synced[0]).toMatchObject({ title: 'Spring Tour', status: 'CONFIRMED' });
    shape.unsubscribeAll();
  });

  it('shows a committed change to a live subscriber within a second', async () => {
    const shapeStream = stream('events');
    const shape = new Shape(shapeStream);
    await shape.rows;
    const seen = new Promise<number>((resolve) => {
      shape.subscribe(({ rows: current }) => {
        if (current.some((r) => r.title === 'Spring Tour (late show)')) resolve(Date.now());
      });
    });
    const committedAt = Date.now();
    await db.sql`UPDATE events SET title = 'Spring Tour (late show)' WHERE id = ${rows.eventId}`;
    const arrivedAt = await seen;
    expect(arrivedAt - committedAt).toBeLessThan(1000);
    shape.unsubscribeAll();
  });

  it('resumes from a stored handle and offset without fetching the snapshot again', async () => {
    const first = stream('venues');
    const firstShape = new Shape(first);
    await firstShape.rows;
    const handle = first.shapeHandle!;
    const offset = first.lastOffset;
    firstShape.unsubscribeAll();

    await db.sql`UPDATE venues SET name = 'Roundhouse Annex' WHERE id = ${rows.venueId}`;
    requests.length = 0;
    const resumed = stream('venues', { handle, offset });
    const changes = await new Promise<Message<Row>[]>((resolve) => {
      const collected: Message<Row>[] = [];
      resumed.subscribe((messages) => {
        collected.push(...messages);
        if (messages.some((m) => 'control' in m.headers && m.headers.control === 'up-to-date')) resolve(collected);
      });
    });
    resumed.unsubscribeAll();
    const updates = changes.filter((m) => 'operation' in m.headers);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ headers: { operation: 'update' }, value: { name: 'Roundhouse Annex' } });
    expect(requests.some((url) => new URL(url).searchParams.get('offset') === '-1')).toBe(false);
  });

  it('recovers with a fresh snapshot after the relay rotates the shape (409 must-refetch)', async () => {
    const first = stream('holds');
    const firstShape = new Shape(first);
    await firstShape.rows;
    const handle = first.shapeHandle!;
    const offset = first.lastOffset;
    firstShape.unsubscribeAll();

    await rotateShape(db.sql, 'holds');
    const direct = await fetch(
      `${relay.url}/v1/shape?table=holds&offset=${offset}&handle=${handle}&where=%22organization_id%22%20%3D%20%241&params%5B1%5D=${organizationId}`,
      { headers: { authorization: `Bearer ${owner.token}` } },
    );
    expect(direct.status).toBe(409);
    expect(await direct.json()).toEqual([{ headers: { control: 'must-refetch' } }]);
    expect(direct.headers.get('electric-handle')).not.toBe(handle);

    requests.length = 0;
    const resumed = stream('holds', { handle, offset });
    const shape = new Shape(resumed);
    const synced = await shape.rows;
    expect(synced.map((r) => r.id)).toEqual(rows.ids.holds);
    expect(resumed.shapeHandle).not.toBe(handle);
    expect(requests.some((url) => new URL(url).searchParams.get('offset') === '-1')).toBe(true);
    shape.unsubscribeAll();
  });

  it('parses int8, bool, timestamptz, jsonb, arrays and NULLs into the right types', async () => {
    const requests = await new Shape(stream('event_requests')).rows;
    const request = requests[0]!;
    expect(request.budget_min_cents).toBe(9007199254740993n);
    expect(request.budget_max_cents).toBe(9007199254740999n);
    expect(request.tags).toEqual(['indie', 'all "ages"', 'a,b']);
    expect(request.alternative_start).toBeNull();
    expect(request.company).toBeNull();
    expect(new Date(request.preferred_start as string).toISOString()).toBe('2027-04-01T20:00:00.000Z');
    expect(request.expected_attendance).toBe(1800);

    const venue = (await new Shape(stream('venues')).rows)[0]!;
    expect(venue.intake_enabled).toBe(false);
    expect(venue.capacity).toBe(2400);

    const deal = (await new Shape(stream('deal_terms')).rows)[0]!;
    expect(deal.bonuses).toEqual([{ atTickets: 1500, bonusCents: 50000 }]);
    expect(deal.guarantee_cents).toBe(1500000n);

    const line = (await new Shape(stream('settlement_lines')).rows)[0]!;
    expect(line.actual_cents).toBeNull();
  });

  it('sends every column of an update with replica=full and only the changed ones by default', async () => {
    const collect = async (replica: 'full' | 'default') => {
      const s = stream('event_tasks', {
        params: { table: 'event_tasks', where: '"organization_id" = $1', params: [organizationId], replica },
      });
      const shape = new Shape(s);
      await shape.rows;
      const update = new Promise<Row>((resolve) =>
        s.subscribe((messages) => {
          for (const m of messages) if ('value' in m && m.headers.operation === 'update') resolve(m.value);
        }),
      );
      await db.sql`UPDATE event_tasks SET position = position + 1 WHERE organization_id = ${organizationId}`;
      const value = await update;
      shape.unsubscribeAll();
      return value;
    };
    expect(Object.keys(await collect('default')).sort()).toEqual(['id', 'position', 'updated_at']);
    expect(Object.keys(await collect('full'))).toContain('title');
  });

  it('carries the transaction id and commit sequence in change headers', async () => {
    const s = stream('guest_list_entries');
    const shape = new Shape(s);
    await shape.rows;
    const insert = new Promise<Message<Row>>((resolve) =>
      s.subscribe((messages) => {
        for (const m of messages) if ('operation' in m.headers && m.headers.operation === 'insert') resolve(m);
      }),
    );
    const [inserted] = await db.sql.begin(async (tx) => {
      await tx`INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name)
               SELECT organization_id, event_id, id, 'Late Addition' FROM guest_lists WHERE organization_id = ${organizationId}`;
      return tx<{ txid: string }[]>`SELECT pg_current_xact_id()::xid::text AS txid`;
    });
    const message = await insert;
    expect(message.headers).toMatchObject({ txids: [Number(inserted!.txid)], last: true });
    expect(Number((message.headers as unknown as { lsn: string }).lsn)).toBeGreaterThan(0);
    shape.unsubscribeAll();
  });
});
