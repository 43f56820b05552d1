// Everyone who writes the audit log, at once, for two organizations: batches of mutations from
// several devices of each, intake rounds that file requests for both organizations (in both
// orders, as two relays' rounds would) and the hold sweep expiring holds of both. Each organization's chain comes out whole, one entry per
// write, and the rounds neither deadlock nor fall back to filing their requests one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { intakeSchemaFor } from '@promoteros/shared/intake';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { applyBatch } from '../mutations/apply-mutation.js';
import { fileRequests, type Filing } from '../intake/file-request.js';
import { findIntakeVenue, type IntakeVenueRow } from '../intake/intake-venue.js';
import { intakeWorld, validFields, type IntakeWorld } from '../testing/intake-world.js';
import { sweepHolds } from '../holds/expire-holds.js';
import { verifyAuditChains } from './verify-chain.js';

const BATCHES_PER_ORGANIZATION = 6;
const MUTATIONS_PER_BATCH = 5;
const ROUNDS = 8;
const EXPIRED_HOLDS = 3;

let db: TestDatabase;
let worlds: IntakeWorld[];
let venues: IntakeVenueRow[];

beforeAll(async () => {
  db = await createTestDatabase('audit_concurrent');
  worlds = [await intakeWorld(db.sql), await intakeWorld(db.sql)];
  venues = await Promise.all(worlds.map(async (w) => (await findIntakeVenue(db.sql, w.orgSlug, w.venueSlug))!));
  // holds whose time ran out, for the sweep to expire (one audit entry each) while the others write
  for (const [i, world] of worlds.entries()) {
    const [request] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance)
      VALUES (${world.organizationId}, ${world.venueId}, ${`RQ-SWEEP-${i}`}, 'Robin Agent', 'robin@example.test',
              'Night Shift', 'Autumn Run', '2029-09-01 20:00+00', '2029-09-01 23:00+00', 600)
      RETURNING id`;
    for (let day = 1; day <= EXPIRED_HOLDS; day++) {
      await db.sql`
        INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, expires_at)
        VALUES (${world.organizationId}, ${world.venueId}, ${request!.id}, ${`2029-10-0${day}`}, 1,
                now() - interval '1 minute')`;
    }
  }
});
afterAll(() => db?.drop());

const filing = (venue: IntakeVenueRow): Filing => ({
  venue,
  fields: intakeSchemaFor(venue).parse(validFields({ name: `Agent ${randomUUID().slice(0, 6)}` })),
  formToken: `form-${randomUUID()}`,
});

let clock = Date.parse('2026-05-01T12:00:00Z');
function batch(world: IntakeWorld) {
  const scope = { organizationId: world.organizationId, userId: world.owner.userId, sessionId: world.owner.sessionId };
  const envelopes = Array.from({ length: MUTATIONS_PER_BATCH }, () => ({
    id: randomUUID(),
    name: 'taskTemplate.create',
    args: { templateId: randomUUID(), title: `Call the fire marshal ${randomUUID().slice(0, 4)}`, defaultDueDays: 10 },
    at: new Date((clock += 1000)).toISOString(),
    after: [],
  }));
  return applyBatch(db.sql, scope, envelopes);
}

/** The transactions that filed these requests. */
async function commitsOf(requestIds: readonly string[]): Promise<number> {
  const [row] = await db.sql<{ commits: number }[]>`
    SELECT count(DISTINCT xid)::int AS commits FROM change_log
     WHERE table_name = 'event_requests' AND row_id = ANY(${requestIds}::uuid[])`;
  return row!.commits;
}

const entriesOf = async (organizationId: string) => {
  const [row] = await db.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM audit_logs WHERE organization_id = ${organizationId}`;
  return row!.n;
};

describe('the audit chain under concurrent writers', () => {
  it('should stay one unbroken chain per organization', async () => {
    const before = await Promise.all(worlds.map((w) => entriesOf(w.organizationId)));
    const [a, b] = venues as [IntakeVenueRow, IntakeVenueRow];
    const rounds = Array.from({ length: ROUNDS }, (_, i) =>
      fileRequests(db.sql, i % 2 === 0 ? [filing(a), filing(b), filing(a)] : [filing(b), filing(a), filing(b)]),
    );
    const batches = worlds.flatMap((w) => Array.from({ length: BATCHES_PER_ORGANIZATION }, () => batch(w)));
    const [filed, applied, sweep] = await Promise.all([Promise.all(rounds), Promise.all(batches), sweepHolds(db.sql)]);
    expect(sweep.expired).toBe(worlds.length * EXPIRED_HOLDS);

    for (const round of filed) {
      const ids = round.map((outcome) => {
        if (!outcome.ok) throw outcome.error;
        return outcome.filed.requestId;
      });
      // one statement, one commit: the round was not split up after a deadlock
      expect(await commitsOf(ids)).toBe(1);
    }
    expect(applied.flat().map((r) => r.outcome)).toEqual(
      Array(worlds.length * BATCHES_PER_ORGANIZATION * MUTATIONS_PER_BATCH).fill('applied'),
    );

    const verification = await verifyAuditChains(db.sql);
    expect(verification.organizations.map((o) => o.problem)).toEqual([null, null]);
    const written = MUTATIONS_PER_BATCH * BATCHES_PER_ORGANIZATION + (ROUNDS / 2) * 3 + EXPIRED_HOLDS;
    for (const [i, world] of worlds.entries()) {
      const report = verification.organizations.find((o) => o.organizationId === world.organizationId)!;
      expect(report.entries).toBe(before[i]! + written);
      expect(await entriesOf(world.organizationId)).toBe(report.entries);
    }
  });
});
