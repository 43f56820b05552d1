// npm run bench:intake — the public intake form under load.
//
//   rps / p99_ms   JSON submissions of the intake form (each a valid request with its own form
//                  token), 20 s at a fixed concurrency; every answer must be 201
//   healthz_rps    GET /healthz at the same concurrency for 20 s, in the same run: what the relay
//                  and its database answer when a request does almost nothing
//   ratio          rps / healthz_rps                      (targets: ratio ≥ 0.3, p99 ≤ 100 ms)
//   lost           accepted submissions that are not a request in PostgreSQL with its three jobs
//                  (the requester's confirmation and one note per OWNER and MANAGER)   (target 0)
// The relay runs in its own process on a fresh PostgreSQL database, with the per-address limit
// lifted (INTAKE_RATE_LIMIT) and form tokens made with its secret, as old as a person's would be.
// Its job loop is off (JOBS_ENABLED=false): the emails a submission queues are checked here, and
// sending them is bench:jobs' subject; a backlog drained while /healthz runs would lower the floor.
// The two loads take turns in slices of SECONDS / SLICES, so that what else runs on the machine
// weighs on both alike. Prints one JSON line; progress goes to stderr.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '@promoteros/relay/testing/test-database';
import { createMember, createOrganization, createVenue } from '@promoteros/relay/testing/fixtures';
import { FormTokens } from '../relay/src/intake/form-token.js';
import { percentile, processCpuMs, startRelayProcess, rowLevelSecurity } from './relay-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SLICES = Number(process.env.BENCH_SLICES ?? 4);
const WARM_UP_SECONDS = 5;
const targets = { ratio_min: 0.3, lost: 0, p99_ms_max: 100 };
const progress = (message: string) => process.stderr.write(`bench:intake ${message}\n`);

interface Load {
  readonly count: number;
  readonly failed: number;
  readonly latencies: number[];
  readonly seconds: number;
}

/** `concurrency` loops each sending one request after another for `seconds`. */
async function load(seconds: number, send: () => Promise<boolean>): Promise<Load> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await send();
        latencies.push(performance.now() - t0);
        if (!ok) failed += 1;
      }
    }),
  );
  return { count: latencies.length, failed, latencies, seconds: (performance.now() - started) / 1000 };
}

/** Slices of one load as one. */
function together(slices: readonly Load[]): Load {
  return {
    count: slices.reduce((sum, l) => sum + l.count, 0),
    failed: slices.reduce((sum, l) => sum + l.failed, 0),
    latencies: slices.flatMap((l) => l.latencies),
    seconds: slices.reduce((sum, l) => sum + l.seconds, 0),
  };
}

/** CPU (ms) that the relay, its PostgreSQL backends and this load generator spend on one load. */
interface CpuSpent {
  relay: number;
  postgres: number;
  client: number;
}

