// Takes the jobs that are due, up to `limit`, for one worker, in one statement. The inner SELECTs
// lock the rows they pick and skip rows other workers hold (FOR UPDATE SKIP LOCKED), so workers
// of any number of relays never wait on each other and never take the same job; the UPDATE marks
// them RUNNING and counts the attempt and the claim in the same statement, so a claim is never
// half made. One statement for several jobs: the job loop claims for its idle lanes together
// (job-worker.ts), where a claim per job was a fifth of an email's database work.
//
// A RUNNING job whose lock is older than the lease belonged to a worker that died (process
// killed, machine gone): it is due again, before any queued job. A live worker is never that slow
// by design; if it is, the guards in finish-job.ts make its late answer a no-op.
//
// A worker takes only the kinds it has handlers for. A job nobody here can do (its handler comes
// with a later release, or lives on another relay) waits QUEUED for one that can, instead of
// going DEAD: during a rolling deploy an older relay must not kill the newer kinds' jobs.
import type { Sql } from '../db/database.js';
import type { ClaimedJob } from './job-handlers.js';

export async function claimJobs(
  sql: Sql,
  workerId: string,
  leaseSeconds: number,
  kinds: readonly string[],
  limit: number,
): Promise<ClaimedJob[]> {
  if (kinds.length === 0 || limit < 1) return [];
  const wanted = sql.array([...kinds]);
  // Two lookups, each walking its own partial index in order and stopping once it has locked
  // enough rows: dead workers' jobs first (overdue by a lease already), then the longest-due
  // queued ones. One query with OR between them could use neither index's order and would sort
  // every due job on every claim, a cost that grows with the backlog an outage leaves (docs/jobs.md).
  // `picked` reads the second lookup only as far as the first leaves room for.
  const rows = await sql<ClaimedJob[]>`
    WITH lapsed AS (
      SELECT id FROM jobs
       WHERE status = 'RUNNING' AND locked_at < now() - make_interval(secs => ${leaseSeconds}) AND kind = ANY(${wanted})
       ORDER BY locked_at, id
       FOR UPDATE SKIP LOCKED
       LIMIT ${limit}
    ), due AS (
      SELECT id FROM jobs
       WHERE status = 'QUEUED' AND run_at <= now() AND kind = ANY(${wanted})
       ORDER BY run_at, id
       FOR UPDATE SKIP LOCKED
       LIMIT ${limit}
    ), picked AS (
      SELECT id FROM lapsed UNION ALL SELECT id FROM due LIMIT ${limit}
    )
    UPDATE jobs
       SET status = 'RUNNING', attempts = attempts + 1, claims = claims + 1, locked_at = now(),
           locked_by = ${workerId}, updated_at = now()
      FROM picked
     WHERE jobs.id = picked.id
    RETURNING jobs.id, jobs.organization_id, jobs.kind, jobs.payload, jobs.attempts, jobs.claims,
              jobs.max_attempts, jobs.run_at, jobs.locked_by, jobs.created_at`;
  // RETURNING comes in no particular order: the longest-due first, as the lanes would take them
  return [...rows].sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || Number(BigInt(a.id) - BigInt(b.id)));
}
