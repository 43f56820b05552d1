// request.convertToEvent through POST /v1/mutations against PostgreSQL: all of it in one
// transaction (event, request, decision, hold, checklist, job, audit) or none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { derivedId, firstConfirmationId } from '@promoteros/shared/mutations';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, createVenue, type TestMember } from '../testing/fixtures.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('request.convertToEvent through POST /v1/mutations', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let organizationId: string;
  let venueId: string;
  let manager: TestMember;
  let promoter: TestMember;
  let templates: { early: string; late: string; off: string };

  beforeAll(async () => {
    db = await createTestDatabase('convert_to_event');
    relay = await startTestRelay(db);
    organizationId = await createOrganization(db.sql, 'Harbour Stage');
    manager = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    promoter = await createMember(db.sql, [{ organizationId, role: 'PROMOTER' }]);
    venueId = await createVenue(db.sql, organizationId, { name: 'Pier 9', timezone: 'America/New_York' });
    const template = async (title: string, days: number, position: number, active = true) =>
      (
        await db.sql<{ id: string }[]>`
          INSERT INTO task_templates (organization_id, title, description, default_due_days, position, active)
          VALUES (${organizationId}, ${title}, ${`${title}, by the book`}, ${days}, ${position}, ${active})
          RETURNING id`
      )[0]!.id;
    templates = {
      early: await template('Send the advance sheet', 7, 0),
      late: await template('Print wristbands', 1, 1),
      off: await template('Fax the rider', 3, 2, false),
    };
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  async function request(status = 'APPROVED'): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance, status,
                                  promoter_user_id)
      VALUES (${organizationId}, ${venueId}, ${`RQ-C${randomUUID().slice(0, 8)}`}, 'Robin Agent',
              'robin@example.test', 'Night Shift', 'Spring Run', '2026-03-09 00:00+00', '2026-03-09 03:00+00', 600,
              ${status}, ${promoter.userId})
      RETURNING id`;
    return row!.id;
  }

  async function hold(requestId: string, date: string, rank: number): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, created_by)
      VALUES (${organizationId}, ${venueId}, ${requestId}, ${date}, ${rank}, ${manager.userId}) RETURNING id`;
    return row!.id;
  }

  /** 20:00 on the venue's date in New York during daylight saving (UTC−4): the next day in UTC */
  function argsFor(requestId: string, date: string, extra: Record<string, unknown> = {}) {
    const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return {
      requestId,
      eventId: randomUUID(),
      decisionId: randomUUID(),
      title: 'Spring Run',
      artistName: 'Night Shift',
      doorsAt: `${date}T23:00:00Z`,
      showAt: `${next}T00:00:00Z`,
      endsAt: `${next}T03:00:00Z`,
      capacityOverride: 550,
      ...extra,
    };
  }

  const convert = (args: Record<string, unknown>) =>
    sendBatch(relay, manager.token, { organizationId, mutations: [envelope('request.convertToEvent', args)] });

  /** everything the conversion could have written about this request and event */
  async function traces(requestId: string, eventId: string) {
    const [row] = await db.sql<Record<string, unknown>[]>`
      SELECT (SELECT status FROM event_requests WHERE id = ${requestId}) AS request_status,
             (SELECT count(*)::int FROM events WHERE id = ${eventId} OR request_id = ${requestId}) AS events,
             (SELECT count(*)::int FROM event_tasks WHERE event_id = ${eventId}) AS tasks,
             (SELECT count(*)::int FROM decision_logs WHERE request_id = ${requestId}) AS decisions,
             (SELECT count(*)::int FROM jobs WHERE payload->>'requestId' = ${requestId}) AS jobs,
             (SELECT count(*)::int FROM audit_logs WHERE entity_id = ${requestId}) AS audits,
             (SELECT string_agg(status || ':' || rank, ',' ORDER BY rank) FROM holds
               WHERE request_id = ${requestId}) AS holds`;
    return row!;
  }

  it('should confirm the event, schedule the request, convert the hold, make the checklist and enqueue the confirmation, all at once', async () => {
    // 8 March 2026: New York springs forward at 2 am; the show is that evening
    const date = '2026-03-08';
    const requestId = await request();
    const own = await hold(requestId, date, 1);
    const behind = await hold(await request('REVIEW'), date, 2);
    const args = argsFor(requestId, date);
    const { status, body } = await convert(args);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED' });
    expect(body.results[0]).toMatchObject({
      tables: expect.arrayContaining([
        'events',
        'event_requests',
        'decision_logs',
        'holds',
        'event_tasks',
        'audit_logs',
      ]),
    });

    const [event] = await db.sql`
      SELECT status, to_char(show_date, 'YYYY-MM-DD') AS show_date, request_id, promoter_user_id, capacity_override,
             venue_id, title
        FROM events WHERE id = ${args.eventId}`;
    expect(event).toEqual({
      status: 'CONFIRMED',
      show_date: '2026-03-08',
      request_id: requestId,
      promoter_user_id: promoter.userId,
      capacity_override: 550,
      venue_id: venueId,
      title: 'Spring Run',
    });
    const [req] = await db.sql`SELECT status FROM event_requests WHERE id = ${requestId}`;
    expect(req!.status).toBe('SCHEDULED');
    const decisions = await db.sql`
      SELECT id, from_status, to_status, note, actor_user_id FROM decision_logs WHERE request_id = ${requestId}`;
    expect(decisions).toEqual([
      {
        id: args.decisionId,
        from_status: 'APPROVED',
        to_status: 'SCHEDULED',
        note: null,
        actor_user_id: manager.userId,
      },
    ]);
    const holds =
      await db.sql`SELECT id, status, rank, event_id FROM holds WHERE id IN (${own}, ${behind}) ORDER BY status`;
    expect(holds).toEqual([
      { id: behind, status: 'ACTIVE', rank: 1, event_id: null },
      { id: own, status: 'CONVERTED', rank: 1, event_id: args.eventId },
    ]);
    const tasks = await db.sql`
      SELECT id, template_id, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, position
        FROM event_tasks WHERE event_id = ${args.eventId} ORDER BY position`;
    expect(tasks).toEqual([
      {
        id: derivedId(args.eventId, templates.early),
        template_id: templates.early,
        title: 'Send the advance sheet',
        due_date: '2026-03-01',
        position: 0,
      },
      {
        id: derivedId(args.eventId, templates.late),
        template_id: templates.late,
        title: 'Print wristbands',
        due_date: '2026-03-07',
        position: 1,
      },
    ]);
    const jobs = await db.sql`SELECT kind, payload FROM jobs WHERE payload->>'eventId' = ${args.eventId}`;
    expect(jobs).toEqual([
      {
        kind: 'event.confirmed',
        payload: {
          eventId: args.eventId,
          sendId: firstConfirmationId(args.eventId),
          revised: false,
          requestId,
          venueId,
          showDate: date,
          holdId: own,
          overrideReason: null,
        },
      },
    ]);
    // the send the confirmation email will fill in: who received which version, and how it went
    const sends =
      await db.sql`SELECT id, revised, requested_by FROM confirmation_sends WHERE event_id = ${args.eventId}`;
    expect(sends).toEqual([{ id: firstConfirmationId(args.eventId), revised: false, requested_by: manager.userId }]);
    const audits = await db.sql`
      SELECT action, entity_table, actor_user_id FROM audit_logs WHERE entity_id = ${requestId}`;
    expect(audits).toEqual([
      { action: 'request.convertToEvent', entity_table: 'event_requests', actor_user_id: manager.userId },
    ]);
  });

  it('should refuse a date with a confirmed event, leaving nothing behind, and confirm it with an override reason that is logged', async () => {
    const date = '2026-04-18';
    const first = argsFor(await request(), date);
    expect((await convert(first)).body.results[0]).toMatchObject({ outcome: 'APPLIED' });

    const requestId = await request();
    await hold(requestId, date, 1);
    const args = argsFor(requestId, date);
    const refused = await convert(args);
    expect(refused.body.results[0]).toEqual({
      id: expect.any(String),
      outcome: 'REFUSED',
      code: 'rule',
      reason: '2026-04-18 already has the confirmed event “Spring Run”: give a reason to confirm anyway',
    });
    expect(await traces(requestId, args.eventId)).toEqual({
      request_status: 'APPROVED',
      events: 0,
      tasks: 0,
      decisions: 0,
      jobs: 0,
      audits: 0,
      holds: 'ACTIVE:1',
    });

    const reason = 'the first show moves to the small room';
    const overridden = { ...args, override: { reason } };
    expect((await convert(overridden)).body.results[0]).toMatchObject({ outcome: 'APPLIED' });
    expect(await traces(requestId, args.eventId)).toEqual({
      request_status: 'SCHEDULED',
      events: 1,
      tasks: 2,
      decisions: 1,
      jobs: 1,
      audits: 1,
      holds: 'CONVERTED:1',
    });
    const [decision] = await db.sql`SELECT note FROM decision_logs WHERE id = ${args.decisionId}`;
    expect(decision!.note).toBe(`confirmed over 2026-04-18 already has the confirmed event “Spring Run”: ${reason}`);
    const [audit] = await db.sql`SELECT details FROM audit_logs WHERE entity_id = ${requestId}`;
    expect(audit!.details).toMatchObject({ args: { override: { reason } } });
    const [job] = await db.sql`SELECT payload FROM jobs WHERE payload->>'eventId' = ${args.eventId}`;
    expect(job!.payload).toMatchObject({ overrideReason: reason });
  });

  it('should refuse over a higher hold of another request, leaving nothing behind', async () => {
    const date = '2026-05-02';
    await hold(await request('REVIEW'), date, 1);
    const requestId = await request();
    await hold(requestId, date, 2);
    const args = argsFor(requestId, date);
    expect((await convert(args)).body.results[0]).toMatchObject({
      outcome: 'REFUSED',
      reason: 'another request has the 1st hold on 2026-05-02: give a reason to confirm anyway',
    });
    expect(await traces(requestId, args.eventId)).toMatchObject({
      request_status: 'APPROVED',
      events: 0,
      holds: 'ACTIVE:2',
    });
  });

  it('should undo every earlier write when a late one fails, refusing it in words', async () => {
    // a task row already has the id the checklist would get: its insert comes after the event,
    // the request, the decision and the hold were written, and fails on the primary key
    const date = '2026-05-09';
    const requestId = await request();
    await hold(requestId, date, 1);
    const args = argsFor(requestId, date);
    const other = argsFor(await request(), '2026-05-10');
    expect((await convert(other)).body.results[0]).toMatchObject({ outcome: 'APPLIED' });
    await db.sql`
      INSERT INTO event_tasks (id, organization_id, event_id, title)
      VALUES (${derivedId(args.eventId, templates.late)}, ${organizationId}, ${other.eventId}, 'In the way')`;

    const { body } = await convert(args);
    expect(body.results[0]).toMatchObject({ outcome: 'REFUSED', code: 'rule' });
    expect(await traces(requestId, args.eventId)).toEqual({
      request_status: 'APPROVED',
      events: 0,
      tasks: 0,
      decisions: 0,
      jobs: 0,
      audits: 0,
      holds: 'ACTIVE:1',
    });
  });

  it('should refuse a request under review and a promoter, changing nothing', async () => {
    const requestId = await request('REVIEW');
    const args = argsFor(requestId, '2026-06-06');
    expect((await convert(args)).body.results[0]).toMatchObject({
      outcome: 'REFUSED',
      reason: 'a request under review must be approved before it becomes an event',
    });
    const approved = await request();
    const byPromoter = await sendBatch(relay, promoter.token, {
      organizationId,
      mutations: [envelope('request.convertToEvent', argsFor(approved, '2026-06-06'))],
    });
    expect(byPromoter.body.results[0]).toMatchObject({ outcome: 'REFUSED', code: 'forbidden' });
    expect(await traces(requestId, args.eventId)).toMatchObject({ request_status: 'REVIEW', events: 0 });
    expect(await traces(approved, randomUUID())).toMatchObject({ request_status: 'APPROVED', events: 0, jobs: 0 });
  });
});
