// The relay's rate limits, counted in the database (table rate_limits, migration 0020) so that a
// limit holds across restarts and is shared by every relay in front of one database: counts kept
// in each relay's memory would be forgotten at a restart, and N relays would let a client through
// N times.
//
// A fixed window per key: the first request of a key opens a window of the limit's length, every
// request in it adds a point (refused ones too), the window's end resets the count. The counts
// are taken in batches: requests counted while a batch is on its way to the database go together
// in the next one, one upsert for all of them. The intake form counts twice per submission (its
// sender's address, and the confirmation to the address typed in it), and one statement per count
// would cost more than the whole filing's share of a commit (docs/intake-page.md). Windows are
// timed by the
// database's clock, so relays whose clocks differ agree on them.
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../db/database.js';

const SWEEP_EVERY_MS = 5 * 60_000;
/** requests counted in one statement at most */
const BATCH = 500;

export interface LimitSpec {
  /** the limit's name, the prefix of its keys ("sign-in-ip") */
  readonly name: string;
  /** requests allowed in a window */
  readonly points: number;
  readonly windowSeconds: number;
}

/** What counting one request answered: allowed, or refused with the seconds until the window ends. */
export type Counted = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Waiting {
  readonly key: string;
  readonly windowMs: number;
  resolve(count: { readonly consumed: number; readonly msLeft: number }): void;
  reject(error: unknown): void;
}

export class RateLimit {
  constructor(
    readonly spec: LimitSpec,
    private readonly limits: RateLimits,
  ) {}

  /** Counts one request under `key`; the database's count decides, whichever relay asked. */
  async count(key: string): Promise<Counted> {
    const { consumed, msLeft } = await this.limits.add(`${this.spec.name}:${key}`, this.spec.windowSeconds * 1000);
    if (consumed <= this.spec.points) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }

  /** Takes back one request counted under `key` (it turned out not to be what the limit counts). */
  async giveBack(key: string): Promise<void> {
    await this.limits.remove(`${this.spec.name}:${key}`);
  }
}

export class RateLimits {
  readonly #sql: Sql;
  readonly #log: FastifyBaseLogger | undefined;
  #waiting: Waiting[] = [];
  #counting = false;
  #sweeper: NodeJS.Timeout | undefined;

  constructor(sql: Sql, log?: FastifyBaseLogger) {
    this.#sql = sql;
    this.#log = log;
  }

  limit(spec: LimitSpec): RateLimit {
    return new RateLimit(spec, this);
  }

  /** Adds a point to `key` (a new window if its last one ended): the points of its window so far, and the ms left. */
  add(key: string, windowMs: number): Promise<{ consumed: number; msLeft: number }> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ key, windowMs, resolve, reject });
      this.#next();
    });
  }

  /** Takes one point back from `key`'s window. */
  async remove(key: string): Promise<void> {
    await this.#sql`UPDATE rate_limits SET points = greatest(points - 1, 0) WHERE key = ${key}`;
  }

  /** Deletes the rows of windows that ended more than an hour ago. */
  async sweep(): Promise<number> {
    const gone = await this.#sql`
      DELETE FROM rate_limits WHERE expire < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 3600000`;
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

  #next(): void {
    if (this.#counting || this.#waiting.length === 0) return;
    this.#counting = true;
    // after the current turn of the event loop, so that requests counted in it go together
    setImmediate(() => {
      const batch = this.#waiting.splice(0, BATCH);
      this.#count(batch)
        .catch((error: unknown) => batch.forEach((waiting) => waiting.reject(error)))
        .finally(() => {
          this.#counting = false;
          this.#next();
        });
    });
  }

  async #count(batch: readonly Waiting[]): Promise<void> {
    // one row per key: an upsert may not touch a row twice, so a key's requests add up first
    const byKey = new Map<string, Waiting[]>();
    for (const waiting of batch) {
      const same = byKey.get(waiting.key);
      if (same) same.push(waiting);
      else byKey.set(waiting.key, [waiting]);
    }
    const added = [...byKey].map(([key, same]) => ({ key, n: same.length, window_ms: same[0]!.windowMs }));
    const rows = await this.#sql<{ key: string; points: number; ms_left: string }[]>`
      WITH clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now_ms)
      INSERT INTO rate_limits AS r (key, points, expire)
      SELECT a.key, a.n, clock.now_ms + a.window_ms
        FROM jsonb_to_recordset(${JSON.stringify(added)}::text::jsonb) AS a(key text, n integer, window_ms bigint), clock
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN r.expire <= (SELECT now_ms FROM clock) THEN excluded.points
                      ELSE r.points + excluded.points END,
        expire = CASE WHEN r.expire <= (SELECT now_ms FROM clock) THEN excluded.expire ELSE r.expire END
      RETURNING r.key, r.points, (r.expire - (SELECT now_ms FROM clock))::text AS ms_left`;
    for (const row of rows) {
      const same = byKey.get(row.key)!;
      byKey.delete(row.key);
      // the key's requests in arrival order: the first of them took the first of its points
      same.forEach((waiting, i) =>
        waiting.resolve({ consumed: row.points - same.length + i + 1, msLeft: Number(row.ms_left) }),
      );
    }
    for (const same of byKey.values()) {
      same.forEach((waiting) => waiting.reject(new Error('the rate-limit count answered no row')));
    }
  }
}

/** "3 minutes", "1 second": the wait a refusal names. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
