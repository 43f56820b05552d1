// deliveryProblems.* through the app service, against a real relay on real PostgreSQL: an OWNER
// sees the organization's email the relay gave up on, with the mail server's words, and Retry
// sends it (read back from a real SMTP server); a MANAGER is refused; bad ids are named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import type { CommandName, CommandResult, Outcome } from '../../common/command-map.js';
import { eventually } from '../testing/sync-fixture.js';
import { MemoryCredentialStore } from '../app/credential-store.js';
import { startDesktopApp, type DesktopApp } from '../app/desktop-app.js';

const tag = randomBytes(3).toString('hex');
const OWNER = `owner-${tag}@harbour.example`;
const MANAGER = `manager-${tag}@harbour.example`;
const REQUESTER = `robin-${tag}@agency.example`;

describe('delivery problems in the desktop app', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let mailbox: TestMailbox;
  let root: string;
  let organizationId: string;
  let deadJobId: string;
  const apps: DesktopApp[] = [];

  async function signedIn(email: string): Promise<DesktopApp> {
    const app = await startDesktopApp({
      relayUrl: relay.url,
      dataDir: join(root, email),
      credentials: new MemoryCredentialStore(),
      deviceName: 'delivery problems test',
      backoff: { initialDelay: 50, maxDelay: 300 },
      log: () => {},
    });
    apps.push(app);
    expect((await app.dispatch('auth.requestCode', { relayUrl: relay.url, email })).ok).toBe(true);
    const mail = await mailbox.next(email);
    const code = /sign-in code: (\d{6})/.exec(mail.parsed.subject ?? '')![1]!;
    expect((await app.dispatch('auth.verifyCode', { email, code })).ok).toBe(true);
    return app;
  }

  async function run<K extends CommandName>(app: DesktopApp, name: K, args: unknown = {}): Promise<CommandResult<K>> {
    const outcome = await app.dispatch(name, args);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as CommandResult<K>;
  }

  const refusal = (outcome: Outcome<unknown>) => (outcome.ok ? undefined : outcome.error);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-delivery-'));
    mailbox = await TestMailbox.start();
    db = await createTestDatabase('desktop_delivery');
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_POLL_MS: '50', LIVE_POLL_TIMEOUT_MS: '2000' });
    const [org] = await db.sql<{ id: string }[]>`
      INSERT INTO organizations (slug, name) VALUES (${`harbour-${tag}`}, 'Harbour Live') RETURNING id`;
    organizationId = org!.id;
    const [venue] = await db.sql<{ id: string }[]>`
      INSERT INTO venues (organization_id, slug, name, timezone, capacity)
      VALUES (${organizationId}, 'harbour-stage', 'Harbour Stage', 'Europe/London', 900) RETURNING id`;
    for (const [email, name, role] of [
      [OWNER, 'Olivia Owner', 'OWNER'],
      [MANAGER, 'Max Manager', 'MANAGER'],
    ] as const) {
      const [user] = await db.sql<{ id: string }[]>`
        INSERT INTO users (email, display_name) VALUES (${email}, ${name}) RETURNING id`;
      await db.sql`INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
                   VALUES (${organizationId}, ${user!.id}, ${role}, ${email}, ${name})`;
    }
    const [request] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance)
      VALUES (${organizationId}, ${venue!.id}, 'RQ-HARB-0001', 'Robin Agent', ${REQUESTER}, 'Night Shift',
              'Autumn Run', '2028-09-01 19:00+00', '2028-09-01 22:00+00', 400)
      RETURNING id`;
    // the relay gave up on this confirmation: the requester's server refused it (since fixed)
    const [job] = await db.sql<{ id: string }[]>`
      INSERT INTO jobs (organization_id, kind, payload, status, attempts, last_error)
      VALUES (${organizationId}, 'request.received', ${db.sql.json({ requestId: request!.id })}, 'DEAD', 1,
              'PermanentJobFailure: Recipient command failed: 550 5.2.1 mailbox disabled')
      RETURNING id::text AS id`;
    deadJobId = job!.id;
    await db.sql`
      INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, last_error)
      VALUES (${deadJobId}, ${organizationId}, 'request.received', ${`<job-${deadJobId}.request-received@test>`},
              ${db.sql.array([REQUESTER])}, 'We received your request for Harbour Stage', 'FAILED',
              'Recipient command failed: 550 5.2.1 mailbox disabled')`;
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('should show an OWNER the email the relay gave up on, and deliver it on Retry', async () => {
    const app = await signedIn(OWNER);
    const problems = await run(app, 'deliveryProblems.list');
    expect(problems).toEqual([
      {
        jobId: deadJobId,
        kind: 'request.received',
        status: 'DEAD',
        attempts: 1,
        maxAttempts: 10,
        lastError: 'Recipient command failed: 550 5.2.1 mailbox disabled',
        failedAt: expect.any(String),
        nextTryAt: null,
        email: {
          messageId: `<job-${deadJobId}.request-received@test>`,
          recipients: [REQUESTER],
          subject: 'We received your request for Harbour Stage',
        },
      },
    ]);

    expect(await run(app, 'deliveryProblems.retry', { jobId: deadJobId })).toEqual({ jobId: deadJobId });
    const mail = await mailbox.next(REQUESTER);
    expect(mail.parsed.subject).toBe('We received your request for Harbour Stage: Autumn Run (RQ-HARB-0001)');
    await eventually(async () => (await run(app, 'deliveryProblems.list')).length === 0, 10_000);

    // sent now: the relay says there is nothing to retry, in words
    const again = refusal(await app.dispatch('deliveryProblems.retry', { jobId: deadJobId }));
    expect(again).toMatchObject({ code: 'relay_refused', details: { relayCode: 'not_a_problem' } });
    expect(again?.message).toContain('nothing to retry');
  });

  it('should refuse a MANAGER, and name a job id that is not one', async () => {
    const app = await signedIn(MANAGER);
    expect(refusal(await app.dispatch('deliveryProblems.list', {}))).toMatchObject({ code: 'forbidden' });
    expect(refusal(await app.dispatch('deliveryProblems.retry', { jobId: deadJobId }))).toMatchObject({
      code: 'forbidden',
    });
    expect(refusal(await app.dispatch('deliveryProblems.retry', { jobId: '12; DROP' }))).toMatchObject({
      code: 'invalid_arguments',
      details: { jobId: 'a job id is a positive whole number' },
    });
  });
});
