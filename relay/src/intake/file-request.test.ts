// Filing requests together: the requests of one group share one statement and one commit, yet
// each gets its own rows, its own jobs and its own answer; a form filed before answers with its
// first request; a request the database refuses fails alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { intakeSchemaFor, requestReference } from '@promoteros/shared/intake';
import { createMember } from '../testing/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { fileRequests, type Filing } from './file-request.js';
import { FilingRounds } from './filing-rounds.js';
import { requestIdFor, tokenHash } from './form-token.js';
import { KnownPeople } from './known-people.js';
import { findIntakeVenue, type IntakeVenueRow } from './intake-venue.js';
import { intakeWorld, rowCounts, validFields, type IntakeWorld } from '../testing/intake-world.js';

let db: TestDatabase;
let world: IntakeWorld;
let venue: IntakeVenueRow;

beforeAll(async () => {
  db = await createTestDatabase('intake_file_together');
  world = await intakeWorld(db.sql);
  venue = (await findIntakeVenue(db.sql, world.orgSlug, world.venueSlug))!;
});
afterAll(() => db?.drop());

const filing = (overrides: Record<string, string> = {}, at: IntakeVenueRow = venue): Filing => ({
  venue: at,
  fields: intakeSchemaFor(at).parse(validFields(overrides)),
  formToken: `form-${randomUUID()}`,
});

/** The transactions that wrote these requests, as the change log saw them. */
async function commitsOf(requestIds: readonly string[]): Promise<number> {
  const [row] = await db.sql<{ commits: number }[]>`
    SELECT count(DISTINCT xid)::int AS commits FROM change_log
     WHERE table_name = 'event_requests' AND row_id = ANY(${requestIds}::uuid[])`;
  return row!.commits;
}

const filedIds = (outcomes: Awaited<ReturnType<typeof fileRequests>>) =>
  outcomes.map((o) => {
    if (!o.ok) throw o.error;
    return o.filed.requestId;
  });

describe('requests filed together', () => {
  it('should file each with its own decision, audit entry and jobs, in one commit', async () => {
    const before = await rowCounts(db.sql, world.organizationId);
    const group = [filing({ name: 'Ada Agent' }), filing({ name: 'Bo Booker' }), filing({ name: 'Cy Promoter' })];
    const outcomes = await fileRequests(db.sql, group);
    const ids = filedIds(outcomes);
    expect(new Set(ids).size).toBe(3);
    expect(await commitsOf(ids)).toBe(1);

    const requests = await db.sql<{ id: string; contact_name: string; reference: string }[]>`
      SELECT id, contact_name, reference FROM event_requests WHERE id = ANY(${ids}::uuid[])`;
    const nameOf = new Map(requests.map((r) => [r.id, r.contact_name]));
    expect(ids.map((id) => nameOf.get(id))).toEqual(['Ada Agent', 'Bo Booker', 'Cy Promoter']);
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome).toMatchObject({ ok: true, filed: { requestId: ids[i], again: false } });
    }
    for (const id of ids) {
      const jobs = await db.sql<{ kind: string; payload: { requestId: string; to: { name: string } } }[]>`
        SELECT kind, payload FROM jobs WHERE payload->>'requestId' = ${id} ORDER BY id`;
      expect(jobs.map((j) => j.kind)).toEqual([
        'request.received',
        'request.new_for_manager',
        'request.new_for_manager',
      ]);
      expect(jobs[0]!.payload.to.name).toBe(nameOf.get(id));
    }
    expect(await rowCounts(db.sql, world.organizationId)).toEqual({
      requests: before.requests + 3,
      decisions: before.decisions + 3,
      audits: before.audits + 3,
      jobs: before.jobs + 9,
    });
  });

  it('should answer a form filed before with its first request, and file the others', async () => {
    const earlier = filing();
    const [first] = filedIds(await fileRequests(db.sql, [earlier]));
    const before = await rowCounts(db.sql, world.organizationId);
    const outcomes = await fileRequests(db.sql, [filing(), earlier, filing()]);
    expect(outcomes[1]).toMatchObject({ ok: true, filed: { requestId: first, again: true } });
    expect(outcomes.filter((o) => o.ok && !o.filed.again)).toHaveLength(2);
    expect((await rowCounts(db.sql, world.organizationId)).requests).toBe(before.requests + 2);
  });

  it('should fail only the request the database refuses, and file the rest', async () => {
    const before = await rowCounts(db.sql, world.organizationId);
    // a venue whose organization is gone: its request breaks a foreign key
    const orphan = filing({}, { ...venue, organizationId: randomUUID() });
    const outcomes = await fileRequests(db.sql, [filing(), orphan, filing()]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(String((outcomes[1] as { error: unknown }).error)).toMatch(/foreign key/);
    expect(await rowCounts(db.sql, world.organizationId)).toMatchObject({
      requests: before.requests + 2,
      jobs: before.jobs + 6,
    });
  });
});

