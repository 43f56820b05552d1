// npm run bench:jobs — email through the job loop, and settlement sheets drawn to PDF.
//
//   emails_per_s        1,000 `request.received` jobs inserted at once into a fresh PostgreSQL
//                       database, delivered by a real relay's job loop (claim, letter read from
//                       the database, SMTP, the email_deliveries ledger, DONE) to a local SMTP
//                       sink; from the insert to the last job DONE
//   floor_emails_per_s  the same letter sent 1,000 times by a plain nodemailer loop, one send
//                       after another, to the same sink, same run: nodemailer set up as the relay
//                       sets it up (one kept connection, Nagle off: relay/src/mail/mailer.ts);
//                       half of it before the queue's run and half after, so that other load on
//                       the shared machine weighs on both alike
//   cpu_ms_per_email    CPU by process for an email through the queue (relay, its PostgreSQL
//                       backends, the sink), against the floor's (floor_cpu_ms_per_email)
//   ratio               emails_per_s / floor_emails_per_s               (target ≥ 0.7)
//   default_floor_emails_per_s  the loop with nodemailer's defaults (a connection per message, and
//                       each message's last line held back by Nagle against the server's delayed
//                       ACK): what a naive loop does, shown for comparison, not the floor
//   parallel_floor_emails_per_s / parallel_ratio  the stricter floor: the relay's own mailer
//                       (pooled, Nagle off: relay/src/mail/mailer.ts) sending as many at once
//                       as the relay has lanes, with no queue: what the queue's own work costs
//   pdf_p50_ms / pdf_p99_ms  settlement sheets rendered (bench/jobs-pdf.ts), in the relay's PDF
//                       drawing worker; pdf_event_loop_max_block_ms the longest the main thread's
//                       event loop was held meanwhile
// The relay runs in its own process and the SMTP sink in another (bench/smtp-sink-process.ts), as
// they would in life; the floors' loops run in this one. Every message must reach the sink once by
// its Message-ID (each_once), and no job may end DEAD, else `met` is false.
// Prints one JSON line; progress goes to stderr.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { createTestDatabase } from '@promoteros/relay/testing/test-database';
import { loadConfig } from '../relay/src/config.js';
import { createNotifyWorld, workflowPayloads } from '@promoteros/relay/testing/notify-world';
import { writeRequestReceived } from '../relay/src/notify/request-letters.js';
import { createSmtpMailer } from '../relay/src/mail/mailer.js';
import { measureSettlementPdf } from './jobs-pdf.js';
import { processCpuMs, startRelayProcess } from './relay-process.js';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 1000);
const LANES = Number(process.env.BENCH_LANES ?? 8);
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 100);
const WARM_UP = 50;
const targets = { ratio_min: 0.7 };
const progress = (message: string) => process.stderr.write(`bench:jobs ${message}\n`);

