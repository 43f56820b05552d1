// request.submit: a promoter files a request from the app, through the relay's mutation route,
// with the same rows and jobs as the public page and their own id on the request.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestReference } from '@promoteros/shared/intake';
import { derivedId } from '@promoteros/shared/mutations';
import { createMember, type TestMember } from '../testing/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { sendBatch } from '../testing/mutation-client.js';
import { daysAhead, intakeWorld, type IntakeWorld } from '../testing/intake-world.js';

let db: TestDatabase;
let relay: TestRelay;
let world: IntakeWorld;
let promoter: TestMember;

beforeAll(async () => {
  db = await createTestDatabase('request_submit');
  relay = await startTestRelay(db);
  world = await intakeWorld(db.sql);
  promoter = await createMember(db.sql, [{ organizationId: world.organizationId, role: 'PROMOTER' }]);
});

afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

const args = (overrides: Record<string, unknown> = {}) => ({
  requestId: randomUUID(),
  venueId: world.venueId,
  name: 'Robin Agent',
  email: 'robin@example.com',
  artist: 'The Late Trains',
  eventTitle: 'Winter Run',
  preferredDate: daysAhead(90),
  startTime: '20:00',
  endTime: '23:00',
  expectedAttendance: 300,
  budgetMin: 1500,
  ...overrides,
});

const submit = (member: TestMember, a: Record<string, unknown>) =>
  sendBatch(relay, member.token, {
    organizationId: world.organizationId,
    mutations: [{ id: randomUUID(), name: 'request.submit', args: a, at: new Date().toISOString(), after: [] }],
  });

describe('request.submit', () => {
  it('should file a promoter’s request with their id, its first decision and the same jobs as the public page', async () => {
    const a = args();
    const answer = await submit(promoter, a);
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({ outcome: 'APPLIED' });
    const [request] = await db.sql`
      SELECT reference, status, promoter_user_id, budget_min_cents FROM event_requests WHERE id = ${a.requestId}`;
    expect(request).toEqual({
      reference: requestReference(a.requestId),
      status: 'NEW',
      promoter_user_id: promoter.userId,
      budget_min_cents: 150000n,
    });
    const decisions =
      await db.sql`SELECT id, from_status, to_status, actor_user_id FROM decision_logs WHERE request_id = ${a.requestId}`;
    expect(decisions).toEqual([
      { id: derivedId(a.requestId, 'submitted'), from_status: null, to_status: 'NEW', actor_user_id: promoter.userId },
    ]);
    const jobs = await db.sql<{ kind: string; user_id: string | null }[]>`
      SELECT kind, payload->>'userId' AS user_id FROM jobs WHERE payload->>'requestId' = ${a.requestId} ORDER BY id`;
    expect(jobs.map((j) => j.kind)).toEqual(['request.received', 'request.new_for_manager', 'request.new_for_manager']);
    expect(
      jobs
        .slice(1)
        .map((j) => j.user_id)
        .sort(),
    ).toEqual([world.owner.userId, world.manager.userId].sort());
    const audits = await db.sql`SELECT action, actor_user_id FROM audit_logs WHERE entity_id = ${a.requestId}`;
    expect(audits).toEqual([{ action: 'request.submit', actor_user_id: promoter.userId }]);
  });

  it('should refuse, in words and with nothing written, an attendance above the venue’s capacity', async () => {
    const a = args({ expectedAttendance: 5000 });
    const answer = await submit(promoter, a);
    expect(answer.body.results[0]).toMatchObject({
      outcome: 'REFUSED',
      code: 'rule',
      reason: "Expected attendance must be between 1 and 800 (the venue's capacity)",
    });
    expect(await db.sql`SELECT 1 FROM event_requests WHERE id = ${a.requestId}`).toHaveLength(0);
    expect(await db.sql`SELECT 1 FROM jobs WHERE payload->>'requestId' = ${a.requestId}`).toHaveLength(0);
  });

  it('should refuse fields the intake schema refuses, naming them', async () => {
    const answer = await submit(promoter, args({ email: 'nope', endTime: '19:00' }));
    expect(answer.body.results[0]).toMatchObject({ outcome: 'REFUSED', code: 'invalid_arguments' });
    const reason = (answer.body.results[0] as { reason: string }).reason;
    expect(reason).toContain('email: Enter an email address like name@example.com');
    expect(reason).toContain('endTime: The end time must be after the start time');
  });
});
