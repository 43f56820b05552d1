// The owners' view of delivery problems on a relay: an email refused for good goes DEAD at once
// and shows up with the server's words, only to the organization's OWNERs; Retry sends it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { readJob, until } from '../testing/job-kit.js';
import { FlakyMailbox } from '../testing/flaky-mailbox.js';
import { createNotifyWorld, queueJob, workflowPayloads, type NotifyWorld } from '../testing/notify-world.js';

describe('delivery problems', () => {
  let db: TestDatabase;
  let smtp: FlakyMailbox;
  let relay: TestRelay;
  let world: NotifyWorld;
  let owner: TestMember;
  let manager: TestMember;
  let otherOwner: TestMember;
  let otherOrganizationId: string;

  beforeAll(async () => {
    db = await createTestDatabase('notify_problems');
    // the first message is refused for good, the second accepted, the third taken for its first
    // recipient only
    smtp = await FlakyMailbox.start(['rcpt-5xx', 'accept', 'rcpt-5xx-after-first', 'accept']);
    relay = await startTestRelay(db, { SMTP_URL: smtp.url, JOBS_POLL_MS: '50' });
    world = await createNotifyWorld(db.sql);
    owner = await createMember(db.sql, [{ organizationId: world.organizationId, role: 'OWNER' }]);
    manager = await createMember(db.sql, [{ organizationId: world.organizationId, role: 'MANAGER' }]);
    otherOrganizationId = await createOrganization(db.sql, 'Elsewhere Events');
    otherOwner = await createMember(db.sql, [{ organizationId: otherOrganizationId, role: 'OWNER' }]);
  });
  afterAll(async () => {
    await relay?.stop();
    await smtp?.stop();
    await db?.drop();
  });

  const call = async (method: 'GET' | 'POST', path: string, member?: TestMember) => {
    const response = await fetch(`${relay.url}${path}`, {
      method,
      headers: member ? { authorization: `Bearer ${member.token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const problemsOf = (organizationId: string) => `/v1/organizations/${organizationId}/delivery-problems`;

  it('should list a refused email as DEAD after one try with the server reply, to OWNERs only, and resend it on Retry', async () => {
    const jobId = await queueJob(
      db.sql,
      world.organizationId,
      'request.received',
      workflowPayloads(world)['request.received'],
    );
    await until(async () => (await readJob(db.sql, jobId)).status === 'DEAD', 'the refused email to go DEAD');
    expect(await readJob(db.sql, jobId)).toMatchObject({ attempts: 1 });
    // another organization's dead job never shows here
    await db.sql`INSERT INTO jobs (organization_id, kind, status, last_error)
                 VALUES (${otherOrganizationId}, 'request.received', 'DEAD', 'elsewhere')`;

    const listed = await call('GET', problemsOf(world.organizationId), owner);
    expect(listed.status).toBe(200);
    expect(listed.body.problems).toEqual([
      {
        jobId,
        kind: 'request.received',
        status: 'DEAD',
        attempts: 1,
        maxAttempts: 10,
        lastError: expect.stringContaining('550 5.1.1 no such mailbox'),
        failedAt: expect.any(String),
        nextTryAt: null,
        email: {
          messageId: `<job-${jobId}.request-received@promoteros.local>`,
          recipients: [world.requester.email],
          subject: `We received your request for Harbour Stage: Autumn Run (${world.reference})`,
        },
      },
    ]);

    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toContain('promoteros_emails_failed_total{kind="request.received",failure="permanent"} 1');

    const retried = await call('POST', `${problemsOf(world.organizationId)}/${jobId}/retry`, owner);
    expect(retried).toEqual({ status: 200, body: { jobId, status: 'QUEUED' } });
    await until(async () => (await readJob(db.sql, jobId)).status === 'DONE', 'the retried email to be sent');
    expect(smtp.kept.map((m) => m.messageId)).toEqual([`<job-${jobId}.request-received@promoteros.local>`]);
    expect((await call('GET', problemsOf(world.organizationId), owner)).body.problems).toEqual([]);
    expect(await (await fetch(`${relay.url}/metrics`)).text()).toContain(
      'promoteros_emails_sent_total{kind="request.received"} 1',
    );

    // done now: nothing to retry; another organization's job is not found here
    const again = await call('POST', `${problemsOf(world.organizationId)}/${jobId}/retry`, owner);
    expect(again).toMatchObject({ status: 409, body: { code: 'not_a_problem' } });
    const [elsewhere] = await db.sql<{ id: string }[]>`
      SELECT id::text AS id FROM jobs WHERE organization_id = ${otherOrganizationId}`;
    const foreign = await call('POST', `${problemsOf(world.organizationId)}/${elsewhere!.id}/retry`, owner);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await readJob(db.sql, elsewhere!.id)).toMatchObject({ status: 'DEAD' });
  });

  it('should list an email taken for some recipients and refused for others, without offering to send it again', async () => {
    const jobId = await queueJob(
      db.sql,
      world.organizationId,
      'event.confirmed',
      workflowPayloads(world)['event.confirmed'],
    );
    await until(async () => (await readJob(db.sql, jobId)).status === 'DONE', 'the event confirmation to be sent');
    const kept = smtp.kept.find((m) => m.messageId === `<job-${jobId}.event-confirmed@promoteros.local>`);
    expect(kept?.to).toEqual([world.requester.email]);
    const listed = await call('GET', problemsOf(world.organizationId), owner);
    expect(listed.body.problems).toEqual([
      {
        jobId,
        kind: 'event.confirmed',
        status: 'PARTLY_SENT',
        attempts: 1,
        maxAttempts: 10,
        lastError: `refused by the mail server: ${world.promoter.email}`,
        failedAt: expect.any(String),
        nextTryAt: null,
        email: {
          messageId: `<job-${jobId}.event-confirmed@promoteros.local>`,
          recipients: [world.requester.email, world.promoter.email],
          subject: expect.any(String),
        },
      },
    ]);
    // sending again would repeat it to the requester, who has it
    const again = await call('POST', `${problemsOf(world.organizationId)}/${jobId}/retry`, owner);
    expect(again).toMatchObject({ status: 409, body: { code: 'not_a_problem' } });
    // shown for a month, then it has been seen to, or will not be
    await db.sql`UPDATE email_deliveries SET sent_at = now() - interval '31 days' WHERE job_id = ${jobId}`;
    expect((await call('GET', problemsOf(world.organizationId), owner)).body.problems).toEqual([]);
  });

  it('should refuse members who are not OWNERs of the organization, and say what is wrong with a bad id', async () => {
    expect(await call('GET', problemsOf(world.organizationId))).toMatchObject({ status: 401 });
    expect(await call('GET', problemsOf(world.organizationId), manager)).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
    expect(await call('GET', problemsOf(world.organizationId), otherOwner)).toMatchObject({ status: 403 });
    expect(await call('POST', `${problemsOf(world.organizationId)}/1/retry`, otherOwner)).toMatchObject({
      status: 403,
    });
    expect(await call('GET', problemsOf('not-an-id'), owner)).toMatchObject({
      status: 400,
      body: { errors: { organizationId: 'must be an organization id (a UUID)' } },
    });
    expect(await call('POST', `${problemsOf(world.organizationId)}/12abc/retry`, owner)).toMatchObject({
      status: 400,
      body: { errors: { jobId: 'must be a job id (a positive whole number)' } },
    });
    // the other organization's OWNER sees its own problems, not these
    const theirs = await call('GET', problemsOf(otherOrganizationId), otherOwner);
    expect(theirs.status).toBe(200);
    expect(theirs.body.problems).toMatchObject([{ lastError: 'elsewhere', email: null }]);
  });

  it('should list an email whose last try failed while its job waits to retry, and bring it forward on Retry', async () => {
    const [job] = await db.sql<{ id: string }[]>`
      INSERT INTO jobs (organization_id, kind, status, attempts, run_at, last_error)
      VALUES (${world.organizationId}, 'test.waiting_mail', 'QUEUED', 3, now() + interval '1 hour', 'Error: 451')
      RETURNING id::text AS id`;
    await db.sql`
      INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, last_error)
      VALUES (${job!.id}, ${world.organizationId}, 'test.waiting_mail', '<job-x@test>', '{a@example.test}', 'Hello',
              'FAILED', 'Message failed: 451 4.3.0 queue full')`;
    const listed = await call('GET', problemsOf(world.organizationId), owner);
    expect(listed.body.problems).toMatchObject([
      {
        jobId: job!.id,
        status: 'QUEUED',
        attempts: 3,
        lastError: 'Message failed: 451 4.3.0 queue full',
        nextTryAt: expect.any(String),
      },
    ]);
    expect(await call('POST', `${problemsOf(world.organizationId)}/${job!.id}/retry`, owner)).toMatchObject({
      status: 200,
    });
    const [row] = await db.sql<{ due: boolean; attempts: number }[]>`
      SELECT run_at <= now() AS due, attempts FROM jobs WHERE id = ${job!.id}`;
    // a waiting job keeps its attempts: it only comes forward
    expect(row).toEqual({ due: true, attempts: 3 });
  });
});