/** The SMTP sink in its own process (bench/smtp-sink-process.ts), asked over IPC. */
async function startSink() {
  const child = fork(fileURLToPath(new URL('./smtp-sink-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const answers: Array<(message: Record<string, number>) => void> = [];
  const first = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    answers.push((message) => resolve(message.port!));
  });
  child.on('message', (message) => answers.shift()?.(message as Record<string, number>));
  const ask = (question: 'count' | 'reset') =>
    new Promise<Record<string, number>>((resolve) => {
      answers.push(resolve);
      child.send(question);
    });
  const port = await first;
  return {
    pid: child.pid!,
    url: `smtp://127.0.0.1:${port}`,
    count: async () => (await ask('count')) as { distinct: number; duplicates: number },
    reset: () => ask('reset'),
    /** resolves once `count` distinct Message-IDs have arrived */
    async distinct(count: number) {
      while ((await ask('count')).distinct! < count) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    stop: () => {
      child.disconnect();
      return new Promise<void>((resolve) => child.once('exit', () => resolve()));
    },
  };
}

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_jobs');
  const sink = await startSink();
  let relay: { url: string; child: ChildProcess } | undefined;
  try {
    const world = await createNotifyWorld(db.sql);
    const payload = workflowPayloads(world)['request.received'];
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'never',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      JOBS_CONCURRENCY: String(LANES),
    });
    // the relay in its own process, as it runs in life (its env is this process's)
    Object.assign(process.env, {
      SMTP_URL: sink.url,
      JOBS_ENABLED: 'true',
      JOBS_CONCURRENCY: String(LANES),
      HOLD_EXPIRY_INTERVAL_SECONDS: '86400',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
    });
    progress(`starting a relay process with ${LANES} job lanes`);
    relay = await startRelayProcess(db);

    const queue = async (count: number) => {
      const ids = await db.sql<{ id: string }[]>`
        INSERT INTO jobs (organization_id, kind, payload)
        SELECT ${world.organizationId}, 'request.received', ${db.sql.json(payload as never)}
          FROM generate_series(1, ${count})
        RETURNING id`;
      return ids.length;
    };
    const allDone = async () => {
      for (;;) {
        const [row] = await db.sql<{ left: number }[]>`SELECT count(*)::int AS left FROM jobs WHERE status <> 'DONE'`;
        if (row!.left === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    const written = await writeRequestReceived(payload, { sql: db.sql, mailFrom: config.MAIL_FROM });
    const letter = written!.letter;
    const mail = {
      from: written!.from,
      to: [...letter.to],
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
    };
    /** `count` sends, `at` at a time, after a warm-up of their own; answers seconds */
    const timed = async (at: number, send: (n: number) => Promise<unknown>, count = EMAILS, first = 0) => {
      await Promise.all(Array.from({ length: Math.min(WARM_UP, at * 5) }, (_, n) => send(-first - n - 1)));
      let next = first;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: at }, async () => {
          while (next < first + count) await send(next++);
        }),
      );
      return (performance.now() - started) / 1000;
    };

    progress(`warming up with ${WARM_UP} emails`);
    await queue(WARM_UP);
    await sink.distinct(WARM_UP);
    await allDone();
    // CPU by process, to say where an email's cost goes (the relay's PostgreSQL backends included)
    const relayPids = (
      await db.sql<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
    ).map((r) => r.pid);
    const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    const floorCpu = { loop: 0, sink: 0 };
    let floorSeconds = 0;
    const loop = createSmtpMailer({ smtpUrl: sink.url, from: config.MAIL_FROM, pool: 1 });
    /** the floor: nodemailer set up as the relay sets it up, one send after another */
    const floorRun = async (count: number, first: number) => {
      const floor0 = { loop: process.cpuUsage(), sink: processCpuMs(sink.pid) };
      floorSeconds += await timed(
        1,
        (n) => loop.send({ ...mail, messageId: `<floor-${n}@promoteros.local>` }),
        count,
        first,
      );
      const floorLoop = process.cpuUsage(floor0.loop);
      floorCpu.loop += (floorLoop.user + floorLoop.system) / 1000;
      floorCpu.sink += processCpuMs(sink.pid) - floor0.sink;
    };
    // The floor's sends are split around the queue's run, half before and half after, so that a
    // load on this shared machine that rises or falls through the run weighs on both alike.
    const half = Math.ceil(EMAILS / 2);
    progress(`${half} emails with a plain nodemailer loop, set up as the relay's`);
    await floorRun(half, 0);

    progress(`${EMAILS} emails through the job loop`);
    await sink.reset();
    const cpu0 = { relay: processCpuMs(relay.child.pid!), postgres: cpuOf(relayPids), sink: processCpuMs(sink.pid) };
    const t0 = performance.now();
    await queue(EMAILS);
    await sink.distinct(EMAILS);
    await allDone();
    const queueSeconds = (performance.now() - t0) / 1000;
    const queueCpu = {
      relay: processCpuMs(relay.child.pid!) - cpu0.relay,
      postgres: cpuOf(relayPids) - cpu0.postgres,
      sink: processCpuMs(sink.pid) - cpu0.sink,
    };
    const arrived = await sink.count();
    const once = arrived.distinct === EMAILS && arrived.duplicates === 0;

    progress(`${EMAILS - half} more emails with the plain nodemailer loop`);
    await floorRun(EMAILS - half, half);
    loop.close();
    const [dead] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM jobs WHERE status = 'DEAD'`;
    relay.child.kill('SIGTERM');
    relay = undefined;

    // a sample: at its pace a thousand would take minutes
    const DEFAULT_SAMPLE = Math.min(EMAILS, 100);
    progress(`${DEFAULT_SAMPLE} emails with a plain nodemailer loop, nodemailer's defaults`);
    const plain = nodemailer.createTransport(sink.url);
    const defaultSeconds = await timed(
      1,
      (n) => plain.sendMail({ ...mail, messageId: `<default-${n}@promoteros.local>` }),
      DEFAULT_SAMPLE,
    );
    plain.close();
    progress(`${EMAILS} emails with the relay's own mailer, ${LANES} at once, no queue`);
    const mailer = createSmtpMailer({ smtpUrl: sink.url, from: config.MAIL_FROM, pool: LANES });
    const parallelSeconds = await timed(LANES, (n) =>
      mailer.send({ ...mail, messageId: `<parallel-${n}@promoteros.local>` }),
    );
    mailer.close();

    progress(`${PDF_RUNS} settlement sheets`);
    const pdf = await measureSettlementPdf(PDF_RUNS);

    const emailsPerS = EMAILS / queueSeconds;
    const floorPerS = EMAILS / floorSeconds;
    const ratio = emailsPerS / floorPerS;
    const parallelPerS = EMAILS / parallelSeconds;
    const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
    console.log(
      JSON.stringify({
        bench: 'jobs',
        emails: EMAILS,
        lanes: LANES,
        emails_per_s: round(emailsPerS),
        floor_emails_per_s: round(floorPerS),
        ratio: round(ratio, 3),
        default_floor_emails_per_s: round(DEFAULT_SAMPLE / defaultSeconds),
        parallel_floor_emails_per_s: round(parallelPerS),
        parallel_ratio: round(emailsPerS / parallelPerS, 3),
        // CPU ms per email by process: the queue's run (relay, its PostgreSQL backends, the sink)
        // against the floor's (the loop, which includes its warm-up, and the sink)
        cpu_ms_per_email: {
          relay: round(queueCpu.relay / EMAILS, 3),
          postgres: round(queueCpu.postgres / EMAILS, 3),
          sink: round(queueCpu.sink / EMAILS, 3),
        },
        floor_cpu_ms_per_email: {
          loop: round(floorCpu.loop / EMAILS, 3),
          sink: round(floorCpu.sink / EMAILS, 3),
        },
        each_once: once,
        dead: dead!.n,
        pdf_runs: PDF_RUNS,
        pdf_p50_ms: round(pdf.p50),
        pdf_p99_ms: round(pdf.p99),
        pdf_event_loop_max_block_ms: round(pdf.eventLoopMaxBlockMs),
        targets,
        met: ratio >= targets.ratio_min && once && dead!.n === 0,
      }),
    );
  } finally {
    relay?.child.kill('SIGTERM');
    await sink.stop();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
