// Submissions arriving together are filed in one transaction, each on its own: all land once,
// a failing one fails alone, and a form sent twice within a group files once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { FilingQueue } from './filing-queue.js';
import { findIntakeVenue, type IntakeVenueRow } from './intake-venue.js';
import { intakeWorld, validFields, type IntakeWorld } from './intake-test-world.js';
import { intakeSchemaFor } from '@promoteros/shared/intake';

let db: TestDatabase;
let world: IntakeWorld;
let venue: IntakeVenueRow;

beforeAll(async () => {
  db = await createTestDatabase('filing_queue');
  world = await intakeWorld(db.sql);
  venue = (await findIntakeVenue(db.sql, world.orgSlug, world.venueSlug))!;
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe('the filing queue', () => {
  it('should file what arrives while a group commits in one transaction, each request once', async () => {
    const queue = new FilingQueue(db.sql);
    const fields = intakeSchemaFor(venue).parse(validFields());
    const tokens = Array.from({ length: 12 }, () => randomUUID());
    // the first starts a group at once; the others arrive while it runs and go together;
    // the last form is sent twice
    const filed = await Promise.all([...tokens, tokens[11]!].map((token) => queue.file(venue, fields, token)));

    expect(new Set(filed.map((f) => f.requestId)).size).toBe(12);
    expect(filed[12]).toEqual({ ...filed[11], again: true });
    const [stored] = await db.sql<{ requests: number; transactions: number; jobs: number }[]>`
      SELECT count(*)::int AS requests,
             count(DISTINCT (SELECT c.xid FROM change_log c WHERE c.row_id = r.id LIMIT 1))::int AS transactions,
             (SELECT count(*)::int FROM jobs WHERE payload->>'requestId' = ANY(${filed.map((f) => f.requestId)})) AS jobs
        FROM event_requests r WHERE r.id = ANY(${filed.map((f) => f.requestId)})`;
    expect(stored!.requests).toBe(12);
    expect(stored!.transactions).toBe(2);
    expect(stored!.jobs).toBeGreaterThanOrEqual(12);
  });

  it('should fail a filing alone when its own writes fail, and file the rest of its group', async () => {
    const queue = new FilingQueue(db.sql);
    const fields = intakeSchemaFor(venue).parse(validFields());
    // a venue row whose organization is gone: its filing breaks a foreign key
    const orphan = { ...venue, organizationId: randomUUID() };
    const first = queue.file(venue, fields, randomUUID());
    const results = await Promise.allSettled([
      queue.file(venue, fields, randomUUID()),
      queue.file(orphan, fields, randomUUID()),
      queue.file(venue, fields, randomUUID()),
    ]);
    await first;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
