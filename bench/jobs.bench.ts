// npm run bench:jobs — email through the job loop, and settlement sheets drawn to PDF.
//
//   emails_per_s        1,000 `request.received` jobs inserted at once into a fresh PostgreSQL
//                       database, delivered by a real relay's job loop (claim, letter read from
//                       the database, SMTP, the email_deliveries ledger, DONE) to a local SMTP
//                       sink; from the insert to the last job DONE
//   floor_emails_per_s  the same letter sent 1,000 times by a plain nodemailer loop, one send
//                       after another, to the same sink, same run: nodemailer set up as the relay
//                       sets it up (one kept connection, Nagle off: relay/src/mail/mailer.ts)
//   ratio               emails_per_s / floor_emails_per_s               (target ≥ 0.7)
//   default_floor_emails_per_s  the loop with nodemailer's defaults (a connection per message, and
//                       each message's last line held back by Nagle against the server's delayed
//                       ACK): what a naive loop does, shown for comparison, not the floor
//   parallel_floor_emails_per_s / parallel_ratio  the stricter floor: the relay's own mailer
//                       (pooled, Nagle off: relay/src/mail/mailer.ts) sending as many at once
//                       as the relay has lanes, with no queue: what the queue's own work costs
//   pdf_p50_ms / pdf_p99_ms  settlement sheets rendered (bench/jobs-pdf.ts)
// The relay runs in this process (as the floor does), so both share one CPU with the sink; every
// message must reach the sink once by its Message-ID, else the run fails.
// Prints one JSON line; progress goes to stderr.
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase } from '@promoteros/relay/testing/test-database';
import { loadConfig } from '../relay/src/config.js';
import { createRelay } from '../relay/src/app.js';
import { createNotifyWorld, workflowPayloads } from '../relay/src/notify/notify-test-world.js';
import { writeRequestReceived } from '../relay/src/notify/request-letters.js';
import { createSmtpMailer } from '../relay/src/mail/mailer.js';
import { measureSettlementPdf } from './jobs-pdf.js';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 1000);
const LANES = Number(process.env.BENCH_LANES ?? 8);
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 100);
const WARM_UP = 50;
const targets = { ratio_min: 0.7 };
const progress = (message: string) => process.stderr.write(`bench:jobs ${message}\n`);

/** An SMTP server that reads each message's Message-ID and throws the rest away. */
async function startSink() {
  const seen = new Map<string, number>();
  let waiter: { count: number; resolve: () => void } | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
        seen.set(id, (seen.get(id) ?? 0) + 1);
        if (waiter && seen.size >= waiter.count) waiter.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    seen,
    /** resolves once `count` distinct Message-IDs have arrived */
    distinct: (count: number) =>
      seen.size >= count ? Promise.resolve() : new Promise<void>((resolve) => (waiter = { count, resolve })),
    reset: () => seen.clear(),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_jobs');
  const sink = await startSink();
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
      HOLD_EXPIRY_INTERVAL_SECONDS: '86400',
    });
    progress(`starting a relay with ${LANES} job lanes`);
    const relay = await createRelay(config);

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

    let queueSeconds: number;
    try {
      progress(`warming up with ${WARM_UP} emails`);
      await queue(WARM_UP);
      await sink.distinct(WARM_UP);
      await allDone();
      sink.reset();
      progress(`${EMAILS} emails through the job loop`);
      const t0 = performance.now();
      await queue(EMAILS);
      await sink.distinct(EMAILS);
      await allDone();
      queueSeconds = (performance.now() - t0) / 1000;
    } finally {
      await relay.stop();
    }
    const once = [...sink.seen.values()].every((n) => n === 1) && sink.seen.size === EMAILS;
    const [dead] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM jobs WHERE status = 'DEAD'`;

    const written = await writeRequestReceived(payload, { sql: db.sql, mailFrom: config.MAIL_FROM });
    const letter = written!.letter;
    const mail = {
      from: written!.from,
      to: [...letter.to],
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
    };
    /** `count` sends, `at` at a time; answers seconds */
    const timed = async (at: number, send: (n: number) => Promise<unknown>, count = EMAILS) => {
      await Promise.all(Array.from({ length: Math.min(WARM_UP, at * 5) }, (_, n) => send(-n - 1)));
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: at }, async () => {
          while (next < count) await send(next++);
        }),
      );
      return (performance.now() - started) / 1000;
    };
    progress(`${EMAILS} emails with a plain nodemailer loop, set up as the relay's`);
    const loop = createSmtpMailer({ smtpUrl: sink.url, from: config.MAIL_FROM, pool: 1 });
    const floorSeconds = await timed(1, (n) => loop.send({ ...mail, messageId: `<floor-${n}@promoteros.local>` }));
    loop.close();
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
        each_once: once,
        dead: dead!.n,
        pdf_runs: PDF_RUNS,
        pdf_p50_ms: round(pdf.p50),
        pdf_p99_ms: round(pdf.p99),
        targets,
        met: ratio >= targets.ratio_min && once && dead!.n === 0,
      }),
    );
  } finally {
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
