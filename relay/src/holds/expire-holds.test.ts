// The hold sweep against PostgreSQL: expiry (ranks move up, jobs, audit), reminders once,
// lapsed challenges once, under the organization's lock that POST /v1/mutations takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, createVenue } from '../testing/fixtures.js';
import { ORGANIZATION_LOCK_CLASS } from '../mutations/apply-mutation.js';
import { sweepHolds } from './expire-holds.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

describe('the hold sweep', () => {
  let db: TestDatabase;
  let organizationId: string;
  let otherOrganizationId: string;
  let venueId: string;
  let otherVenueId: string;
  let userId: string;
  let day = 0;
  /** a date of its own for each test, so the sweeps of one test find nothing of another's */
  const freshDate = () => new Date(Date.UTC(2026, 8, 1) + ++day * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    db = await createTestDatabase('hold_sweep');
    organizationId = await createOrganization(db.sql, 'Harbour Stage');
    otherOrganizationId = await createOrganization(db.sql, 'Riverside Club');
    userId = (await createMember(db.sql, [{ organizationId, role: 'MANAGER' }])).userId;
    venueId = await createVenue(db.sql, organizationId, { timezone: 'America/New_York' });
    otherVenueId = await createVenue(db.sql, otherOrganizationId);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function request(organization = organizationId, venue = venueId): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance)
      VALUES (${organization}, ${venue}, ${`RQ-H${randomUUID().slice(0, 8)}`}, 'Robin Agent', 'robin@example.test',
              'Night Shift', 'Autumn Run', '2026-09-01 20:00+00', '2026-09-01 23:00+00', 600)
      RETURNING id`;
    return row!.id;
  }

  async function hold(date: string, rank: number, extra: { expiresAt?: string; venue?: string } = {}) {
    const venue = extra.venue ?? venueId;
    const organization = venue === venueId ? organizationId : otherOrganizationId;
    const [row] = await db.sql<{ id: string }[]>`
      INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, expires_at, created_by)
      VALUES (${organization}, ${venue}, ${await request(organization, venue)}, ${date}, ${rank},
              ${extra.expiresAt ?? null}, ${venue === venueId ? userId : null})
      RETURNING id`;
    return row!.id;
  }

  const holdsOn = async (date: string, venue = venueId) =>
    Object.fromEntries(
      (
        await db.sql<{ id: string; status: string; rank: number }[]>`
          SELECT id, status, rank FROM holds WHERE venue_id = ${venue} AND hold_date = ${date}`
      ).map((h) => [h.id, `${h.status} ${h.rank}`]),
    );

  const jobs = (kind: string, holdId: string) =>
    db.sql<{ organization_id: string; payload: Record<string, unknown> }[]>`
      SELECT organization_id, payload FROM jobs WHERE kind = ${kind} AND payload->>'holdId' = ${holdId} ORDER BY id`;

  it('should expire holds past their time, move the holds behind them up and enqueue hold.expired', async () => {
    const date = freshDate();
    const first = await hold(date, 1, { expiresAt: hoursFromNow(-1) });
    const second = await hold(date, 2, { expiresAt: hoursFromNow(48) });
    const third = await hold(date, 3, { expiresAt: hoursFromNow(-0.5) });
    const fourth = await hold(date, 4);
    const elsewhere = await hold(freshDate(), 2, { expiresAt: hoursFromNow(-2), venue: otherVenueId });

    const sweep = await sweepHolds(db.serving.sql, NOW);
    expect(sweep.expired).toBeGreaterThanOrEqual(3);
    expect(await holdsOn(date)).toEqual({
      [first]: 'EXPIRED 1',
      [second]: 'ACTIVE 1',
      [third]: 'EXPIRED 3',
      [fourth]: 'ACTIVE 2',
    });
    const [job] = await jobs('hold.expired', first);
    const [requestOfFirst] = await db.sql`SELECT request_id FROM holds WHERE id = ${first}`;
    expect(job).toEqual({
      organization_id: organizationId,
      payload: {
        holdId: first,
        requestId: requestOfFirst!.request_id,
        venueId,
        holdDate: date,
        expiresAt: hoursFromNow(-1).replace('.000Z', '+00:00'),
      },
    });
    expect(await jobs('hold.expired', third)).toHaveLength(1);
    expect(await jobs('hold.expired', second)).toEqual([]);
    // another organization's hold expires in its own organization
    expect(await jobs('hold.expired', elsewhere)).toMatchObject([{ organization_id: otherOrganizationId }]);
    const audits = await db.sql`SELECT action, actor_user_id FROM audit_logs WHERE entity_id = ${first}`;
    expect(audits).toEqual([{ action: 'hold.expire', actor_user_id: null }]);

    // a second sweep finds nothing more to do
    await sweepHolds(db.serving.sql, NOW);
    expect(await jobs('hold.expired', first)).toHaveLength(1);
    expect((await holdsOn(date))[fourth]).toBe('ACTIVE 2');
  });

  it('should withdraw the challenge an expired hold made of the 1st hold', async () => {
    const date = freshDate();
    const first = await hold(date, 1);
    const challenger = await hold(date, 2, { expiresAt: hoursFromNow(-1) });
    await db.sql`UPDATE holds SET challenged_by_hold_id = ${challenger}, challenge_deadline = ${hoursFromNow(5)}
                  WHERE id = ${first}`;
    await sweepHolds(db.serving.sql, NOW);
    const [row] =
      await db.sql`SELECT status, rank, challenged_by_hold_id, challenge_deadline FROM holds WHERE id = ${first}`;
    expect(row).toEqual({ status: 'ACTIVE', rank: 1, challenged_by_hold_id: null, challenge_deadline: null });
  });

  it('should remind once when a hold is within a day of expiring, and again for a new expiry', async () => {
    const date = freshDate();
    const soon = await hold(date, 1, { expiresAt: hoursFromNow(10) });
    const later = await hold(date, 2, { expiresAt: hoursFromNow(30) });
    await sweepHolds(db.serving.sql, NOW);
    await sweepHolds(db.serving.sql, new Date(NOW.getTime() + 3_600_000));
    expect(await jobs('hold.expiring', soon)).toMatchObject([
      { organization_id: organizationId, payload: { holdId: soon, holdDate: date, venueId } },
    ]);
    expect(await jobs('hold.expiring', later)).toEqual([]);

    // the manager gives the hold five more hours: a reminder for the new time, once
    await db.sql`UPDATE holds SET expires_at = ${hoursFromNow(15)} WHERE id = ${soon}`;
    await sweepHolds(db.serving.sql, NOW);
    await sweepHolds(db.serving.sql, NOW);
    expect((await jobs('hold.expiring', soon)).map((j) => j.payload.expiresAt)).toEqual([
      hoursFromNow(10).replace('.000Z', '+00:00'),
      hoursFromNow(15).replace('.000Z', '+00:00'),
    ]);
  });

  it('should tell once that a challenge went unanswered, leaving the 1st hold where it is', async () => {
    const date = freshDate();
    const first = await hold(date, 1);
    const challenger = await hold(date, 2);
    await db.sql`UPDATE holds SET challenged_by_hold_id = ${challenger}, challenge_deadline = ${hoursFromNow(-1)}
                  WHERE id = ${first}`;
    await sweepHolds(db.serving.sql, NOW);
    await sweepHolds(db.serving.sql, NOW);
    expect(await jobs('hold.challenge_expired', first)).toMatchObject([
      { payload: { holdId: first, challengerHoldId: challenger, holdDate: date } },
    ]);
    expect(await holdsOn(date)).toEqual({ [first]: 'ACTIVE 1', [challenger]: 'ACTIVE 2' });
  });

  it('should wait for the organization’s lock, and rank a hold placed meanwhile with the rest', async () => {
    const date = freshDate();
    const first = await hold(date, 1, { expiresAt: hoursFromNow(-1) });
    const second = await hold(date, 2);
    let placed = '';
    let sweep: Promise<unknown> | undefined;
    // a batch of mutations holds the lock (as POST /v1/mutations does) and places a 3rd hold
    await db.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${ORGANIZATION_LOCK_CLASS}, hashtext(${organizationId}))`;
      sweep = sweepHolds(db.serving.sql, NOW);
      await waitUntil(async () => {
        const [row] = await db.sql<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_locks
           WHERE locktype = 'advisory' AND NOT granted AND classid = ${ORGANIZATION_LOCK_CLASS}`;
        return row!.waiting > 0;
      });
      expect(await holdsOn(date)).toEqual({ [first]: 'ACTIVE 1', [second]: 'ACTIVE 2' });
      const requestId = await request();
      const [row] = await tx<{ id: string }[]>`
        INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, created_by)
        VALUES (${organizationId}, ${venueId}, ${requestId}, ${date}, 3, ${userId}) RETURNING id`;
      placed = row!.id;
    });
    await sweep;
    expect(await holdsOn(date)).toEqual({ [first]: 'EXPIRED 1', [second]: 'ACTIVE 1', [placed]: 'ACTIVE 2' });
  });
});

describe('the relay’s hold sweeper', () => {
  it('should expire holds while the relay runs and stop with it', async () => {
    const db = await createTestDatabase('hold_sweeper');
    const relay = await startTestRelay(db, { HOLD_EXPIRY_INTERVAL_SECONDS: '1' });
    try {
      const organizationId = await createOrganization(db.sql, 'Harbour Stage');
      const venueId = await createVenue(db.sql, organizationId);
      const [request] = await db.sql<{ id: string }[]>`
        INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                    event_title, preferred_start, preferred_end, expected_attendance)
        VALUES (${organizationId}, ${venueId}, 'RQ-SWEEP', 'Robin Agent', 'robin@example.test', 'Night Shift',
                'Autumn Run', '2026-09-01 20:00+00', '2026-09-01 23:00+00', 600)
        RETURNING id`;
      const [hold] = await db.sql<{ id: string }[]>`
        INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, expires_at)
        VALUES (${organizationId}, ${venueId}, ${request!.id}, '2026-09-01', 1, now() - interval '1 minute')
        RETURNING id`;
      await waitUntil(async () => {
        const [row] = await db.sql`SELECT status FROM holds WHERE id = ${hold!.id}`;
        return row!.status === 'EXPIRED';
      });
      await relay.stop();
      const [job] = await db.sql`SELECT kind FROM jobs WHERE payload->>'holdId' = ${hold!.id}`;
      expect(job).toEqual({ kind: 'hold.expired' });
    } finally {
      await relay.stop();
      await db.drop();
    }
  });
});

/** Polls until the condition holds; fails after 10 s so a broken sweep does not hang the run. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const giveUp = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > giveUp) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
