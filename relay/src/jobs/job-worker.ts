// The job loop: `concurrency` lanes, each running one job at a time: its kind's handler, then how
// it ended recorded (finish-job.ts). The lanes share their claims: a lane that finds no job ready
// claims for all of them in one statement (claim-job.ts), and the others take from what it got.
// Claimed jobs wait in `#ready` only until a lane frees up; one that waited long (every lane held
// by a slow mail server) goes back to the queue instead of running near its lease's end, when
// another relay may already be retaking it.
//
// An idle lane sleeps until a NOTIFY on promoteros_jobs (real PostgreSQL: a trigger on insert,
// delivered at commit) or the poll interval, whichever comes first; on the embedded database the
// poll is all there is, and is enough. Retries that come due later are found by the poll too.
//
// stop(): lanes claim nothing more and jobs claimed but not started go back to the queue; handlers
// under way, and the last writes of those that finished, get shutdownTimeoutMs to finish; those still running then are aborted (ctx.signal)
// and their jobs put back to QUEUED for the next start or another relay. A job whose relay dies
// without stop() is taken again after the lease.
//
// Each claim locks its jobs under a token of its own (the worker's id and a claim number). A claim
// can commit and still fail here, when the connection dies before its answer arrives; its jobs
// would then sit RUNNING, held by no lane, until their lease ran out. The worker remembers the
// token of every claim that failed and hands those jobs back before it claims again.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import type { DatabaseWatch } from '../db/database-watch.js';
import { organizationSql } from '../db/as-organizations.js';
import { PermanentJobFailure, type ClaimedJob, type FinishedJob, type JobHandlers } from './job-handlers.js';
import type { JobMetrics } from './job-metrics.js';
import { claimJobs } from './claim-job.js';
import { markJobDead, markJobDone, returnJobToQueue, returnLostClaims, scheduleJobRetry } from './finish-job.js';
import { retryDelayMs } from './retry-delay.js';

export interface JobWorkerOptions {
  readonly handlers: JobHandlers;
  readonly log: FastifyBaseLogger;
  readonly concurrency: number;
  readonly pollMs: number;
  readonly leaseSeconds: number;
  readonly shutdownTimeoutMs: number;
  readonly metrics?: JobMetrics;
  /** while it reports the database down, the lanes wait instead of claiming and failing */
  readonly database?: DatabaseWatch;
}

