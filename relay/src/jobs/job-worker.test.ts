// The job loop against real PostgreSQL: one run per job, retries with backoff up to DEAD, the
// lease, shutdown, and two workers with their own connections sharing one queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { insertJob, newWorker, readJob, until } from '../testing/job-kit.js';
import { retryDelayBounds } from './retry-delay.js';
import { markJobDone } from './finish-job.js';
import { claimJobs } from './claim-job.js';
import { PermanentJobFailure, type ClaimedJob } from './job-handlers.js';

describe('job worker', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('job_worker');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('should run a job once with its payload and mark it DONE', async () => {
    const seen: unknown[] = [];
    const worker = newWorker(db, { 'test.once': async (payload) => void seen.push(payload) });
    const id = await insertJob(db.sql, 'test.once', { requestId: 'r-1' });
    expect(await worker.work()).toBe(true);
    expect(await worker.work()).toBe(false);
    expect(seen).toEqual([{ requestId: 'r-1' }]);
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'DONE', attempts: 1, last_error: null, locked_by: null });
  });

  it('should retry a failing job after growing backoff delays, then mark it DEAD with the last error', async () => {
    let calls = 0;
    const worker = newWorker(db, {
      'test.failing': async () => {
        calls++;
        throw new Error(`smtp refused, call ${calls}`);
      },
    });
    const id = await insertJob(db.sql, 'test.failing', {}, { maxAttempts: 4 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await worker.work()).toBe(true);
      const [row] = await db.sql<{ status: string; delay_ms: number; last_error: string }[]>`
        SELECT status, (extract(epoch FROM run_at - updated_at) * 1000)::float8 AS delay_ms, last_error
          FROM jobs WHERE id = ${id}`;
      expect(row!.status).toBe('QUEUED');
      expect(row!.last_error).toContain(`smtp refused, call ${attempt}`);
      const { minMs, maxMs } = retryDelayBounds(attempt);
      expect(row!.delay_ms).toBeGreaterThanOrEqual(minMs - 1);
      expect(row!.delay_ms).toBeLessThanOrEqual(maxMs + 1);
      delays.push(row!.delay_ms);
      // not due yet: the backoff is honoured
      expect(await worker.work()).toBe(false);
      await db.sql`UPDATE jobs SET run_at = now() WHERE id = ${id}`;
    }
    expect(delays[1]!).toBeGreaterThanOrEqual(delays[0]!);
    expect(delays[2]!).toBeGreaterThanOrEqual(delays[1]!);
    expect(await worker.work()).toBe(true);
    const dead = await readJob(db.sql, id);
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 4, locked_by: null });
    expect(dead.last_error).toContain('smtp refused, call 4');
    expect(calls).toBe(4);
    expect(await worker.work()).toBe(false);
  });

  it('should mark a job DEAD at its first failure when the handler says no retry can help', async () => {
    let calls = 0;
    const worker = newWorker(db, {
      'test.permanent': async () => {
        calls++;
        throw new PermanentJobFailure('550 5.1.1 no such mailbox');
      },
    });
    const id = await insertJob(db.sql, 'test.permanent', {}, { maxAttempts: 10 });
    expect(await worker.work()).toBe(true);
    const dead = await readJob(db.sql, id);
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 1, locked_by: null });
    expect(dead.last_error).toContain('550 5.1.1 no such mailbox');
    expect(await worker.work()).toBe(false);
    expect(calls).toBe(1);
  });

  it('should leave a job of a kind it has no handler for QUEUED, for a relay that can do it', async () => {
    const worker = newWorker(db, {});
    const id = await insertJob(db.sql, 'test.nobody_knows');
    expect(await worker.work()).toBe(false);
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'QUEUED', attempts: 0 });
    const able = newWorker(db, { 'test.nobody_knows': async () => {} });
    expect(await able.work()).toBe(true);
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'DONE', attempts: 1 });
  });

  it('should take again a RUNNING job whose lease is past, and leave one still within its lease', async () => {
    const ran: string[] = [];
    const worker = newWorker(db, { 'test.leased': async (_p, { job }) => void ran.push(job.id) }, { leaseSeconds: 60 });
    const [stale, fresh] = await db.sql<{ id: string }[]>`
      INSERT INTO jobs (kind, status, attempts, locked_at, locked_by)
      VALUES ('test.leased', 'RUNNING', 1, now() - interval '10 minutes', 'crashed-relay'),
             ('test.leased', 'RUNNING', 1, now() - interval '10 seconds', 'busy-relay')
      RETURNING id`;
    expect(await worker.work()).toBe(true);
    expect(await worker.work()).toBe(false);
    expect(ran).toEqual([stale!.id]);
    expect(await readJob(db.sql, stale!.id)).toMatchObject({ status: 'DONE', attempts: 2 });
    expect(await readJob(db.sql, fresh!.id)).toMatchObject({ status: 'RUNNING', locked_by: 'busy-relay' });
    // the crashed worker's late answer, should it come back, changes nothing
    const late = { id: stale!.id, locked_by: 'crashed-relay', attempts: 1 } as ClaimedJob;
    expect(await markJobDone(db.sql, late)).toBe(false);
    await db.sql`DELETE FROM jobs WHERE id = ${fresh!.id}`;
  });

  it('should mark DEAD a job taken again after its lease with every attempt spent', async () => {
    const worker = newWorker(db, { 'test.leased_out': async () => {} }, { leaseSeconds: 60 });
    const [job] = await db.sql<{ id: string }[]>`
      INSERT INTO jobs (kind, status, attempts, max_attempts, locked_at, locked_by)
      VALUES ('test.leased_out', 'RUNNING', 3, 3, now() - interval '10 minutes', 'crashed-relay') RETURNING id`;
    expect(await worker.work()).toBe(true);
    const row = await readJob(db.sql, job!.id);
    expect(row.status).toBe('DEAD');
    expect(row.last_error).toContain('lease');
  });

  it('should let a job under way finish when stopping within the timeout', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const worker = newWorker(db, {
      'test.finishing': async () => {
        started = true;
        await gate;
      },
    });
    const id = await insertJob(db.sql, 'test.finishing');
    await worker.start();
    await until(() => started, 'the handler to start');
    const stopped = worker.stop();
    release();
    await stopped;
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'DONE', attempts: 1 });
  });

  it('should return a job still running after the shutdown timeout to QUEUED and abort its handler', async () => {
    let started = false;
    let aborted = false;
    const worker = newWorker(
      db,
      {
        'test.stuck': async (_p, { signal }) => {
          started = true;
          await new Promise<void>((resolve) =>
            signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            }),
          );
        },
      },
      { shutdownTimeoutMs: 50 },
    );
    const id = await insertJob(db.sql, 'test.stuck');
    await worker.start();
    await until(() => started, 'the handler to start');
    await worker.stop();
    expect(aborted).toBe(true);
    // the attempt is given back, the claim is not: the next worker knows this one began it
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'QUEUED', attempts: 0, claims: 1, locked_by: null });
    await db.sql`DELETE FROM jobs WHERE id = ${id}`;
  });

  it('should run each of 200 jobs exactly once with two workers on their own connections', async () => {
    const other: Database = await openDatabase({ databaseUrl: db.url, dataDir: '' });
    const runs: string[] = [];
    const byWorker = [0, 0];
    const handler = (index: number) => async (_payload: unknown, ctx: { job: ClaimedJob }) => {
      runs.push(ctx.job.id);
      byWorker[index]!++;
      await new Promise((resolve) => setImmediate(resolve));
    };
    const first = newWorker(db, { 'test.shared': handler(0) }, { concurrency: 3 });
    const second = newWorker(other, { 'test.shared': handler(1) }, { concurrency: 3 });
    try {
      await first.start();
      await second.start();
      const ids = (
        await db.sql<{ id: string }[]>`
          INSERT INTO jobs (kind, payload) SELECT 'test.shared', jsonb_build_object('n', n)
            FROM generate_series(1, 200) n RETURNING id`
      ).map((r) => r.id);
      await until(async () => {
        const [row] = await db.sql<{ done: number }[]>`
          SELECT count(*)::int AS done FROM jobs WHERE kind = 'test.shared' AND status = 'DONE'`;
        return row!.done === 200;
      }, '200 jobs done');
      expect(runs).toHaveLength(200);
      expect([...runs].sort()).toEqual([...ids].sort());
      expect(byWorker[0]).toBeGreaterThan(0);
      expect(byWorker[1]).toBeGreaterThan(0);
    } finally {
      await first.stop();
      await second.stop();
      await other.close();
    }
  });

  it('should claim several jobs in one statement: lapsed leases first, then the longest due, up to the limit', async () => {
    const kind = 'test.batch';
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push(await insertJob(db.sql, kind, { n }));
    // due in the order 4, 3, 2, 1, 0; the job 0 is RUNNING under a worker whose lease lapsed
    await db.sql`UPDATE jobs SET run_at = now() - make_interval(secs => 100 - (payload->>'n')::int * 10)
                  WHERE kind = ${kind}`;
    await db.sql`UPDATE jobs SET status = 'RUNNING', attempts = 1, claims = 1, locked_by = 'gone',
                   locked_at = now() - interval '2 hours' WHERE id = ${ids[0]!}`;
    await db.sql`UPDATE jobs SET run_at = now() + interval '1 hour' WHERE id = ${ids[4]!}`;
    const claimed = await claimJobs(db.sql, 'worker-a', 60, [kind], 3);
    expect(claimed.map((job) => job.id)).toEqual([ids[0], ids[1], ids[2]]);
    expect(claimed.map((job) => [job.attempts, job.claims, job.locked_by])).toEqual([
      [2, 2, 'worker-a'],
      [1, 1, 'worker-a'],
      [1, 1, 'worker-a'],
    ]);
    // what is left: the one due, not the one due in an hour; none for a kind nobody asked
    expect((await claimJobs(db.sql, 'worker-b', 60, [kind], 3)).map((job) => job.id)).toEqual([ids[3]]);
    expect(await claimJobs(db.sql, 'worker-b', 60, ['test.other'], 3)).toEqual([]);
    await db.sql`DELETE FROM jobs WHERE kind = ${kind}`;
  });

  it('should hand back, not run, a job claimed for the lanes that waited too long for one, and run it once later', async () => {
    const gates = new Map<number, () => void>();
    const runs: number[] = [];
    const started = new Set<number>();
    const worker = newWorker(
      db,
      {
        'test.waiting': async (payload) => {
          const n = (payload as { n: number }).n;
          runs.push(n);
          started.add(n);
          if (n < 3) await new Promise<void>((resolve) => gates.set(n, resolve));
        },
      },
      // claims older than a quarter of the lease (250 ms) are handed back
      { concurrency: 2, leaseSeconds: 1 },
    );
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      ids.push(await insertJob(db.sql, 'test.waiting', { n }));
      await db.sql`UPDATE jobs SET run_at = now() - make_interval(secs => 100 - ${n}) WHERE id = ${ids[n]!}`;
    }
    try {
      await worker.start();
      // the lanes take 0 and 1 from one claim; 1 ends, its lane claims 2 and 3, runs 2, keeps 3
      await until(() => started.has(0) && started.has(1), 'jobs 0 and 1 to start');
      gates.get(1)!();
      await until(() => started.has(2), 'job 2 to start');
      expect(await readJob(db.sql, ids[3]!)).toMatchObject({ status: 'RUNNING', claims: 1 });
      // both lanes busy past a quarter of the lease: job 3 has waited too long when a lane frees
      await new Promise((resolve) => setTimeout(resolve, 400));
      gates.get(0)!();
      await until(async () => (await readJob(db.sql, ids[3]!)).status === 'DONE', 'job 3 done');
      // handed back (its claim counted) and claimed again: run once, on its second claim
      expect(await readJob(db.sql, ids[3]!)).toMatchObject({ status: 'DONE', attempts: 1, claims: 2 });
      expect(runs.filter((n) => n === 3)).toHaveLength(1);
    } finally {
      for (const release of gates.values()) release();
      await worker.stop();
      await db.sql`DELETE FROM jobs WHERE kind = 'test.waiting'`;
    }
  });

  it('should free a lane while a handler’s last write commits, and wait for that write at stop', async () => {
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const started: number[] = [];
    const worker = newWorker(
      db,
      {
        'test.finishing-write': async (payload, { job, sql }) => {
          const n = (payload as { n: number }).n;
          started.push(n);
          if (n !== 0) return;
          // the first job's last write commits late, and marks it DONE itself
          return { markedDone: committing.then(() => markJobDone(sql, job)) };
        },
      },
      { concurrency: 1 },
    );
    const first = await insertJob(db.sql, 'test.finishing-write', { n: 0 });
    await db.sql`UPDATE jobs SET run_at = now() - interval '1 minute' WHERE id = ${first}`;
    const second = await insertJob(db.sql, 'test.finishing-write', { n: 1 });
    try {
      await worker.start();
      // one lane: the second job ran while the first one's write was still waiting
      await until(async () => (await readJob(db.sql, second)).status === 'DONE', 'the second job done');
      expect(started).toEqual([0, 1]);
      expect(await readJob(db.sql, first)).toMatchObject({ status: 'RUNNING' });
      const stopped = worker.stop();
      setTimeout(commit, 50);
      await stopped;
      expect(await readJob(db.sql, first)).toMatchObject({ status: 'DONE', attempts: 1 });
    } finally {
      commit();
      await worker.stop();
    }
  });
});
