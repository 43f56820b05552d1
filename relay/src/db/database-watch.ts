// Whether this relay can reach its database now. Anything that meets a connection-class error
// (database-trouble.ts) reports it here; the watch then marks the database down and asks it a
// `SELECT 1` every probeIntervalMs until it answers, so the relay knows within moments that it is
// back, without waiting for the next request to find out. The job loop waits on whenUp() instead
// of failing jobs, /healthz asks probe(), and the metrics read the counts.
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from './database.js';
import { isDatabaseUnavailable } from './database-trouble.js';

export interface DatabaseWatchOptions {
  readonly log: FastifyBaseLogger;
  /** how often to ask a database that is down whether it is back */
  readonly probeIntervalMs?: number;
  /** how long a probe may wait for its answer before the database counts as down */
  readonly probeTimeoutMs?: number;
}

export class DatabaseWatch {
  #up = true;
  #connectionErrors = 0;
  #recoveries = 0;
  #probing: Promise<boolean> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #upWaiters = new Set<() => void>();
  readonly #probeIntervalMs: number;
  readonly #probeTimeoutMs: number;

  constructor(
    private readonly sql: Sql,
    private readonly options: DatabaseWatchOptions,
  ) {
    this.#probeIntervalMs = options.probeIntervalMs ?? 500;
    this.#probeTimeoutMs = options.probeTimeoutMs ?? 2000;
  }

  get up(): boolean {
    return this.#up;
  }

  /** connection-class errors reported since the relay started */
  get connectionErrors(): number {
    return this.#connectionErrors;
  }

  /** times the database answered again after being down */
  get recoveries(): number {
    return this.#recoveries;
  }

  /**
   * Reports an error met while using the database. Answers whether it means the database cannot
   * be reached (then the watch marks it down and probes until it answers).
   */
  noteTrouble(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.#connectionErrors += 1;
    this.#markDown(error);
    return true;
  }

  /** Asks the database `SELECT 1`, waiting at most timeoutMs; answers whether it is up. */
  probe(timeoutMs = this.#probeTimeoutMs): Promise<boolean> {
    // one probe at a time: a hung connect is not asked again and again
    this.#probing ??= this.#ask(timeoutMs).finally(() => (this.#probing = undefined));
    return this.#probing;
  }

  /** Resolves once the database is up (at once if it is), or when the signal aborts. */
  whenUp(signal?: AbortSignal): Promise<void> {
    if (this.#up || this.#stopped || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.#upWaiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.#upWaiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    for (const waiter of [...this.#upWaiters]) waiter();
  }

  async #ask(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, timeoutMs, 'late')));
    try {
      const answer = await Promise.race([this.sql`SELECT 1`.then(() => 'up' as const), late]);
      if (answer === 'late') {
        this.#markDown(new Error(`the database did not answer within ${timeoutMs} ms`));
        return false;
      }
      this.#markUp();
      return true;
    } catch (error) {
      // any failure of SELECT 1 means the database cannot serve the relay now
      if (!this.noteTrouble(error)) this.#markDown(error);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  #markDown(error: unknown): void {
    if (this.#stopped) return;
    if (this.#up) {
      this.#up = false;
      this.options.log.warn({ err: error }, 'database unreachable: answering 503 and pausing jobs until it is back');
    }
    this.#scheduleProbe();
  }

  #markUp(): void {
    if (this.#up) return;
    this.#up = true;
    this.#recoveries += 1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.options.log.info('database reachable again');
    for (const waiter of [...this.#upWaiters]) waiter();
  }

  #scheduleProbe(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.probe().then((up) => {
        if (!up) this.#scheduleProbe();
      });
    }, this.#probeIntervalMs);
    this.#timer.unref();
  }
}
