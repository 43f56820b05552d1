// The relay's configuration, read once from the environment. Every bad value is reported on
// its own line, naming the variable, so an operator can fix them all in one go.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The embedded database's default home: .data/relay at the repository's root, wherever the relay
 * is started from. `npm start` runs at the root and `npm run relay -w relay` inside relay/; a
 * default relative to the working directory would give them two different databases.
 */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data/relay', import.meta.url));

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'must be a postgres:// or postgresql:// URL');

const smtpUrl = z.string().refine((v) => /^smtps?:\/\/.+/.test(v), 'must be an smtp:// or smtps:// URL');

const httpUrl = z.string().refine((v) => /^https?:\/\/[^/]+/.test(v), 'must be an http:// or https:// URL');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(8787),
  /** unset: an embedded PGlite database in DATA_DIR */
  DATABASE_URL: postgresUrl.optional(),
  /**
   * the tables' owner, used only at start for migrations and grants; DATABASE_URL is then the
   * relay's own restricted role (docs/database-roles.md). Unset: DATABASE_URL does both.
   */
  MIGRATION_DATABASE_URL: postgresUrl.optional(),
  /** a relative path is taken from the working directory, as any path given on a command line */
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  /** unset in development: sign-in codes are printed to the log instead of mailed */
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().min(3).default('PromoterOS <no-reply@promoteros.local>'),
  /** the address people reach the relay at, used in sign-in links */
  PUBLIC_URL: httpUrl.optional(),
  /** keys the HMAC of sign-in codes; required in production */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // the rate limits are counted in the database (rate_limits), shared by every relay on it
  /** sign-in requests allowed per client IP in 15 minutes */
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  /** sign-in requests allowed per email address in 15 minutes */
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(5),
  /** tries of a code or a link (POST /v1/auth/verify) allowed per client IP in 15 minutes */
  VERIFY_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  /** tries of a code not bound to the client's own sign-in (no signInId) allowed per email address in 15 minutes */
  VERIFY_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(10),
  /** intake form submissions allowed per client IP per hour */
  INTAKE_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(20),
  /** intake confirmation emails sent to one address per day; requests beyond it are filed without one */
  INTAKE_EMAILS_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(0).max(10_000_000).default(5),
  /**
   * Browser origins allowed to call the relay (CORS), comma-separated ("https://app.example.com").
   * Unset: none. The desktop app and its dev host call the relay from Node, and the intake and
   * sign-in pages are served by the relay itself, so none of them needs one.
   */
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((origin) => origin.trim().replace(/\/+$/, '')))
    .pipe(
      z.array(
        z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be origins like https://app.example.com, comma-separated'),
      ),
    )
    .optional(),
  /** bearer token GET /metrics requires (Authorization: Bearer …); required in production */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * How many proxies in front of the relay to believe about the client's address
   * (X-Forwarded-For). 0: none, the connection's address is the client's (a relay reached
   * directly). Behind one load balancer, 1; otherwise every client of the intake page and the
   * sign-in form shares the balancer's address and its rate limits.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** how long a person must have had the intake form open before it may be sent (a bot is faster) */
  INTAKE_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  /** how often holds past their expiry are expired and reminders enqueued (relay/src/holds) */
  HOLD_EXPIRY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** how often each organization's audit chain head is anchored (table and log line; relay/src/audit) */
  AUDIT_ANCHOR_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(604_800).default(3600),
  /** run the job loop (relay/src/jobs) in this relay; false leaves jobs to other relays */
  JOBS_ENABLED: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
  /** jobs one relay runs at once */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** how often idle workers look for due jobs when no NOTIFY woke them (the only wake-up on the embedded database) */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  /** a RUNNING job locked longer than this lost its worker and is taken again */
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** at stop, how long jobs under way may finish before they are put back in the queue */
  JOBS_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LIVE_POLL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Who may join without an operator (docs/organizations.md): open, anyone signs up with their
   * email and may create organizations; invite, accounts come only from invitations (any account
   * may still create an organization); closed, as invite, and only an operator creates
   * organizations (npm run org:create -w relay). Unset: open in development (npm start), closed
   * otherwise (production, and tests unless they say).
   */
  SIGN_UP: z.enum(['open', 'invite', 'closed'], { message: 'must be open, invite or closed' }).optional(),
  /** auto: load the demo on the first start of an empty embedded database */
  DEMO_DATA: z.enum(['auto', 'never']).default('auto'),
});

export type SignUp = 'open' | 'invite' | 'closed';
export type RelayConfig = Omit<z.infer<typeof ConfigSchema>, 'SIGN_UP'> & { readonly SIGN_UP: SignUp };

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid relay configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): RelayConfig {
  // an empty variable means "not set", as in most shells' `FOO= cmd`
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]);
        return `${key}: ${issue.message} (got ${JSON.stringify(present[key])})`;
      }),
    );
  }
  const config = parsed.data;
  const missing = [
    ...(config.NODE_ENV === 'production' && !config.AUTH_SECRET
      ? ['AUTH_SECRET: required when NODE_ENV=production']
      : []),
    ...(config.NODE_ENV === 'production' && !config.METRICS_TOKEN
      ? ['METRICS_TOKEN: required when NODE_ENV=production (GET /metrics is not public there)']
      : []),
    // An acknowledged mutation leaves the device's outbox, so the relay's database must keep it
    // through a power cut. The embedded PGlite never fsyncs (docs/durability.md): it is for
    // development and demos, and there is no setting that makes it durable.
    ...(config.NODE_ENV === 'production' && !config.DATABASE_URL
      ? [
          'DATABASE_URL: required when NODE_ENV=production (the embedded database does not fsync: ' +
            'a mutation it acknowledged could be lost to a power cut; it is for development and demos)',
        ]
      : []),
  ];
  if (missing.length > 0) throw new ConfigError(missing);
  return { ...config, SIGN_UP: config.SIGN_UP ?? (config.NODE_ENV === 'development' ? 'open' : 'closed') };
}