describe('a request’s id from its form token', () => {
  /** Gives an earlier request of the organization the reference this form's try would read from its id. */
  async function takeReference(form: Filing, attempt: number): Promise<void> {
    const [other] = filedIds(await fileRequests(db.sql, [filing()]));
    await db.sql`UPDATE event_requests SET reference = ${requestReference(requestIdFor(form.formToken, attempt))}
                  WHERE id = ${other!}`;
  }

  it('should file the form under its next id when its reference is taken, and find it there when sent again', async () => {
    const form = filing();
    await takeReference(form, 1);
    const [first] = await fileRequests(db.sql, [form]);
    const id = requestIdFor(form.formToken, 2);
    expect(first).toEqual({ ok: true, filed: { requestId: id, reference: requestReference(id), again: false } });
    const [again] = await fileRequests(db.sql, [form]);
    expect(again).toEqual({ ok: true, filed: { requestId: id, reference: requestReference(id), again: true } });
  });

  it('should keep the first ids of the other forms of a group one form’s clash sends alone', async () => {
    const clashing = filing();
    const others = [filing(), filing()];
    await takeReference(clashing, 1);
    const outcomes = await fileRequests(db.sql, [others[0]!, clashing, others[1]!]);
    expect(filedIds(outcomes)).toEqual([
      requestIdFor(others[0]!.formToken),
      requestIdFor(clashing.formToken, 2),
      requestIdFor(others[1]!.formToken),
    ]);
  });

  it('should answer a form filed before its request took its id from the token with that request', async () => {
    const [earlier] = filedIds(await fileRequests(db.sql, [filing()]));
    const form = filing();
    await db.sql`INSERT INTO intake_submissions (token_hash, organization_id, request_id)
                 VALUES (${tokenHash(form.formToken)}, ${world.organizationId}, ${earlier!})`;
    const before = await rowCounts(db.sql, world.organizationId);
    const [outcome] = await fileRequests(db.sql, [form]);
    expect(outcome).toMatchObject({ ok: true, filed: { requestId: earlier, again: true } });
    expect(await rowCounts(db.sql, world.organizationId)).toEqual(before);
  });
});

describe('members remembered from earlier rounds', () => {
  /** Whom the request's jobs went to, and whose request it is. */
  async function notified(requestId: string) {
    const jobs = await db.sql<{ kind: string; user_id: string | null }[]>`
      SELECT kind, payload->>'userId' AS user_id FROM jobs WHERE payload->>'requestId' = ${requestId} ORDER BY id`;
    const [request] = await db.sql<{ promoter_user_id: string | null }[]>`
      SELECT promoter_user_id FROM event_requests WHERE id = ${requestId}`;
    return { managers: jobs.flatMap((j) => j.user_id ?? []).sort(), promoter: request!.promoter_user_id };
  }

  it('should notify the managers there are when it files, not those it remembered', async () => {
    const here = await intakeWorld(db.sql);
    const at = (await findIntakeVenue(db.sql, here.orgSlug, here.venueSlug))!;
    const known = new KnownPeople();
    const [first] = filedIds(await fileRequests(db.sql, [filing({}, at)], known));
    expect((await notified(first!)).managers).toEqual([here.owner.userId, here.manager.userId].sort());

    const joined = await createMember(db.sql, [{ organizationId: here.organizationId, role: 'MANAGER' }]);
    await db.sql`DELETE FROM memberships WHERE user_id = ${here.manager.userId} AND organization_id = ${here.organizationId}`;
    const [second] = filedIds(await fileRequests(db.sql, [filing({}, at), filing({}, at)], known));
    expect((await notified(second!)).managers).toEqual([here.owner.userId, joined.userId].sort());
  });

  it('should give a request to the promoter whose address it gives, met for the first time', async () => {
    const here = await intakeWorld(db.sql);
    const at = (await findIntakeVenue(db.sql, here.orgSlug, here.venueSlug))!;
    const known = new KnownPeople();
    filedIds(await fileRequests(db.sql, [filing({}, at)], known));
    const promoter = await createMember(db.sql, [{ organizationId: here.organizationId, role: 'PROMOTER' }]);
    const [theirs, someoneElses] = filedIds(
      await fileRequests(db.sql, [filing({ email: promoter.email }, at), filing({}, at)], known),
    );
    expect((await notified(theirs!)).promoter).toBe(promoter.userId);
    expect((await notified(someoneElses!)).promoter).toBeNull();
  });
});

describe('filing rounds', () => {
  it('should file the requests sent while a round is under way together in the next round', async () => {
    const rounds = new FilingRounds((filings) => fileRequests(db.sql, filings), { concurrentRounds: 1, roundSize: 32 });
    const filed = await Promise.all(Array.from({ length: 10 }, () => rounds.file(filing())));
    const ids = filed.map((f) => f.requestId);
    expect(new Set(ids).size).toBe(10);
    // the first alone (nobody else was waiting), the nine sent meanwhile in one more
    expect(await commitsOf(ids.slice(0, 1))).toBe(1);
    expect(await commitsOf(ids.slice(1))).toBe(1);
    expect(await commitsOf(ids)).toBe(2);
  });

  it('should put a form sent twice at once in two rounds, and answer both with one request', async () => {
    const rounds = new FilingRounds((filings) => fileRequests(db.sql, filings), { concurrentRounds: 1, roundSize: 32 });
    const form = filing();
    const [opening, first, again, other] = await Promise.all([
      rounds.file(filing()),
      rounds.file(form),
      rounds.file(form),
      rounds.file(filing()),
    ]);
    expect(first!.again).toBe(false);
    expect(again).toEqual({ ...first, again: true });
    expect(new Set([opening!.requestId, first!.requestId, other!.requestId]).size).toBe(3);
  });

  it('should answer each sender of a round with its own error or request', async () => {
    const rounds = new FilingRounds((filings) => fileRequests(db.sql, filings), { concurrentRounds: 1, roundSize: 32 });
    const orphan = filing({}, { ...venue, organizationId: randomUUID() });
    const answers = await Promise.allSettled([rounds.file(filing()), rounds.file(filing()), rounds.file(orphan)]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });
});