const LAST_ERROR_MAX = 4000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX)}…` : text;
}

/** A handler's last write still committing after its lane was freed (FinishedJob). */
interface Finishing {
  readonly committed: Promise<void>;
}

export class JobWorker {
  /** names this worker in locked_by (with a claim number): which relay process holds a job */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  #claims = 0;
  /** tokens of claims that failed without an answer: their jobs, if they committed, are no lane's */
  readonly #lostClaims = new Set<string>();
  readonly #db: Database;
  readonly #options: JobWorkerOptions;
  readonly #inFlight = new Map<string, { job: ClaimedJob; abort: AbortController; done: Promise<unknown> }>();
  /** handlers' last writes still committing (FinishedJob), their lanes already on other jobs */
  readonly #finishing = new Set<Promise<void>>();
  /** claimed for the lanes, not started yet, with when (performance.now()) */
  #ready: { job: ClaimedJob; claimedAt: number }[] = [];
  /** the lanes' claim under way: one at a time, the others wait for its jobs */
  #claiming: Promise<number> | undefined;
  #stopped = false;
  #lanes: Promise<void>[] = [];
  #wakers = new Set<() => void>();
  #unlisten: (() => Promise<void>) | undefined;
  /** aborted by stop(): ends a wait for the database */
  readonly #stopping = new AbortController();

  constructor(db: Database, options: JobWorkerOptions) {
    this.#db = db;
    this.#options = options;
  }

  async start(): Promise<void> {
    if (this.#db.supportsListen) {
      const listener = await this.#db.sql.listen('promoteros_jobs', () => this.#wake());
      this.#unlisten = () => listener.unlisten();
    }
    for (let lane = 0; lane < this.#options.concurrency; lane++) this.#lanes.push(this.#runLane());
  }

  /**
   * Claims and runs one due job, if there is one; answers whether there was. Tests call this to
   * step the queue one job at a time; the lanes take their jobs from shared claims instead.
   */
  async work(): Promise<boolean> {
    const [job] = await this.#claim(1);
    if (!job) return false;
    // a test stepping the queue reads the job's end next: wait for the handler's last write too
    await (
      await this.#runClaimed(job)
    )?.committed;
    return true;
  }

  /** Runs a claimed job; resolves when its lane is free, with the handler's last write if it still commits. */
  async #runClaimed(job: ClaimedJob): Promise<Finishing | undefined> {
    if (this.#stopped) {
      // claimed while stop() was handing jobs back: hand this one back too
      await returnJobToQueue(this.#db.sql, job);
      return;
    }
    const abort = new AbortController();
    const done = this.#run(job, abort.signal);
    this.#inFlight.set(job.id, { job, abort, done });
    try {
      return await done;
    } finally {
      this.#inFlight.delete(job.id);
    }
  }

  /** A job for a lane: one already claimed, else from a new claim for every lane. */
  async #nextJob(): Promise<ClaimedJob | undefined> {
    // a job that has waited this long for a lane is handed back rather than run late in its lease
    const staleMs = (this.#options.leaseSeconds * 1000) / 4;
    for (;;) {
      const ready = this.#ready.shift();
      if (ready) {
        if (performance.now() - ready.claimedAt < staleMs) return ready.job;
        await returnJobToQueue(this.#db.sql, ready.job);
        continue;
      }
      if (this.#stopped) return undefined;
      const claiming = (this.#claiming ??= this.#claimForLanes().finally(() => (this.#claiming = undefined)));
      const claimed = await claiming;
      // fewer than asked: nothing more is due; else other lanes may have taken them all: claim again
      if (claimed < this.#options.concurrency && this.#ready.length === 0) return undefined;
    }
  }

  async #claimForLanes(): Promise<number> {
    const jobs = await this.#claim(this.#options.concurrency);
    const claimedAt = performance.now();
    for (const job of jobs) this.#ready.push({ job, claimedAt });
    return jobs.length;
  }

  /** One claim under its own token; the jobs of earlier claims that lost their answer go back first. */
  async #claim(limit: number): Promise<ClaimedJob[]> {
    const { leaseSeconds, handlers, log } = this.#options;
    const sql = this.#db.sql;
    if (this.#lostClaims.size > 0) {
      const tokens = [...this.#lostClaims];
      const returned = await returnLostClaims(sql, tokens);
      for (const token of tokens) this.#lostClaims.delete(token);
      if (returned > 0) log.info({ returned }, 'jobs of a claim whose answer was lost returned to the queue');
    }
    const token = `${this.id}#${++this.#claims}`;
    try {
      return await claimJobs(sql, token, leaseSeconds, handlers.kinds(), limit);
    } catch (error) {
      this.#lostClaims.add(token);
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#stopping.abort();
    await this.#unlisten?.().catch(() => {});
    this.#wake();
    const lanes = Promise.all(this.#lanes);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#options.shutdownTimeoutMs)));
    await Promise.race([lanes, timeout]);
    // the last writes of handlers that have finished (the email ledger's SENT records)
    await Promise.race([Promise.all(this.#finishing), timeout]);
    clearTimeout(timer);
    // claimed but never started (a claim that finished after the lanes stopped)
    for (const { job } of this.#ready.splice(0)) {
      await returnJobToQueue(this.#db.sql, job).catch((error: unknown) =>
        this.#options.log.warn({ err: error, jobId: job.id }, 'could not return a job at shutdown; the lease will'),
      );
    }
    if (this.#lostClaims.size > 0) {
      await returnLostClaims(this.#db.sql, [...this.#lostClaims]).catch((error: unknown) =>
        this.#options.log.warn({ err: error }, 'could not return the jobs of a lost claim at shutdown; the lease will'),
      );
    }
    // still running after the grace period: hand the jobs back, then stop waiting for them
    for (const { job, abort } of [...this.#inFlight.values()]) {
      abort.abort(new Error('the relay is stopping'));
      const returned = await returnJobToQueue(this.#db.sql, job).catch((error: unknown) => {
        this.#options.log.warn({ err: error, jobId: job.id }, 'could not return a job at shutdown; the lease will');
        return false;
      });
      if (returned) {
        this.#options.metrics?.processed.inc({ kind: job.kind, outcome: 'returned' });
        this.#options.log.info({ jobId: job.id, kind: job.kind }, 'job returned to the queue at shutdown');
      }
    }
  }

  async #runLane(): Promise<void> {
    while (!this.#stopped) {
      let worked = false;
      try {
        const job = await this.#nextJob();
        if (job) await this.#runClaimed(job);
        worked = job !== undefined;
      } catch (error) {
        // the database away for a moment: wait until it answers again (the watch says when)
        if (this.#options.database?.noteTrouble(error)) {
          await this.#options.database.whenUp(this.#stopping.signal);
          continue;
        }
        // anything else: wait a poll interval and try again
        if (!this.#stopped) this.#options.log.warn({ err: error }, 'job claim failed; trying again');
      }
      if (!worked && !this.#stopped) await this.#sleep();
    }
  }

  async #run(job: ClaimedJob, signal: AbortSignal): Promise<Finishing | undefined> {
    const { handlers, log, metrics } = this.#options;
    const sql = this.#db.sql;
    const handler = handlers.get(job.kind);
    if (!handler) {
      await markJobDead(sql, job, `no handler for job kind "${job.kind}" on this relay`);
      metrics?.processed.inc({ kind: job.kind, outcome: 'dead' });
      log.error({ jobId: job.id, kind: job.kind }, 'job has no handler; marked DEAD');
      return;
    }
    if (job.attempts > job.max_attempts) {
      // taken again after a lease, with every attempt spent: its workers keep dying on it
      await markJobDead(sql, job, `worker lost during attempt ${job.max_attempts} of ${job.max_attempts} (lease)`);
      metrics?.processed.inc({ kind: job.kind, outcome: 'dead' });
      return;
    }
    const started = process.hrtime.bigint();
    let failure: unknown;
    let failed = false;
    let finished: FinishedJob | void = undefined;
    try {
      const tenant = organizationSql(sql, job.organization_id ? [job.organization_id] : []);
      finished = await handler(job.payload, {
        job,
        sql,
        tenant,
        log: log.child({ jobId: job.id, kind: job.kind }),
        signal,
      });
    } catch (error) {
      failed = true;
      failure = error;
    }
    metrics?.duration.observe({ kind: job.kind }, Number(process.hrtime.bigint() - started) / 1e9);
    if (finished) return this.#whenFinished(job, finished);
    // returned at shutdown while the handler ran: the guards make these no-ops, nothing to count
    if (signal.aborted) return;
    if (!failed) {
      if (await this.#onceReachable(() => markJobDone(sql, job))) {
        metrics?.processed.inc({ kind: job.kind, outcome: 'done' });
      }
      return;
    }
    if (this.#options.database?.noteTrouble(failure)) {
      // the database went away under the handler: not the job's failure, so its attempt is given
      // back and it runs again once the database answers (handlers are safe to run again)
      if (await this.#onceReachable(() => returnJobToQueue(sql, job))) {
        metrics?.processed.inc({ kind: job.kind, outcome: 'returned' });
        log.info({ jobId: job.id, kind: job.kind }, 'job returned to the queue: the database was unreachable');
      }
      return;
    }
    const error = describeError(failure);
    const permanent = failure instanceof PermanentJobFailure;
    if (permanent || job.attempts >= job.max_attempts) {
      if (await this.#onceReachable(() => markJobDead(sql, job, error))) {
        metrics?.processed.inc({ kind: job.kind, outcome: 'dead' });
      }
      const why = permanent ? 'job failed for good (no retry can help)' : 'job failed its last attempt';
      log.error({ jobId: job.id, kind: job.kind, err: failure }, `${why}; marked DEAD`);
      return;
    }
    if (await this.#onceReachable(() => scheduleJobRetry(sql, job, error, retryDelayMs(job.attempts)))) {
      metrics?.processed.inc({ kind: job.kind, outcome: 'retry' });
    }
    log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: failure }, 'job failed; retrying later');
  }

  /**
   * A handler's last write, committing while its lane runs another job. Should it fail, the job
   * stays RUNNING and is taken again after its lease, as after a relay that died there.
   */
  #whenFinished(job: ClaimedJob, finished: FinishedJob): Finishing {
    const { log, metrics } = this.#options;
    const settled = finished.markedDone.then(
      (marked) => {
        if (marked) metrics?.processed.inc({ kind: job.kind, outcome: 'done' });
      },
      (error: unknown) =>
        log.warn({ err: error, jobId: job.id, kind: job.kind }, 'could not record how a job ended; the lease will'),
    );
    this.#finishing.add(settled);
    void settled.finally(() => this.#finishing.delete(settled));
    // wrapped: a promise returned from an async function would be waited for with it
    return { committed: settled };
  }

  /**
   * Runs a write that records how a job ended, again once the database answers if it could not
   * be reached; gives up at stop() (the job's lease hands it to the next worker).
   */
  async #onceReachable(write: () => Promise<boolean>): Promise<boolean> {
    const { database } = this.#options;
    for (;;) {
      try {
        return await write();
      } catch (error) {
        if (!database?.noteTrouble(error) || this.#stopped) throw error;
        await database.whenUp(this.#stopping.signal);
        if (this.#stopped) throw error;
      }
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.#options.pollMs);
      this.#wakers.add(done);
    });
  }

  #wake(): void {
    for (const waker of [...this.#wakers]) waker();
  }
}
