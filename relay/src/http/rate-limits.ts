// The relay's rate limits, counted in the database (table rate_limits, migration 0020) so that a
// limit holds across restarts and is shared by every relay in front of one database: with the
// counts in each relay's memory, a restart forgot them and N relays let a client through N times.
//
// rate-limiter-flexible's RateLimiterPostgres does the counting (one upsert per counted request);
// it speaks to a node-postgres client, so it is handed a small adapter over postgres.js (the
// relay's driver, on PostgreSQL and on the embedded PGlite alike). It never creates its table
// (tableCreated: the relay's role has no DDL), and expired rows are swept here, once for all the
// limits, instead of by a timer per limit that would outlive the relay.
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../db/database.js';

const TABLE = 'rate_limits';
const SWEEP_EVERY_MS = 5 * 60_000;

export interface LimitSpec {
  /** the limit's name, the prefix of its keys ("sign-in-ip") */
  readonly name: string;
  /** requests allowed in a window */
  readonly points: number;
  readonly windowSeconds: number;
}

/** What counting one request answered: allowed, or refused with the seconds until the window ends. */
export type Counted = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export class RateLimit {
  constructor(
    readonly spec: LimitSpec,
    readonly limiter: RateLimiterPostgres,
  ) {}

  /** Counts one request under `key`; the database's answer decides, whichever relay asked. */
  async count(key: string): Promise<Counted> {
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (error) {
      // anything else is the database failing: the request fails with it, it is not let through
      if (!(error instanceof RateLimiterRes)) throw error;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
  }

  /** Takes back one request counted under `key` (it turned out not to be what the limit counts). */
  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }
}

export class RateLimits {
  readonly #sql: Sql;
  readonly #log: FastifyBaseLogger | undefined;
  readonly #client: ReturnType<typeof postgresClient>;
  #sweeper: NodeJS.Timeout | undefined;

  constructor(sql: Sql, log?: FastifyBaseLogger) {
    this.#sql = sql;
    this.#log = log;
    this.#client = postgresClient(sql);
  }

  limit(spec: LimitSpec): RateLimit {
    const limiter = new RateLimiterPostgres({
      storeClient: this.#client,
      storeType: 'client',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: spec.name,
      points: spec.points,
      duration: spec.windowSeconds,
    });
    return new RateLimit(spec, limiter);
  }

  /** Deletes the rows of windows that ended more than an hour ago. */
  async sweep(): Promise<number> {
    const gone = await this.#sql`DELETE FROM rate_limits WHERE expire < ${Date.now() - 3_600_000}`;
    return gone.count;
  }

  /** Sweeps every few minutes until stop(); a failed sweep is tried again next time. */
  start(): void {
    this.#sweeper ??= setInterval(() => {
      this.sweep().catch((error: unknown) => this.#log?.warn({ err: error }, 'sweeping old rate-limit counts failed'));
    }, SWEEP_EVERY_MS);
    this.#sweeper.unref();
  }

  stop(): void {
    clearInterval(this.#sweeper);
    this.#sweeper = undefined;
  }
}

interface NodePostgresQuery {
  readonly text: string;
  readonly values?: unknown[];
}

/**
 * The slice of a node-postgres client RateLimiterPostgres uses: query({text, values}) answering
 * {rows, rowCount}. `expire` is an int8, which the relay's driver reads as a BigInt: the library
 * does arithmetic on it with Date.now(), so it is handed over as a number (epoch milliseconds fit).
 */
function postgresClient(sql: Sql) {
  return {
    async query({ text, values = [] }: NodePostgresQuery) {
      const rows = await sql.unsafe(text, values as never[]);
      return {
        rowCount: rows.count,
        rows: rows.map((row) => ({
          ...row,
          ...('expire' in row ? { expire: row.expire === null ? null : Number(row.expire) } : {}),
        })),
      };
    },
  };
}

/** "3 minutes", "1 second": the wait a refusal names. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
