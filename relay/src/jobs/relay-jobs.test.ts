// The job loop inside a relay: a job enqueued by a mutation reaches its handler, /metrics tells
// how the queue is doing, and the embedded database's workers find jobs by the poll alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { fillEveryTable } from '../testing/every-table.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';
import { insertJob, readJob, until } from '../testing/job-kit.js';
import { JobHandlers } from './job-handlers.js';

const scrape = async (relay: TestRelay) => (await fetch(`${relay.url}/metrics`)).text();

describe('jobs in a relay on PostgreSQL', () => {
  let db: TestDatabase;
  let relay: TestRelay;

  beforeAll(async () => {
    db = await createTestDatabase('relay_jobs');
    // its own registry, without the default email handlers: this test is the status change's handler
    relay = await startTestRelay(db, { JOBS_POLL_MS: '60000' }, { jobHandlers: new JobHandlers() });
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  it('should hand the request.status_changed job of a request.setStatus mutation to its handler, woken by NOTIFY', async () => {
    const organizationId = await createOrganization(db.sql, 'Harbour Stage');
    const owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
    const { venueId } = await fillEveryTable(db.sql, organizationId, owner.userId);
    const [request] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance, status)
      VALUES (${organizationId}, ${venueId}, ${`RQ-J${randomUUID().slice(0, 8)}`}, 'Robin Agent',
              'robin@example.test', 'Night Shift', 'Autumn Run', '2028-09-01 20:00+00', '2028-09-01 23:00+00', 600,
              'NEW')
      RETURNING id`;
    const received: Array<{ payload: unknown; organizationId: string | null }> = [];
    relay.jobHandlers.register('request.status_changed', async (payload, { job }) => {
      received.push({ payload, organizationId: job.organization_id });
    });

    const { status, body } = await sendBatch(relay, owner.token, {
      organizationId,
      mutations: [
        envelope('request.setStatus', {
          requestId: request!.id,
          decisionId: randomUUID(),
          toStatus: 'REVIEW',
          note: 'looks good',
        }),
      ],
    });
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED' });
    // the poll is a minute away: only the NOTIFY of the insert can wake the worker in time
    await until(() => received.length > 0, 'the handler to receive the job', 20_000);
    expect(received).toEqual([
      {
        organizationId,
        payload: {
          requestId: request!.id,
          fromStatus: 'NEW',
          toStatus: 'REVIEW',
          note: 'looks good',
          actorUserId: owner.userId,
        },
      },
    ]);
    await until(async () => {
      const [job] = await db.sql<{ status: string }[]>`
        SELECT status FROM jobs WHERE payload->>'requestId' = ${request!.id}`;
      return job?.status === 'DONE';
    }, 'the job to be DONE');

    const metrics = await scrape(relay);
    expect(metrics).toContain('promoteros_jobs_processed_total{kind="request.status_changed",outcome="done"} 1');
    expect(metrics).toContain('promoteros_job_duration_seconds_count{kind="request.status_changed"} 1');
  });
});

describe('job metrics on a relay that does not run jobs', () => {
  let db: TestDatabase;
  let relay: TestRelay;

  beforeAll(async () => {
    db = await createTestDatabase('relay_jobs_off');
    relay = await startTestRelay(db, { JOBS_ENABLED: 'false', JOBS_POLL_MS: '10' });
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  it('should report queue depth and how long the oldest due job has waited, and leave the jobs alone', async () => {
    const [due] = await db.sql<{ id: string }[]>`
      INSERT INTO jobs (kind, run_at) VALUES ('test.waiting', now() - interval '90 seconds') RETURNING id`;
    await db.sql`INSERT INTO jobs (kind, run_at) VALUES ('test.later', now() + interval '1 hour')`;
    const metrics = await scrape(relay);
    expect(metrics).toMatch(/^promoteros_jobs_queued 2$/m);
    const age = Number(/^promoteros_jobs_oldest_due_seconds (\S+)$/m.exec(metrics)?.[1]);
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(3600);
    expect(await readJob(db.sql, due!.id)).toMatchObject({ status: 'QUEUED', attempts: 0 });
  });
});

describe('jobs in a relay on embedded PGlite', () => {
  let dir: string;
  let db: Database;
  let relay: TestRelay;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promoteros-jobs-'));
    db = await openDatabase({ dataDir: dir });
    relay = await startTestRelay(db, { JOBS_POLL_MS: '50' }); // migrates
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should find and run queued jobs by the poll alone, each once', async () => {
    expect(db.supportsListen).toBe(false);
    const runs: string[] = [];
    relay.jobHandlers.register('test.embedded', async (_payload, { job }) => void runs.push(job.id));
    const ids: string[] = [];
    for (let n = 0; n < 10; n++) ids.push(await insertJob(db.sql, 'test.embedded', { n }));
    await until(() => runs.length >= 10, 'ten jobs to run');
    await until(async () => {
      const [row] = await db.sql<{ done: number }[]>`
        SELECT count(*)::int AS done FROM jobs WHERE kind = 'test.embedded' AND status = 'DONE'`;
      return row!.done === 10;
    }, 'ten jobs DONE');
    expect([...runs].sort()).toEqual([...ids].sort());
  });
});
