// Builds a relay: database, migrations, change feed and HTTP routes, with one stop() that
// shuts them down in the right order. main.ts wires it to the process; tests build their own.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import type { RelayConfig } from './config.js';
import { openConfiguredDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { DatabaseWatch } from './db/database-watch.js';
import { ChangeFeed } from './change-feed.js';
import { frameworkErrors, installErrorHandler } from './http/errors.js';
import { serializeRequest } from './http/log-redaction.js';
import { RateLimits } from './http/rate-limits.js';
import { Connections } from './http/connections.js';
import { electricHeaders } from './shapes/protocol.js';
import { shapeRoutes } from './shapes/routes.js';
import { shapeCountRoutes } from './shapes/counts.js';
import { loadCatalog } from './shapes/table-columns.js';
import { healthRoutes } from './http/health.js';
import { faviconRoutes } from './http/favicon.js';
import { metricsPlugin } from './metrics/routes.js';
import { authRoutes, type SignInCodeOutlet } from './auth/routes.js';
import { mutationRoutes } from './mutations/routes.js';
import { ACCEPT_PAGE_PATH, invitationRoutes } from './invitations/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { deviceRoutes } from './devices/routes.js';
import { invitationLetter, InvitationSendPayload } from './invitations/invitation-mail.js';
import { INVITATION_SEND_JOB } from '@promoteros/shared/mutations';
import { emailJob } from './notify/deliver-email.js';
import { publicUrl } from './http/public-url.js';
import { startHoldSweeper } from './holds/hold-sweeper.js';
import { intakeRoutes } from './intake/routes.js';
import { JobHandlers } from './jobs/job-handlers.js';
import { JobMetrics } from './jobs/job-metrics.js';
import { JobWorker } from './jobs/job-worker.js';
import { createSmtpMailer, type Mailer } from './mail/mailer.js';
import { createLogMailer } from './mail/log-mailer.js';
import { emailJobHandlers } from './notify/email-handlers.js';
import { eventConfirmationPdf } from './notify/confirmation-attachment.js';
import { EmailMetrics } from './notify/email-metrics.js';
import { messageIdDomain } from './notify/message-id.js';
import { deliveryProblemRoutes } from './notify/delivery-problem-routes.js';
import { documentRoutes } from './documents/routes.js';
import { DOCUMENT_RENDER, renderDocumentJob } from './documents/render-job.js';
import { closePdfDrawing } from './documents/render-document.js';
import { NoteRooms, type NoteRoomsOptions } from './notes/note-rooms.js';
import { auditRoutes } from './audit/routes.js';
import { startAnchorWriter } from './audit/anchor-writer.js';

export interface Relay {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly config: RelayConfig;
  /** what this relay's job loop runs for each kind of job; register more before jobs of the kind arrive */
  readonly jobHandlers: JobHandlers;
  /** the shared notes' WebSocket rooms (relay/src/notes) */
  readonly notes: NoteRooms;
  /** resolves with the address once listening */
  listen(): Promise<string>;
  /** stop accepting, answer open long-polls, finish requests, close the database */
  stop(): Promise<void>;
}

export interface RelayDeps {
  /** an already-open database (tests share one); closed by stop() only if the relay opened it */
  readonly db?: Database;
  /** how often the change feed polls the head when no notification woke it (tests) */
  readonly feedPollMs?: number;
  /** the job loop's handlers (relay/src/jobs), used as given; by default the email handlers (relay/src/notify) */
  readonly jobHandlers?: JobHandlers;
  /**
   * Rows to load once the migrations are in, before anything is served, as the tables' owner: the
   * demo on a laptop's first start, handed in by `npm start` (demo/src/start.ts). The relay
   * loads none of its own.
   */
  readonly seed?: (owner: Database, log: FastifyBaseLogger) => Promise<unknown>;
  /** the waits between tries of a sign-in email (tests shorten them) */
  readonly signInRetryDelaysMs?: readonly number[];
  /** the note rooms' store pacing (tests shorten it) */
  readonly notes?: Partial<NoteRoomsOptions>;
  /** where the log goes instead of stdout (tests read it; `npm start` splits it between a file and the terminal) */
  readonly logStream?: NodeJS.WritableStream;
  /**
   * Where a sign-in code goes on a development relay without SMTP_URL, instead of a warning in
   * the log: `npm start` shows them on the terminal, the demo owner's in its start-up block.
   */
  readonly signInCodes?: SignInCodeOutlet;
}

export async function createRelay(config: RelayConfig, deps: RelayDeps = {}): Promise<Relay> {
  const app = relayServer(config, deps.logStream);
  const ownsDb = !deps.db;
  const db = deps.db ?? (await openConfiguredDatabase(config));
  await prepareDatabase(db, app.log, deps.seed);

  // whether the database answers now: routes answer 503 and the job loop waits while it does not
  const database = new DatabaseWatch(db.sql, { log: app.log });
  const feed = new ChangeFeed(db, { database, ...(deps.feedPollMs ? { pollMs: deps.feedPollMs } : {}) });
  await feed.start();

  const connections = new Connections(app.server);
  installErrorHandler(app, { database });
  // browsers get CORS answers only from the origins configured (none by default)
  await app.register(cors, { origin: config.CORS_ORIGINS ?? false, exposedHeaders: electricHeaders, maxAge: 600 });
  // first, so that its request hooks see every route
  await app.register(metricsPlugin, { feed, database, token: config.METRICS_TOKEN });
  await app.register(healthRoutes, { db, feed, database });
  await app.register(faviconRoutes);
  // the emails counters: the sign-in code's and the job loop's alike
  const emailMetrics = new EmailMetrics(app.metrics.registry);
  // the rate limits of sign-in and the intake form, counted in the database for every relay
  const rateLimits = new RateLimits(db.sql, app.log);
  rateLimits.start();
  app.addHook('onClose', async () => rateLimits.stop());
  await app.register(authRoutes, {
    db,
    config,
    rateLimits,
    emailMetrics,
    retryDelaysMs: deps.signInRetryDelaysMs,
    signInCodes: deps.signInCodes,
  });
  // the synced tables' columns, read from the catalog once for both shape routes
  const catalog = await loadCatalog(db.sql);
  await app.register(shapeRoutes, { db, feed, config, catalog });
  await app.register(shapeCountRoutes, { db, catalog });
  await app.register(mutationRoutes, { db });
  await app.register(invitationRoutes, { db, config, rateLimits });
  await app.register(organizationRoutes, { db, config });
  await app.register(deviceRoutes, { db });
  await app.register(intakeRoutes, { db, config, rateLimits });
  await app.register(deliveryProblemRoutes, { db });
  await app.register(documentRoutes, { db });
  await app.register(auditRoutes, { db });
  const notes = new NoteRooms(db.sql, app.log, deps.notes, app.metrics.registry);
  notes.attach(app.server);
  if (db.supportsListen) await notes.listen();

  const holdSweeper = startHoldSweeper(db.sql, {
    intervalMs: config.HOLD_EXPIRY_INTERVAL_SECONDS * 1000,
    log: app.log,
    database,
  });
  const anchorWriter = startAnchorWriter(db.sql, {
    intervalMs: config.AUDIT_ANCHOR_INTERVAL_SECONDS * 1000,
    log: app.log,
  });

  const { mailer, jobHandlers, jobs } = jobLoop(config, db, app, {
    emailMetrics,
    database,
    handlers: deps.jobHandlers,
  });
  await jobs?.start();

  let stopping: Promise<void> | undefined;
  const relay: Relay = {
    app,
    db,
    feed,
    config,
    jobHandlers,
    notes,
    async listen() {
      return app.listen({ host: config.HOST, port: config.PORT });
    },
    stop() {
      stopping ??= (async () => {
        // answer open long-polls first so that close() does not wait for their timeout
        await feed.stop();
        // editors are told to reconnect elsewhere and every unstored note reaches the database
        await notes.stop();
        // connections without a request in progress are ended as they appear, so that close()
        // waits only for requests being answered (see http/connections.ts)
        const sweep = setInterval(() => connections.closeIdle(), 50);
        try {
          await app.close();
        } finally {
          clearInterval(sweep);
        }
        await holdSweeper.stop();
        await anchorWriter.stop();
        // before the database closes: jobs under way finish or go back to the queue
        await jobs?.stop();
        database.stop();
        // the PDF drawing worker, once the sheet it draws for a job given up above (if any) is done
        await closePdfDrawing();
        mailer.close();
        if (ownsDb) await db.close();
      })();
      return stopping;
    },
  };
  return relay;
}

/** The HTTP server, its log redacted and its timeouts above the longest long-poll. */
function relayServer(config: RelayConfig, logStream: NodeJS.WritableStream | undefined): FastifyInstance {
  return Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            // no secret in a log line: sign-in URLs lose their query (http/log-redaction.ts)
            serializers: { req: serializeRequest },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(logStream && { stream: logStream }),
          },
    bodyLimit: 1_000_000,
    // believe X-Forwarded-For for as many hops as there are proxies in front (request.ip)
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS : false,
    // long-polls hold a request for LIVE_POLL_TIMEOUT_MS; leave room above it
    requestTimeout: config.LIVE_POLL_TIMEOUT_MS + 30_000,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    frameworkErrors,
  });
}

