// The SENT records of the emails the mail server accepted, written together. Each record alone
// was a statement and a commit (a WAL flush) of its own, the largest part of an email's database
// work. A record waits LINGER_MS for others (the job loop's lanes do not wait for it: they go on
// to their next email, FinishedJob), and records that arrive while a write is under way go in the
// next one. Waiting widens the one window in which an email can go out twice (a relay killed
// between the server's 250 and this write) by those few milliseconds.
//
// A failed write is tried again record by record, so one bad record (its organization deleted
// under it) fails only its own job, and the others' jobs are not sent again.
import type { Sql } from '../db/database.js';
import { recordSentAndDone, type SentEmail } from './email-deliveries.js';

/** records in one statement at most: its one parameter grows with it */
const MOST_AT_ONCE = 64;
/** how long the first record waits for company */
const LINGER_MS = 5;

interface Waiting {
  readonly sent: SentEmail;
  readonly resolve: (markedDone: boolean) => void;
  readonly reject: (error: unknown) => void;
}

export class SentLedger {
  readonly #waiting: Waiting[] = [];
  /** a write is due (lingering) or under way: a new record joins the next one */
  #busy = false;

  constructor(private readonly sql: Sql) {}

  /** Records SENT and marks the job DONE; resolves once committed, with whether DONE was marked. */
  record(sent: SentEmail): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ sent, resolve, reject });
      if (this.#busy) return;
      this.#busy = true;
      setTimeout(() => void this.#writeWaiting(), LINGER_MS);
    });
  }

  async #writeWaiting(): Promise<void> {
    try {
      while (this.#waiting.length > 0) await this.#write(this.#waiting.splice(0, MOST_AT_ONCE));
    } finally {
      this.#busy = false;
    }
  }

  async #write(batch: readonly Waiting[]): Promise<void> {
    try {
      const done = await recordSentAndDone(
        this.sql,
        batch.map((w) => w.sent),
      );
      for (const w of batch) w.resolve(done.has(String(w.sent.job.id)));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await this.#write([w]);
    }
  }
}

const ledgers = new WeakMap<Sql, SentLedger>();

/** The ledger writer of a database connection pool: one per relay, shared by its lanes. */
export function sentLedgerOf(sql: Sql): SentLedger {
  let ledger = ledgers.get(sql);
  if (!ledger) ledgers.set(sql, (ledger = new SentLedger(sql)));
  return ledger;
}
