// The head of the change log (the highest committed transaction sequence number) and a way to
// wait for it to move. Woken three ways: in-process right after this relay commits, across
// relay instances by PostgreSQL LISTEN/NOTIFY, and by a poll as the fallback (the only way on
// the embedded database, whose socket does not carry notifications).
//
// Before the head moves, the feed reads what the new transactions touched (ChangeSummary), so
// that woken long-polls can tell at once whether their shape has anything new.
import type { Database } from './db/database.js';
import type { DatabaseWatch } from './db/database-watch.js';
import { ChangeSummary, type Touches } from './change-summary.js';

interface Waiter {
  readonly after: number;
  readonly resolve: (head: number) => void;
}

export interface ChangeFeedOptions {
  /** how often to read the head when nothing woke us */
  readonly pollMs?: number;
  /** told when a read fails because the database cannot be reached */
  readonly database?: DatabaseWatch;
}

export class ChangeFeed {
  #head = 0;
  #summary = new ChangeSummary(0);
  #waiters = new Set<Waiter>();
  #timer: NodeJS.Timeout | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #stopped = false;
  #refreshing: Promise<number> | undefined;
  #again = false;

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
    const [row] = await this.db.sql<{ head: string | null }[]>`
      SELECT max(seq)::text AS head FROM change_transactions`;
    this.#head = Number(row?.head ?? 0);
    this.#summary = new ChangeSummary(this.#head);
    const refresh = () => void this.refresh().catch((error: unknown) => this.options.database?.noteTrouble(error));
    if (this.db.supportsListen) {
      // postgres.js listens again by itself after its LISTEN connection dropped; onlisten runs
      // each time, and a read then catches up with what was notified while it was gone
      let listened = false;
      const relistened = () => {
        if (listened) refresh();
        listened = true;
      };
      const listener = await this.db.sql.listen('promoteros_changes', refresh, relistened);
      this.#unlisten = () => listener.unlisten();
    }
    const pollMs = this.options.pollMs ?? (this.db.supportsListen ? 1000 : 50);
    this.#timer = setInterval(refresh, pollMs);
    this.#timer.unref();
  }

  /**
   * Re-read the head now (after this relay commits, on a notification, on the poll).
   * One read at a time; a call during a read makes one more read follow it, so a commit
   * announced mid-read is never missed.
   */
  refresh(): Promise<number> {
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      try {
        do {
          this.#again = false;
          await this.#readNewTransactions();
        } while (this.#again && !this.#stopped);
        return this.#head;
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }

  /** Whether (after, upTo] holds a change to this table in one of these organizations. */
  touches(after: number, upTo: number, table: string, organizationIds: readonly string[]): Touches {
    return this.#summary.touches(after, upTo, table, organizationIds);
  }

  /** Resolves with the head once it passes `after`, or with the current head at the timeout. */
  waitForChange(after: number, timeoutMs: number, signal?: AbortSignal): Promise<number> {
    if (this.#head > after || this.#stopped || signal?.aborted) return Promise.resolve(this.#head);
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

  async #readNewTransactions(): Promise<void> {
    const from = this.#summary.coveredTo;
    // head and what the transactions up to it touched, from one snapshot
    const rows = await this.db.sql<{ seq: string; table_name: string | null; organization_id: string | null }[]>`
      WITH head AS (SELECT coalesce(max(seq), 0) AS seq FROM change_transactions)
      SELECT head.seq::text AS seq, NULL AS table_name, NULL AS organization_id FROM head
      UNION ALL
      SELECT t.seq::text, c.table_name, c.organization_id::text
        FROM head, change_transactions t
        -- LATERAL: one index lookup per transaction, whatever the planner guesses of the
        -- (often unanalysed, fast-growing) log's size
       CROSS JOIN LATERAL (
         SELECT DISTINCT l.table_name, l.organization_id FROM change_log l WHERE l.xid = t.xid
       ) c
       WHERE t.seq > ${from} AND t.seq <= head.seq`;
    const head = Number(rows[0]?.seq ?? from);
    if (head <= from) return;
    this.#summary.extend(
      head,
      rows.slice(1).map((r) => ({ seq: Number(r.seq), table: r.table_name!, organizationId: r.organization_id })),
    );
    this.#advance(head);
  }

  #advance(seq: number): void {
    if (seq <= this.#head) return;
    this.#head = seq;
    for (const waiter of [...this.#waiters]) {
      if (seq > waiter.after) waiter.resolve(seq);
    }
  }
}