/** Migrations and grants as the tables' owner, for the role this relay serves as; then the seed, if any. */
async function prepareDatabase(db: Database, log: FastifyBaseLogger, seed: RelayDeps['seed']): Promise<void> {
  log.info(`database: ${db.description}`);
  const [serving] = await db.sql<{ role: string; owner: boolean }[]>`
    SELECT current_user AS role, rolsuper OR rolbypassrls AS owner FROM pg_roles WHERE rolname = current_user`;
  const { applied } = await db.withOwner((owner) => migrate(owner, { servingRole: serving!.role }));
  if (applied.length > 0) log.info(`migrations applied: ${applied.join(', ')}`);
  if (serving!.owner && db.kind === 'postgres') {
    log.warn(
      `serving as ${serving!.role}, which bypasses row-level security: set DATABASE_URL to the relay's own role and MIGRATION_DATABASE_URL to the owner (docs/database-roles.md)`,
    );
  }
  if (seed) await db.withOwner((owner) => seed({ ...db, sql: owner }, log));
}

/**
 * The job loop's parts: the emails' mailer (SMTP with a pool as wide as the loop, or the relay
 * log without SMTP_URL), the handlers (the emails and the PDF documents, unless given), and the
 * worker where this relay runs jobs (JOBS_ENABLED), not yet started.
 */
