// The SENT records written together (sent-ledger.ts) against real PostgreSQL: records of one
// moment in one statement (one transaction: the rows share their xmin), DONE only for the jobs
// still the worker's, and one bad record failing alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { readJob } from '../testing/job-kit.js';
import type { ClaimedJob } from '../jobs/job-handlers.js';
import { SentLedger } from './sent-ledger.js';

describe('sent ledger', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('sent_ledger');
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** `count` jobs RUNNING under worker w1, as a claim leaves them */
  async function runningJobs(count: number): Promise<ClaimedJob[]> {
    return db.sql<ClaimedJob[]>`
      INSERT INTO jobs (kind, status, attempts, claims, locked_by, locked_at)
      SELECT 'request.received', 'RUNNING', 1, 1, 'w1', now() FROM generate_series(1, ${count})
      RETURNING id, organization_id, kind, payload, attempts, claims, max_attempts, run_at, locked_by, created_at`;
  }

  const facts = (job: ClaimedJob, messageId = `<job-${job.id}.test@promoteros.test>`) => ({
    messageId,
    recipients: ['agent@example.com'],
    subject: `Request ${job.id}`,
  });

  const ledgerRows = (jobs: readonly ClaimedJob[]) =>
    db.sql<{ job_id: string; status: string; tx: string }[]>`
      SELECT job_id::text, status, xmin::text AS tx FROM email_deliveries
       WHERE job_id = ANY(${db.sql.array(jobs.map((job) => String(job.id)))}::bigint[]) ORDER BY email_deliveries.job_id`;

  it('should write the records of one moment in one statement and mark their jobs DONE', async () => {
    const ledger = new SentLedger(db.sql);
    const jobs = await runningJobs(5);
    const marked = await Promise.all(jobs.map((job) => ledger.record({ job, facts: facts(job), note: null })));
    expect(marked).toEqual([true, true, true, true, true]);
    const rows = await ledgerRows(jobs);
    expect(rows.map((row) => row.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT', 'SENT']);
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
    for (const job of jobs) expect(await readJob(db.sql, String(job.id))).toMatchObject({ status: 'DONE' });
  });

  it('should record SENT but leave the job alone when it is no longer the worker’s', async () => {
    const ledger = new SentLedger(db.sql);
    const [taken, kept] = await runningJobs(2);
    // its lease was taken over by another worker meanwhile
    await db.sql`UPDATE jobs SET locked_by = 'w2', attempts = 2 WHERE id = ${taken!.id}`;
    const marked = await Promise.all(
      [taken!, kept!].map((job) => ledger.record({ job, facts: facts(job), note: 'refused: x@example.com' })),
    );
    expect(marked).toEqual([false, true]);
    expect((await ledgerRows([taken!])).map((row) => row.status)).toEqual(['SENT']);
    expect(await readJob(db.sql, String(taken!.id))).toMatchObject({ status: 'RUNNING', locked_by: 'w2' });
    expect(await readJob(db.sql, String(kept!.id))).toMatchObject({ status: 'DONE' });
  });

  it('should write the others one by one when one record of a batch cannot be written, and fail only that one', async () => {
    const ledger = new SentLedger(db.sql);
    const jobs = await runningJobs(3);
    // the second one's Message-ID is already another job's: the batch statement fails on it
    const [earlier] = await runningJobs(1);
    await ledger.record({ job: earlier!, facts: facts(earlier!, '<taken@promoteros.test>'), note: null });
    const outcomes = await Promise.allSettled(
      jobs.map((job, i) =>
        ledger.record({ job, facts: i === 1 ? facts(job, '<taken@promoteros.test>') : facts(job), note: null }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('email_deliveries_message_id_key');
    const rows = await ledgerRows(jobs);
    expect(rows.map((row) => row.job_id)).toEqual([String(jobs[0]!.id), String(jobs[2]!.id)]);
    // written apart, each in its own transaction
    expect(rows[0]!.tx).not.toBe(rows[1]!.tx);
    expect(await readJob(db.sql, String(jobs[1]!.id))).toMatchObject({ status: 'RUNNING' });
  });
});
