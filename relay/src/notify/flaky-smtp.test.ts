// Delivery through trouble: an SMTP server that fails half of the tries (4xx replies, the
// connection cut mid-message), a server that kept a message but lost its answer, and a worker
// that dies in the middle of a job. Every email arrives, each once by its Message-ID, and the
// retries wait as the backoff says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { retryDelayBounds } from '../jobs/retry-delay.js';
import { readJob, until } from '../testing/job-kit.js';
import type { Mailer } from '../mail/mailer.js';
import { TestMailbox } from '../testing/test-mailbox.js';
import { EmailMetrics } from './email-metrics.js';
import { FlakyMailbox } from '../testing/flaky-mailbox.js';
import { emailMessageId } from './message-id.js';
import {
  createNotifyWorld,
  emailWorker,
  ID_DOMAIN,
  statusChangedPayload,
  workflowPayloads,
  type NotifyWorld,
} from '../testing/notify-world.js';

const STATUSES = ['REVIEW', 'APPROVED', 'DECLINED'];

describe('email delivery through SMTP trouble', () => {
  let db: TestDatabase;
  let world: NotifyWorld;

  beforeAll(async () => {
    db = await createTestDatabase('notify_flaky');
    world = await createNotifyWorld(db.sql);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function queue(kind: string, payload: Record<string, unknown>, maxAttempts = 10): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      INSERT INTO jobs (organization_id, kind, payload, max_attempts)
      VALUES (${world.organizationId}, ${kind}, ${db.sql.json(payload as never)}, ${maxAttempts})
      RETURNING id::text AS id`;
    return row!.id;
  }

  /**
   * Until every job is DONE: each job waiting for a retry has its wait checked against the
   * backoff (run_at − the failure's updated_at), then is made due now so the test need not sleep.
   */
  async function driveRetries(jobIds: string[]): Promise<Array<{ attempt: number; delayMs: number }>> {
    const waits: Array<{ attempt: number; delayMs: number }> = [];
    await until(
      async () => {
        const waiting = await db.sql<{ id: string; attempts: number; delay_ms: number }[]>`
          SELECT id::text AS id, attempts, (extract(epoch FROM run_at - updated_at) * 1000)::float8 AS delay_ms
            FROM jobs WHERE id = ANY(${db.sql.array(jobIds)}::bigint[]) AND status = 'QUEUED' AND run_at > now()`;
        for (const job of waiting) {
          waits.push({ attempt: job.attempts, delayMs: job.delay_ms });
          await db.sql`UPDATE jobs SET run_at = now() WHERE id = ${job.id} AND status = 'QUEUED'`;
        }
        const [row] = await db.sql<{ left: number }[]>`
          SELECT count(*)::int AS left FROM jobs WHERE id = ANY(${db.sql.array(jobIds)}::bigint[]) AND status <> 'DONE'`;
        return row!.left === 0;
      },
      'every email job DONE',
      60_000,
    );
    return waits;
  }

  it('should deliver every email exactly once by Message-ID through 4xx replies and cut connections, retrying on the backoff', async () => {
    const smtp = await FlakyMailbox.start();
    const registry = new Registry();
    const metrics = new EmailMetrics(registry);
    const { worker, mailer } = emailWorker(db, smtp.url, { concurrency: 3, deps: { metrics } });
    try {
      const jobIds: string[] = [];
      for (let n = 0; n < 24; n++) {
        const payload =
          n % 2 === 0
            ? workflowPayloads(world)['request.received']
            : statusChangedPayload(world, STATUSES[n % 3]!, `note ${n}`);
        // more attempts than the default: the cycle could, in theory, fail one job many times over
        jobIds.push(await queue(n % 2 === 0 ? 'request.received' : 'request.status_changed', payload, 30));
      }
      await worker.start();
      const waits = await driveRetries(jobIds);

      const kinds = await db.sql<{ id: string; kind: string }[]>`
        SELECT id::text AS id, kind FROM jobs WHERE id = ANY(${db.sql.array(jobIds)}::bigint[])`;
      const expected = kinds.map((job) => emailMessageId(job.id, job.kind, ID_DOMAIN)).sort();
      expect(smtp.kept.map((m) => m.messageId).sort()).toEqual(expected);
      expect(smtp.kept.every((m) => m.to.length === 1 && m.to[0] === world.requester.email)).toBe(true);

      // the trouble really happened, every kind of it, about half of all tries
      const failed = ['rcpt-4xx', 'drop-mid-data', 'data-4xx'].map((fate) => smtp.dealt.get(fate as never) ?? 0);
      for (const count of failed) expect(count).toBeGreaterThan(0);
      const failures = failed.reduce((a, b) => a + b, 0);
      expect(smtp.dealt.get('accept')).toBe(24);
      expect(failures).toBeGreaterThanOrEqual(20);

      // each failure was one retry, each retry waited within its attempt's backoff bounds
      expect(waits).toHaveLength(failures);
      for (const { attempt, delayMs } of waits) {
        const { minMs, maxMs } = retryDelayBounds(attempt);
        expect(delayMs).toBeGreaterThanOrEqual(minMs - 1);
        expect(delayMs).toBeLessThanOrEqual(maxMs + 1);
      }
      const [tries] = await db.sql<{ attempts: number; sent: number }[]>`
        SELECT sum(j.attempts)::int AS attempts, count(*) FILTER (WHERE d.status = 'SENT')::int AS sent
          FROM jobs j JOIN email_deliveries d ON d.job_id = j.id WHERE j.id = ANY(${db.sql.array(jobIds)}::bigint[])`;
      expect(tries).toEqual({ attempts: 24 + failures, sent: 24 });

      const text = await registry.metrics();
      const sent = [...text.matchAll(/^promoteros_emails_sent_total\{kind="[^"]+"\} (\d+)$/gm)].map((m) =>
        Number(m[1]),
      );
      expect(sent.reduce((a, b) => a + b, 0)).toBe(24);
      const temp = [...text.matchAll(/^promoteros_emails_failed_total\{kind="[^"]+",failure="temporary"\} (\d+)$/gm)];
      expect(temp.reduce((a, m) => a + Number(m[1]), 0)).toBe(failures);
    } finally {
      await worker.stop();
      mailer.close();
      await smtp.stop();
    }
  });

  it('should send a message again with the same Message-ID when the server kept it but its answer was lost', async () => {
    const smtp = await FlakyMailbox.start(['accept-then-drop', 'accept']);
    const { worker, mailer } = emailWorker(db, smtp.url);
    try {
      const jobId = await queue('request.received', workflowPayloads(world)['request.received']);
      expect(await worker.work()).toBe(true);
      expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'QUEUED', attempts: 1 });
      await db.sql`UPDATE jobs SET run_at = now() WHERE id = ${jobId}`;
      expect(await worker.work()).toBe(true);
      expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE', attempts: 2 });
      // nobody can tell the first copy arrived but the server; the reader's mail client can:
      // both copies are one message by their Message-ID
      const id = emailMessageId(jobId, 'request.received', ID_DOMAIN);
      expect(smtp.kept.map((m) => m.messageId)).toEqual([id, id]);
    } finally {
      mailer.close();
      await smtp.stop();
    }
  });

  it('should deliver once, after the lease, the email of a relay process killed while sending it', async () => {
    // the first message is read and never answered: the relay is killed while it waits
    const smtp = await FlakyMailbox.start(['hang', 'accept']);
    const jobId = await queue('request.received', workflowPayloads(world)['request.received']);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../testing/killed-worker.ts', import.meta.url))],
      {
        env: { ...process.env, DATABASE_URL: db.url, SMTP_URL: smtp.url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const taking = emailWorker(db, smtp.url, { leaseSeconds: 1 });
    try {
      await until(() => smtp.hung === 1, 'the relay process to be sending', 30_000);
      expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'RUNNING', attempts: 1 });
      child.kill('SIGKILL');
      await exited;
      await until(() => taking.worker.work(), 'the lease to pass and the job to be taken again', 10_000);
      expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE', attempts: 2 });
      expect(smtp.kept.map((m) => m.messageId)).toEqual([emailMessageId(jobId, 'request.received', ID_DOMAIN)]);
    } finally {
      child.kill('SIGKILL');
      taking.mailer.close();
      await smtp.stop();
    }
  });

  it('should deliver the email of a worker that died mid-job once, after the lease, and ignore the dead worker', async () => {
    const mailbox = await TestMailbox.start();
    // the first worker stops in the middle of sending and never comes back, as a killed relay
    let stuck = false;
    const frozen: Mailer = {
      send: () => {
        stuck = true;
        return new Promise(() => {});
      },
      close() {},
    };
    const dying = emailWorker(db, mailbox.url, { mailer: frozen, leaseSeconds: 1, shutdownTimeoutMs: 0 });
    const taking = emailWorker(db, mailbox.url, { leaseSeconds: 1 });
    try {
      const jobId = await queue('request.received', workflowPayloads(world)['request.received']);
      void dying.worker.work();
      await until(() => stuck, 'the first worker to be in the middle of sending');
      // within the lease nobody else takes the job
      expect(await taking.worker.work()).toBe(false);
      await until(() => taking.worker.work(), 'the lease to pass and the job to be taken again', 10_000);
      expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE', attempts: 2 });
      const id = emailMessageId(jobId, 'request.received', ID_DOMAIN);
      expect(mailbox.received.map((m) => m.parsed.messageId)).toEqual([id]);
      // the dead worker's late word (its shutdown handing the job back) changes nothing
      await dying.worker.stop();
      expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE', attempts: 2 });
    } finally {
      taking.mailer.close();
      await mailbox.stop();
    }
  });
});
