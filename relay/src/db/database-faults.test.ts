// The relay under database faults, as a failover or a managed database's maintenance causes
// them: its backends terminated again and again, then PostgreSQL stopped and started, while
// devices upload mutation batches, the public form files requests, long-polls wait and jobs run.
// The relay runs in a process of its own so that a crash would show; the database is a private
// cluster (relay/src/testing/private-cluster.ts) so that stopping it touches no other test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ShapeStream, Shape } from '@electric-sql/client';
import postgres from 'postgres';
import { migrate } from './migrate.js';
import type { Sql } from './database.js';
import { privateClusterUnavailable, startPrivateCluster, type PrivateCluster } from '../testing/private-cluster.js';
import { startRelayChild, type RelayChild } from '../testing/relay-child.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable } from '../testing/every-table.js';
import { intakeWorld, validFields, type IntakeWorld } from '../testing/intake-world.js';
import { FormTokens } from '../intake/form-token.js';

// this file's own ports (55430-55439 are reserved for the faults tests)
const PORT = 55431;
const AUTH_SECRET = 'faults-secret-faults-secret-faults-secret';
const unavailable = privateClusterUnavailable();
if (unavailable) console.warn(`database-faults.test.ts skipped: ${unavailable}`);

/** Every answer the relay gave, to check that none was a 500 and every 503 said when to retry. */
interface Answer {
  readonly what: string;
  readonly status: number | 'no answer';
  readonly retryAfter?: string | null;
  readonly code?: string;
}