async function measuredCpu(relayPid: number, backends: () => Promise<number[]>, run: () => Promise<Load>) {
  const pids = await backends();
  const sum = (list: number[]) => list.reduce((total, pid) => total + processCpuMs(pid), 0);
  const relay0 = processCpuMs(relayPid);
  const postgres0 = sum(pids);
  const client0 = process.cpuUsage();
  const result = await run();
  const client = process.cpuUsage(client0);
  const spent: CpuSpent = {
    relay: processCpuMs(relayPid) - relay0,
    postgres: sum(pids) - postgres0,
    client: (client.user + client.system) / 1000,
  };
  return { result, spent };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const dateAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_intake');
  let relay: { url: string; child: ChildProcess } | undefined;
  try {
    const organizationId = await createOrganization(db.sql, 'Bench Live');
    const venueId = await createVenue(db.sql, organizationId, {
      name: 'Bench Hall',
      timezone: 'America/Los_Angeles',
      capacity: 1500,
    });
    await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
    await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    await createMember(db.sql, [{ organizationId, role: 'STAFF' }]);
    const [slugs] = await db.sql<{ org: string; venue: string }[]>`
      SELECT o.slug AS org, v.slug AS venue FROM venues v JOIN organizations o ON o.id = v.organization_id
       WHERE v.id = ${venueId}`;

    const secret = randomBytes(32).toString('base64url');
    process.env.AUTH_SECRET = secret;
    process.env.INTAKE_RATE_LIMIT = '10000000';
    process.env.JOBS_ENABLED = 'false';
    progress('starting the relay');
    relay = await startRelayProcess(db);
    const target = `${relay.url}/request/${slugs!.org}/${slugs!.venue}`;
    const tokens = new FormTokens(secret, 0);

    const accepted: string[] = [];
    // The forms are written before each slice, not while it runs: signing a token and writing the
    // JSON is the load generator's work, not the relay's, and costs this process about as much CPU
    // as a fetch to /healthz (docs/intake-page.md).
    let n = 0;
    const form = (): string => {
      n += 1;
      return JSON.stringify({
        formToken: tokens.issue(venueId, Date.now() - 60_000),
        website: '',
        name: `Agent ${n}`,
        email: `agent-${n}@example.com`,
        artist: `Band ${n}`,
        eventTitle: `Night ${n}`,
        description: 'A standing show with two support acts.',
        preferredDate: dateAhead(30 + (n % 300)),
        startTime: '20:00',
        endTime: '23:30',
        expectedAttendance: String(100 + (n % 1000)),
        budgetMin: '2500',
        budgetMax: '5000',
      });
    };
    const forms: string[] = [];
    /** Enough forms for `seconds` at the best rate seen so far, and half as many again. */
    const writeForms = (seconds: number, rate: number) => {
      const wanted = Math.ceil(rate * seconds * 1.5);
      while (forms.length < wanted) forms.push(form());
    };
    const submit = async (): Promise<boolean> => {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        // written on the spot only should a slice outrun its estimate
        body: forms.pop() ?? form(),
      });
      const body = (await response.json()) as { reference?: string };
      if (response.status !== 201 || !body.reference) return false;
      accepted.push(body.reference);
      return true;
    };
    const healthz = async (): Promise<boolean> => {
      const response = await fetch(`${relay!.url}/healthz`);
      await response.arrayBuffer();
      return response.ok;
    };

    progress('warming up');
    const warmUp = await load(WARM_UP_SECONDS, submit);
    let bestRate = warmUp.count / warmUp.seconds;
    await load(WARM_UP_SECONDS, healthz);
    const warmUpAccepted = accepted.length;
    const submitted: Load[] = [];
    const answered: Load[] = [];
    const cpu = { submissions: { relay: 0, postgres: 0, client: 0 }, healthz: { relay: 0, postgres: 0, client: 0 } };
    const add = (to: CpuSpent, spent: CpuSpent) => {
      to.relay += spent.relay;
      to.postgres += spent.postgres;
      to.client += spent.client;
    };
    // the relay's pool and this script's connections: every backend of the bench's database
    const backends = async () =>
      (await db.sql<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`).map(
        (r) => r.pid,
      );
    for (let slice = 1; slice <= SLICES; slice += 1) {
      progress(
        `slice ${slice}/${SLICES}: submitting, then GET /healthz, ${SECONDS / SLICES} s each at concurrency ${CONCURRENCY}`,
      );
      writeForms(SECONDS / SLICES, bestRate);
      const filing = await measuredCpu(relay.child.pid!, backends, () => load(SECONDS / SLICES, submit));
      submitted.push(filing.result);
      bestRate = Math.max(bestRate, filing.result.count / filing.result.seconds);
      add(cpu.submissions, filing.spent);
      const health = await measuredCpu(relay.child.pid!, backends, () => load(SECONDS / SLICES, healthz));
      answered.push(health.result);
      add(cpu.healthz, health.spent);
    }
    const submissions = together(submitted);
    const health = together(answered);
    const perRequest = (spent: CpuSpent, count: number) => ({
      relay: round(spent.relay / count, 3),
      postgres: round(spent.postgres / count, 3),
      client: round(spent.client / count, 3),
    });

    progress(`checking ${accepted.length} accepted submissions in PostgreSQL`);
    const filed = await db.sql<{ reference: string }[]>`
      WITH queued AS (
        SELECT payload->>'requestId' AS request_id, count(*) AS jobs FROM jobs
         WHERE organization_id = ${organizationId} AND kind IN ('request.received', 'request.new_for_manager')
         GROUP BY 1)
      SELECT r.reference FROM event_requests r JOIN queued q ON q.request_id = r.id::text AND q.jobs = 3
       WHERE r.organization_id = ${organizationId}
         AND EXISTS (SELECT 1 FROM decision_logs d WHERE d.request_id = r.id AND d.to_status = 'NEW')`;
    const complete = new Set(filed.map((r) => r.reference));
    const lost = accepted.filter((reference) => !complete.has(reference)).length;

    const sorted = [...submissions.latencies].sort((a, b) => a - b);
    const rps = submissions.count / submissions.seconds;
    const healthzRps = health.count / health.seconds;
    const p99 = percentile(sorted, 99);
    const ratio = rps / healthzRps;
    console.log(
      JSON.stringify({
        bench: 'intake',
        row_level_security: rowLevelSecurity,
        concurrency: CONCURRENCY,
        seconds: SECONDS,
        slices: SLICES,
        rps: round(rps),
        p50_ms: round(percentile(sorted, 50)),
        p99_ms: round(p99),
        healthz_rps: round(healthzRps),
        // CPU ms per request, by process: where a submission's cost goes, against /healthz's
        cpu_ms_per_submission: perRequest(cpu.submissions, submissions.count),
        cpu_ms_per_healthz: perRequest(cpu.healthz, health.count),
        ratio: round(ratio, 3),
        accepted: accepted.length - warmUpAccepted,
        refused: submissions.failed,
        lost,
        targets,
        met:
          ratio >= targets.ratio_min && lost <= targets.lost && p99 <= targets.p99_ms_max && submissions.failed === 0,
      }),
    );
  } finally {
    relay?.child.kill('SIGTERM');
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
