// The ways a claimed job ends. Each UPDATE is guarded by the claim (still RUNNING, same worker,
// same attempt): a worker that lost its job (lease taken over, or returned at shutdown) cannot
// overwrite what the job's new owner did. Each answers whether it still owned the job.
import type { Sql } from '../db/database.js';
import type { ClaimedJob } from './job-handlers.js';

const owned = (job: ClaimedJob) => ({ id: job.id, worker: job.locked_by, attempts: job.attempts });

export async function markJobDone(sql: Sql, job: ClaimedJob): Promise<boolean> {
  const { id, worker, attempts } = owned(job);
  const result = await sql`
    UPDATE jobs SET status = 'DONE', locked_at = NULL, locked_by = NULL, last_error = NULL, updated_at = now()
     WHERE id = ${id} AND status = 'RUNNING' AND locked_by = ${worker} AND attempts = ${attempts}`;
  return result.count === 1;
}

/** Back to QUEUED after a failure, due again after delayMs (retry-delay.ts). */
export async function scheduleJobRetry(sql: Sql, job: ClaimedJob, error: string, delayMs: number): Promise<boolean> {
  const { id, worker, attempts } = owned(job);
  const result = await sql`
    UPDATE jobs
       SET status = 'QUEUED', run_at = now() + make_interval(secs => ${delayMs / 1000}),
           locked_at = NULL, locked_by = NULL, last_error = ${error}, updated_at = now()
     WHERE id = ${id} AND status = 'RUNNING' AND locked_by = ${worker} AND attempts = ${attempts}`;
  return result.count === 1;
}

/** For good: out of attempts, or nothing on this relay knows how to run it. Kept for OWNERs to see. */
export async function markJobDead(sql: Sql, job: ClaimedJob, error: string): Promise<boolean> {
  const { id, worker, attempts } = owned(job);
  const result = await sql`
    UPDATE jobs SET status = 'DEAD', locked_at = NULL, locked_by = NULL, last_error = ${error}, updated_at = now()
     WHERE id = ${id} AND status = 'RUNNING' AND locked_by = ${worker} AND attempts = ${attempts}`;
  return result.count === 1;
}

/**
 * Unfinished at shutdown: QUEUED again and due now, for this relay's next start or another
 * relay. The attempt is given back: the job did not fail, the relay stopped under it.
 */
export async function returnJobToQueue(sql: Sql, job: ClaimedJob): Promise<boolean> {
  const { id, worker, attempts } = owned(job);
  const result = await sql`
    UPDATE jobs
       SET status = 'QUEUED', attempts = attempts - 1, run_at = now(), locked_at = NULL, locked_by = NULL,
           updated_at = now()
     WHERE id = ${id} AND status = 'RUNNING' AND locked_by = ${worker} AND attempts = ${attempts}`;
  return result.count === 1;
}

/**
 * Hands back the jobs of claims whose answer never arrived (the connection died after the claim
 * committed): they are RUNNING under a claim token no lane holds, so nothing else would end them
 * before their lease. Their attempt is given back, as for any job the database took from a lane.
 */
export async function returnLostClaims(sql: Sql, claimTokens: readonly string[]): Promise<number> {
  if (claimTokens.length === 0) return 0;
  const result = await sql`
    UPDATE jobs
       SET status = 'QUEUED', attempts = attempts - 1, run_at = now(), locked_at = NULL, locked_by = NULL,
           updated_at = now()
     WHERE status = 'RUNNING' AND locked_by = ANY(${sql.array([...claimTokens])})`;
  return result.count;
}
