// The head of the change log (the highest committed transaction sequence number) and a way to
// wait for it to move. Woken three ways: in-process right after this relay commits, across
// relay instances by PostgreSQL LISTEN/NOTIFY, and by a poll as the fallback (the only way on
// the embedded database, whose socket does not carry notifications).
import type { Database } from './db/database.js';

interface Waiter {
  readonly after: number;
  readonly resolve: (head: number) => void;
}

export interface ChangeFeedOptions {
  /** how often to read the head when nothing woke us */
  readonly pollMs?: number;
}

export class ChangeFeed {
  #head = 0;
  #waiters = new Set<Waiter>();
  #timer: NodeJS.Timeout | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #stopped = false;
  #refreshing: Promise<number> | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: ChangeFeedOptions = {},
  ) {}

  get head(): number {
    return this.#head;
  }

  get waiting(): number {
    return this.#waiters.size;
  }

  async start(): Promise<void> {
    await this.refresh();
    if (this.db.supportsListen) {
      const listener = await this.db.sql.listen('promoteros_changes', (payload) => {
        const seq = Number(payload);
        if (Number.isSafeInteger(seq)) this.#advance(seq);
      });
      this.#unlisten = () => listener.unlisten();
    }
    const pollMs = this.options.pollMs ?? (this.db.supportsListen ? 1000 : 50);
    this.#timer = setInterval(() => void this.refresh().catch(() => {}), pollMs);
    this.#timer.unref();
  }

  /** Re-read the head now (call after this relay commits a change). */
  refresh(): Promise<number> {
    // one read at a time; callers arriving meanwhile share it
    this.#refreshing ??= this.db.sql<{ head: string | null }[]>`
        SELECT max(seq)::text AS head FROM change_transactions`
      .then(([row]) => {
        this.#advance(Number(row?.head ?? 0));
        return this.#head;
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  /** Resolves with the head once it passes `after`, or with the current head at the timeout. */
  waitForChange(after: number, timeoutMs: number, signal?: AbortSignal): Promise<number> {
    if (this.#head > after || this.#stopped) return Promise.resolve(this.#head);
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        this.#waiters.delete(waiter);
        resolve(this.#head);
      };
      const waiter: Waiter = { after, resolve: finish };
      const timer = setTimeout(finish, timeoutMs);
      signal?.addEventListener('abort', finish, { once: true });
      this.#waiters.add(waiter);
    });
  }

  /** Answers every waiting long-poll and stops watching the database. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    for (const waiter of [...this.#waiters]) waiter.resolve(this.#head);
    await this.#unlisten?.().catch(() => {});
  }

  #advance(seq: number): void {
    if (seq <= this.#head) return;
    this.#head = seq;
    for (const waiter of [...this.#waiters]) {
      if (seq > waiter.after) waiter.resolve(seq);
    }
  }
}
