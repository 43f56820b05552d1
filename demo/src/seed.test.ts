import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealTypes, requestStatuses, roles } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { seedDemo, type SeedDemoResult } from './seed.js';
import { demoTables } from './plan-types.js';
import { utcToday } from './venue-time.js';

const today = utcToday();
let db: TestDatabase;
let twin: TestDatabase;
let result: SeedDemoResult;

beforeAll(async () => {
  [db, twin] = await Promise.all([createTestDatabase('demo_seed'), createTestDatabase('demo_twin')]);
  result = await seedDemo(db.sql, { seed: 42, today });
});

afterAll(async () => {
  await Promise.all([db?.drop(), twin?.drop()]);
});

async function count(table: string, where = 'true'): Promise<number> {
  const [row] = await db.sql.unsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
  return row!.n;
}

async function dump(sql: TestDatabase['sql']): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of demoTables) {
    out[table] = (await sql.unsafe(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY id`)).map((r) => r.row);
  }
  return out;
}

describe('seedDemo', () => {
  it("should create two organizations: the demo owner's with venues of 1,200–3,500 in three timezones, and another", async () => {
    expect(result.created).toBe(true);
    expect(await count('organizations')).toBe(2);
    const venues = await db.sql<{ slug: string; capacity: number; timezone: string }[]>`
      SELECT o.slug, v.capacity, v.timezone FROM venues v JOIN organizations o ON o.id = v.organization_id`;
    for (const v of venues) {
      expect(v.capacity).toBeGreaterThanOrEqual(1200);
      expect(v.capacity).toBeLessThanOrEqual(3500);
    }
    const lakeshore = venues.filter((v) => v.slug === 'lakeshore-live');
    expect(lakeshore).toHaveLength(3);
    expect(new Set(lakeshore.map((v) => v.timezone))).toEqual(
      new Set(['America/Chicago', 'Europe/London', 'Australia/Melbourne']),
    );
    expect(venues.filter((v) => v.slug === 'meridian-halls').length).toBeGreaterThan(0);
  });

  it('should give every organization a member of every role, with print-friendly emails', async () => {
    const rows = await db.sql<{ slug: string; role: string; user_email: string }[]>`
      SELECT o.slug, m.role, m.user_email FROM memberships m JOIN organizations o ON o.id = m.organization_id`;
    for (const slug of ['lakeshore-live', 'meridian-halls']) {
      const mine = rows.filter((r) => r.slug === slug);
      expect(new Set(mine.map((r) => r.role))).toEqual(new Set(roles));
      expect(mine.map((r) => r.user_email)).toContain(`owner@${slug}.demo`);
      for (const r of mine) expect(r.user_email.endsWith(`@${slug}.demo`)).toBe(true);
    }
    if (result.created) expect(result.people.map((p) => p.email)).toContain('door@meridian-halls.demo');
  });

  it('should spread about 300 requests over every status, with decision logs that follow the status path', async () => {
    const requests = await count('event_requests');
    expect(requests).toBeGreaterThanOrEqual(270);
    expect(requests).toBeLessThanOrEqual(320);
    const statuses = await db.sql<{ status: string }[]>`SELECT DISTINCT status FROM event_requests`;
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(requestStatuses));

    const allowed = new Set([
      '∅>NEW',
      'NEW>REVIEW',
      'REVIEW>APPROVED',
      'REVIEW>DECLINED',
      'APPROVED>SCHEDULED',
      'NEW>WITHDRAWN',
      'REVIEW>WITHDRAWN',
      'APPROVED>WITHDRAWN',
    ]);
    const paths = await db.sql<{ status: string; steps: string[] }[]>`
      SELECT r.status, array_agg(coalesce(d.from_status, '∅') || '>' || d.to_status ORDER BY d.created_at, d.id) AS steps
        FROM event_requests r JOIN decision_logs d ON d.request_id = r.id
       GROUP BY r.id, r.status`;
    expect(paths).toHaveLength(requests);
    for (const { status, steps } of paths) {
      expect(steps[0]).toBe('∅>NEW');
      for (const step of steps) expect(allowed).toContain(step);
      // each step starts where the previous one ended, and the last one is the request's status
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.split('>')[0]).toBe(steps[i - 1]!.split('>')[1]);
      expect(steps.at(-1)!.split('>')[1]).toBe(status);
    }
    // nothing in the history happened after the day the demo is seen from, except future plans
    expect(await count('decision_logs', `created_at > '${today}T00:00:00Z'`)).toBe(0);
  });

  it('should rank holds 1st, 2nd and 3rd on shared dates, with challenges, expiries and releases', async () => {
    const ranks = await db.sql<{ ranks: number[] }[]>`
      SELECT array_agg(rank ORDER BY rank) AS ranks FROM holds WHERE status = 'ACTIVE'
       GROUP BY venue_id, hold_date`;
    for (const { ranks: r } of ranks) expect(r).toEqual(r.map((_, i) => i + 1));
    expect(ranks.some((r) => r.ranks.length === 3)).toBe(true);
    expect(await count('holds', `challenged_by_hold_id IS NOT NULL AND challenge_deadline > now()`)).toBeGreaterThan(0);
    expect(await count('holds', `status = 'EXPIRED' AND expires_at < now()`)).toBeGreaterThan(0);
    expect(await count('holds', `status = 'RELEASED' AND released_at IS NOT NULL`)).toBeGreaterThan(0);
    // every scheduled request's hold turned into its event
    expect(await count('holds', `status = 'CONVERTED' AND event_id IS NOT NULL`)).toBe(await count('events'));
  });

  it('should book about 160 past and upcoming events, most of them ahead, at the venue wall-clock times', async () => {
    const events = await count('events');
    expect(events).toBeGreaterThanOrEqual(145);
    expect(events).toBeLessThanOrEqual(175);
    expect(await count('events', `doors_at > now() AND status IN ('CONFIRMED', 'DRAFT')`)).toBeGreaterThan(90);
    expect(await count('events', `ends_at < now() AND status = 'SETTLED'`)).toBeGreaterThan(15);
    // show_date is the venue's date, and doors open in the evening on the venue's clock
    const off = await db.sql`
      SELECT e.id FROM events e JOIN venues v ON v.id = e.venue_id
       WHERE (e.doors_at AT TIME ZONE v.timezone)::date <> e.show_date
          OR (e.doors_at AT TIME ZONE v.timezone)::time NOT BETWEEN '18:00' AND '20:00'`;
    expect(off).toHaveLength(0);
    const types = await db.sql<{ deal_type: string }[]>`SELECT DISTINCT deal_type FROM deal_terms`;
    expect(new Set(types.map((t) => t.deal_type))).toEqual(new Set(dealTypes));
    expect(await count('deal_terms')).toBe(events);
  });

  it('should settle past shows, run checklists and keep guest lists with check-ins', async () => {
    // every show that has happened and was not cancelled has its ticket lines
    const unsettled = await db.sql`
      SELECT e.id FROM events e WHERE e.show_date < ${today}::date AND e.status <> 'CANCELLED'
         AND NOT EXISTS (SELECT 1 FROM settlement_lines s WHERE s.event_id = e.id AND s.kind = 'TICKETS')`;
    expect(unsettled).toHaveLength(0);
    expect(
      await count(
        'settlement_lines',
        `kind = 'TICKETS' AND event_id IN (SELECT id FROM events WHERE show_date > '${today}')`,
      ),
    ).toBe(0);
    expect(await count('task_templates')).toBeGreaterThanOrEqual(2 * 5);
    expect(await count('event_tasks', 'template_id IS NOT NULL AND completed_at IS NOT NULL')).toBeGreaterThan(0);
    expect(await count('event_tasks', 'completed_at IS NULL')).toBeGreaterThan(0);
    expect(await count('guest_lists')).toBeGreaterThan(0);
    expect(await count('guest_list_entries')).toBeGreaterThan(0);
    expect(await count('check_ins', `kind = 'ADMIT'`)).toBeGreaterThan(0);
    expect(await count('check_ins', `kind = 'WALK_UP'`)).toBeGreaterThan(0);
    expect(await count('check_ins', `occurred_at > now()`)).toBe(0);
    expect(await count('audit_logs')).toBeGreaterThan(0);
  });

  it('should report what it created, table by table', async () => {
    if (!result.created) throw new Error('expected the demo to be created');
    for (const table of demoTables) expect(result.counts[table]).toBe(await count(table));
  });

  it('should create nothing on a second call', async () => {
    const before = await dump(db.sql);
    const again = await seedDemo(db.sql, { seed: 42, today });
    expect(again.created).toBe(false);
    if (!again.created) expect(again.reason).toMatch(/already exist/);
    expect(await dump(db.sql)).toEqual(before);
  });

  it('should give the same data for the same seed, and other data for another', async () => {
    const second = await seedDemo(twin.sql, { seed: 42, today });
    expect(second.created).toBe(true);
    expect(await dump(twin.sql)).toEqual(await dump(db.sql));
    await twin.sql`DELETE FROM organizations`;
    await twin.sql`DELETE FROM users`;
    await seedDemo(twin.sql, { seed: 43, today });
    const [a, b] = await Promise.all([dump(db.sql), dump(twin.sql)]);
    expect(b.event_requests).not.toEqual(a.event_requests);
    expect(b.event_requests).toHaveLength(a.event_requests!.length);
  });
});
