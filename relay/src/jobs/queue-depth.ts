// How far behind the queue is, read when /metrics is scraped: jobs waiting, and how long the
// longest-waiting due job has been due (0 when none is due).
import type { Sql } from '../db/database.js';

export interface QueueDepth {
  readonly queued: number;
  readonly oldestDueSeconds: number;
}

export async function readQueueDepth(sql: Sql): Promise<QueueDepth> {
  const [row] = await sql<{ queued: number; oldest_due_seconds: number }[]>`
    SELECT count(*)::int AS queued,
           coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE run_at <= now())), 0)::float8
             AS oldest_due_seconds
      FROM jobs WHERE status = 'QUEUED'`;
  return { queued: row?.queued ?? 0, oldestDueSeconds: row?.oldest_due_seconds ?? 0 };
}