function jobLoop(
  config: RelayConfig,
  db: Database,
  app: FastifyInstance,
  parts: { emailMetrics: EmailMetrics; database: DatabaseWatch; handlers: JobHandlers | undefined },
): { mailer: Mailer; jobHandlers: JobHandlers; jobs: JobWorker | undefined } {
  const mailer = config.SMTP_URL
    ? createSmtpMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, pool: config.JOBS_CONCURRENCY })
    : createLogMailer(app.log, config.MAIL_FROM, config.NODE_ENV !== 'production');
  const jobHandlers =
    parts.handlers ??
    new JobHandlers({
      ...emailJobHandlers({
        mailer,
        mailFrom: config.MAIL_FROM,
        messageIdDomain: messageIdDomain(config.MAIL_FROM),
        metrics: parts.emailMetrics,
        confirmationPdf: eventConfirmationPdf,
      }),
      // PDF documents (relay/src/documents), on every relay like the emails
      [DOCUMENT_RENDER]: renderDocumentJob,
      // the link is made when the job runs: by then the relay listens and knows its address
      [INVITATION_SEND_JOB]: emailJob(
        InvitationSendPayload,
        invitationLetter((token) => `${publicUrl(config.PUBLIC_URL, app.server)}${ACCEPT_PAGE_PATH}?token=${token}`),
        {
          mailer,
          mailFrom: config.MAIL_FROM,
          messageIdDomain: messageIdDomain(config.MAIL_FROM),
          metrics: parts.emailMetrics,
        },
      ),
    });
  // the queue's depth is worth watching from any relay, whether or not it runs jobs itself
  const jobMetrics = new JobMetrics(app.metrics.registry, db.sql);
  const jobs = config.JOBS_ENABLED
    ? new JobWorker(db, {
        handlers: jobHandlers,
        log: app.log,
        concurrency: config.JOBS_CONCURRENCY,
        pollMs: config.JOBS_POLL_MS,
        leaseSeconds: config.JOBS_LEASE_SECONDS,
        shutdownTimeoutMs: config.JOBS_SHUTDOWN_TIMEOUT_MS,
        metrics: jobMetrics,
        database: parts.database,
      })
    : undefined;
  return { mailer, jobHandlers, jobs };
}
