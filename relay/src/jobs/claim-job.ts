// Takes the next job that is due, for one worker, in one statement. The inner SELECT locks the
// row it picks and skips rows other workers hold (FOR UPDATE SKIP LOCKED), so workers of any
// number of relays never wait on each other and never take the same job; the UPDATE marks it
// RUNNING and counts the attempt in the same statement, so a claim is never half made.
//
// A RUNNING job whose lock is older than the lease belonged to a worker that died (process
// killed, machine gone): it is due again. A live worker is never that slow by design; if it is,
// the guards in finish-job.ts make its late answer a no-op.
//
// A worker takes only the kinds it has handlers for. A job nobody here can do (its handler comes
// with a later release, or lives on another relay) waits QUEUED for one that can, instead of
// going DEAD: during a rolling deploy an older relay must not kill the newer kinds' jobs.
import type { Sql } from '../db/database.js';
import type { ClaimedJob } from './job-handlers.js';

export async function claimJob(
  sql: Sql,
  workerId: string,
  leaseSeconds: number,
  kinds: readonly string[],
): Promise<ClaimedJob | undefined> {
  if (kinds.length === 0) return undefined;
  const wanted = sql.array([...kinds]);
  // Two lookups, each walking its own partial index in order and stopping at the first row it can
  // lock: a dead worker's job first (overdue by a lease already), else the longest-due queued one.
  // One query with OR between them could use neither index's order and sorted every due job on
  // every claim: 85 ms a claim with 100,000 queued (an outage's backlog), against 0.05 ms so.
  const rows = await sql<ClaimedJob[]>`
    UPDATE jobs
       SET status = 'RUNNING', attempts = attempts + 1, locked_at = now(), locked_by = ${workerId}, updated_at = now()
     WHERE id = coalesce(
       (SELECT id FROM jobs
         WHERE status = 'RUNNING' AND locked_at < now() - make_interval(secs => ${leaseSeconds}) AND kind = ANY(${wanted})
         ORDER BY locked_at, id
         FOR UPDATE SKIP LOCKED
         LIMIT 1),
       (SELECT id FROM jobs
         WHERE status = 'QUEUED' AND run_at <= now() AND kind = ANY(${wanted})
         ORDER BY run_at, id
         FOR UPDATE SKIP LOCKED
         LIMIT 1))
    RETURNING id, organization_id, kind, payload, attempts, max_attempts, run_at, locked_by, created_at`;
  return rows[0];
}
