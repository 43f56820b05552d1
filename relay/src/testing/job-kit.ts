// For the tests of the job loop (relay/src/jobs) and its emails (relay/src/notify): jobs inserted
// as the relay's code does, a worker with a silent log, and a wait for a condition (behaviour, not
// a timing).
import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Sql } from '../db/database.js';
import { JobHandlers, type JobHandler } from '../jobs/job-handlers.js';
import { JobWorker, type JobWorkerOptions } from '../jobs/job-worker.js';

export const silentLog = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

export async function insertJob(
  sql: Sql,
  kind: string,
  payload: Record<string, unknown> = {},
  fields: { maxAttempts?: number } = {},
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO jobs (kind, payload, max_attempts)
    VALUES (${kind}, ${sql.json(payload as never)}, ${fields.maxAttempts ?? 10}) RETURNING id`;
  return row!.id;
}

export interface JobRow {
  status: string;
  attempts: number;
  claims: number;
  last_error: string | null;
  locked_by: string | null;
}

export async function readJob(sql: Sql, id: string): Promise<JobRow> {
  const [row] = await sql<JobRow[]>`SELECT status, attempts, claims, last_error, locked_by FROM jobs WHERE id = ${id}`;
  return row!;
}

export function newWorker(
  db: Database,
  handlers: Record<string, JobHandler>,
  options: Partial<Omit<JobWorkerOptions, 'handlers'>> = {},
): JobWorker {
  return new JobWorker(db, {
    handlers: new JobHandlers(handlers),
    log: silentLog,
    concurrency: 2,
    pollMs: 50,
    leaseSeconds: 60,
    shutdownTimeoutMs: 10_000,
    ...options,
  });
}

/** Resolves when check() is true; fails after a generous deadline so a broken loop fails the test. */
export async function until(check: () => Promise<boolean> | boolean, what: string, deadlineMs = 20_000) {
  const give = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > give) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