/** set once the relay process is started: whether it has ended */
let relayGone = () => false;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (relayGone()) throw new Error(`the relay process ended while waiting for ${what}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

describe.skipIf(unavailable)('the relay when its database fails', () => {
  let cluster: PrivateCluster;
  let sql: Sql;
  let relay: RelayChild;
  let organizationId: string;
  let eventId: string;
  let owner: TestMember;
  let intake: IntakeWorld;
  const answers: Answer[] = [];

  /** fetch, recording what came back; a 503 must say when to come back */
  async function call(what: string, url: string, init: RequestInit = {}) {
    try {
      const response = await fetch(url, init);
      const text = await response.text();
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        code = undefined;
      }
      answers.push({ what, status: response.status, retryAfter: response.headers.get('retry-after'), code });
      return { status: response.status, text };
    } catch {
      answers.push({ what, status: 'no answer' });
      return { status: 0, text: '' };
    }
  }

  beforeAll(async () => {
    cluster = await startPrivateCluster(PORT);
    const url = await cluster.createDatabase('relay_faults');
    sql = postgres(url, { max: 2, onnotice: () => {}, types: { bigint: postgres.BigInt } });
    await migrate(sql);
    organizationId = await createOrganization(sql, 'Harbour Hall');
    owner = await createMember(sql, [{ organizationId, role: 'OWNER' }]);
    eventId = (await fillEveryTable(sql, organizationId, owner.userId)).eventId;
    intake = await intakeWorld(sql);
    relay = await startRelayChild({
      DATABASE_URL: url,
      AUTH_SECRET,
      LOG_LEVEL: 'warn',
      LIVE_POLL_TIMEOUT_MS: '1500',
      INTAKE_RATE_LIMIT: '1000000',
      // idle job lanes wake by NOTIFY alone in this test: jobs queued after the outage finish
      // only if the relay's LISTEN connection came back
      JOBS_POLL_MS: '120000',
      HOLD_EXPIRY_INTERVAL_SECONDS: '1',
    });
    relayGone = () => relay.exitCode() !== null;
  });
  afterAll(async () => {
    await relay?.stop();
    await sql?.end({ timeout: 1 });
    await cluster?.destroy();
  });

  const healthz = async () => {
    const response = await fetch(`${relay.url}/healthz`);
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as { database: string },
    };
  };
  const metrics = async () => (await fetch(`${relay.url}/metrics`)).text();

  it('should report the database down on /healthz and in the metrics while it is stopped, and up again once it is back', async () => {
    const before = await healthz();
    expect(before).toMatchObject({ status: 200, body: { database: 'up' } });
    expect(metric(await metrics(), 'promoteros_database_up')).toBe(1);
    const reconnectsBefore = metric(await metrics(), 'promoteros_database_reconnects_total');

    await cluster.stop();
    const down = await healthz();
    expect(down).toMatchObject({ status: 503, retryAfter: '2', body: { database: 'down' } });
    const during = await metrics();
    expect(metric(during, 'promoteros_database_up')).toBe(0);
    expect(metric(during, 'promoteros_database_connection_errors_total')).toBeGreaterThan(0);

    await cluster.start();
    // nothing asks: the relay finds out by itself that the database is back
    await until('the relay to see the database again', async () =>
      metric(await metrics(), 'promoteros_database_up') === 1 ? true : undefined,
    );
    expect(await healthz()).toMatchObject({ status: 200, body: { database: 'up' } });
    expect(metric(await metrics(), 'promoteros_database_reconnects_total')).toBe(reconnectsBefore + 1);
    expect(relay.exitCode(), relay.output().slice(-4000)).toBeNull();
  });

  it('should stay up through terminated backends and a restart, answer 503 or succeed, and lose no acknowledged write', async () => {
    let loadRunning = true;
    const acknowledgedTasks: string[] = [];
    const acknowledgedEdits: string[] = [];
    const acknowledgedRequests: string[] = [];
    const tokens = new FormTokens(AUTH_SECRET, 0);

    // a device: batches of new tasks, each sent again (the same batch) until it is acknowledged
    const device = async (name: string) => {
      while (loadRunning) {
        const taskIds = [randomUUID(), randomUUID(), randomUUID()];
        const mutations = taskIds.map((taskId, i) => ({
          id: randomUUID(),
          name: 'task.create',
          args: { taskId, eventId, title: `${name} task ${i}` },
          at: new Date().toISOString(),
          after: [],
        }));
        const body = JSON.stringify({ organizationId, mutations });
        for (;;) {
          const answer = await call('POST /v1/mutations', `${relay.url}/v1/mutations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
            body,
          });
          if (answer.status === 200) {
            const { results } = JSON.parse(answer.text) as { results: { outcome: string }[] };
            expect(results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
            acknowledgedTasks.push(...taskIds);
            acknowledgedEdits.push(...mutations.map((m) => m.id));
            break;
          }
          await sleep(100);
        }
      }
    };
    // the public form: a request sent again (the same form) until it is filed
    let sentForms = 0;
    const submitRequest = async () => {
      sentForms += 1;
      const formToken = tokens.issue(intake.venueId, Date.now() - 60_000);
      const body = JSON.stringify({ ...validFields({ email: `agent-${sentForms}@example.com` }), formToken });
      for (;;) {
        const answer = await call('POST /request', `${relay.url}${intake.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body,
        });
        if (answer.status === 201 || answer.status === 200) {
          acknowledgedRequests.push((JSON.parse(answer.text) as { reference: string }).reference);
          return;
        }
        await sleep(100);
      }
    };
    const requester = async () => {
      while (loadRunning) await submitRequest();
    };

    // a desktop's live subscription to the show's tasks, through the real client
    const controller = new AbortController();
    const tasks = new Shape(
      new ShapeStream({
        url: `${relay.url}/v1/shape`,
        params: { table: 'event_tasks', where: '"organization_id" = $1', params: [organizationId] },
        headers: { Authorization: `Bearer ${owner.token}` },
        signal: controller.signal,
        backoffOptions: { initialDelay: 100, maxDelay: 1000, multiplier: 1.5 },
        fetchClient: async (input, init) => {
          try {
            const response = await fetch(input, init);
            answers.push({
              what: 'GET /v1/shape',
              status: response.status,
              retryAfter: response.headers.get('retry-after'),
            });
            return response;
          } catch (error) {
            if (!controller.signal.aborted) answers.push({ what: 'GET /v1/shape', status: 'no answer' });
            throw error;
          }
        },
      }),
    );
    await tasks.rows;

    const load = Promise.all([device('north'), device('south'), requester()]);
    await sleep(500);
    // a failover's worth of dropped connections, again and again under load
    let terminated = 0;
    for (let round = 0; round < 6; round += 1) {
      terminated += await cluster.terminateBackends('relay_faults');
      await sleep(300);
    }
    expect(terminated).toBeGreaterThan(0);
    // PostgreSQL restarts: a few seconds in which nothing connects
    await cluster.stop();
    await sleep(2500);
    await cluster.start();
    await until('the relay to see the database again', async () =>
      (await fetch(`${relay.url}/healthz`)).status === 200 ? true : undefined,
    );
    await sleep(1000);
    loadRunning = false;
    await load;

    // everything resumes without a restart of the relay: an upload after the outage reaches the
    // live subscription, and every job the requests queued runs to its end
    const lateTask = randomUUID();
    const late = await call('POST /v1/mutations', `${relay.url}/v1/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({
        organizationId,
        mutations: [
          {
            id: randomUUID(),
            name: 'task.create',
            args: { taskId: lateTask, eventId, title: 'after the outage' },
            at: new Date().toISOString(),
            after: [],
          },
        ],
      }),
    });
    expect(late.status).toBe(200);
    await until('the live subscription to show the task uploaded after the outage', async () =>
      tasks.currentRows.some((row) => row.id === lateTask) ? true : undefined,
    );
    const jobsEnded = async () => {
      const rows = await sql<{ status: string; last_error: string | null }[]>`
        SELECT status, last_error FROM jobs WHERE organization_id = ${intake.organizationId}`;
      return rows.every((r) => r.status === 'DONE' || r.status === 'DEAD') ? rows : undefined;
    };
    // a request filed now queues jobs that only a NOTIFY wakes the idle lanes for; sent again
    // (a new request) in case the first came before the relay listened again
    let jobs: Awaited<ReturnType<typeof jobsEnded>>;
    for (let tries = 0; tries < 4 && !jobs; tries += 1) {
      await submitRequest();
      jobs = await until('the jobs to finish', jobsEnded, 3000).catch(() => undefined);
    }
    expect(jobs, 'the jobs queued after the outage never ran: is the LISTEN connection back?').toBeDefined();
    controller.abort();

    expect(relay.exitCode(), relay.output().slice(-4000)).toBeNull();
    expect(relay.output()).not.toMatch(/TypeError|uncaught/i);

    // every answer was a success or a 503 that said when to try again; never a 500, never silence
    const statuses = new Set(answers.map((a) => `${a.what} ${a.status}`));
    expect([...statuses].filter((s) => !/ (200|201|503)$/.test(s))).toEqual([]);
    const refusals = answers.filter((a) => a.status === 503);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.filter((a) => !a.retryAfter)).toEqual([]);
    expect(refusals.filter((a) => a.what !== 'GET /v1/shape' && a.code !== 'database_unavailable')).toEqual([]);

    // every acknowledged write is there, once
    expect(acknowledgedTasks.length).toBeGreaterThan(0);
    expect(acknowledgedRequests.length).toBeGreaterThan(0);
    const [stored] = await sql<{ tasks: number; ledger: number; audits: number; requests: number }[]>`
      SELECT (SELECT count(*)::int FROM event_tasks WHERE id = ANY(${acknowledgedTasks}::uuid[])) AS tasks,
             (SELECT count(*)::int FROM mutation_ledger WHERE id = ANY(${acknowledgedEdits}::uuid[])) AS ledger,
             (SELECT count(*)::int FROM audit_logs
               WHERE action = 'task.create' AND entity_id = ANY(${acknowledgedTasks}::uuid[])) AS audits,
             (SELECT count(*)::int FROM event_requests WHERE reference = ANY(${acknowledgedRequests})) AS requests`;
    expect(stored).toEqual({
      tasks: acknowledgedTasks.length,
      ledger: acknowledgedEdits.length,
      audits: acknowledgedTasks.length,
      requests: acknowledgedRequests.length,
    });
    // no job failed because the database was away
    expect(jobs!.length).toBeGreaterThanOrEqual(acknowledgedRequests.length);
    expect(jobs!.filter((j) => j.status !== 'DONE' || j.last_error !== null)).toEqual([]);
  }, 90_000);
});
