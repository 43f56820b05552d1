// The SENT records of the emails the mail server accepted, written together. Each record alone
// was a statement and a commit (a WAL flush) of its own, the largest part of an email's database
// work. A record waits LINGER_MS for others (the job loop's lanes do not wait for it: they go on
// to their next email, FinishedJob), and records that arrive while a write is under way go in the
// next one. Waiting widens the one window in which an email can go out twice (a relay killed
// between the server's 250 and this write) by those few milliseconds.
//
// A failed write is tried again record by record, so one bad record (its organization deleted
// under it) fails only its own job, and the others' jobs are not sent again. A write the database
// was not there for is tried again whole until it answers (for a while): the mail server has
// accepted these emails, and a record lost would send each again once its job's lease ran out.
import type { Sql } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/database-trouble.js';
import { recordSentAndDone, type SentEmail } from './email-deliveries.js';

/** records in one statement at most: its one parameter grows with it */
const MOST_AT_ONCE = 64;
/** how long the first record waits for company */
const LINGER_MS = 5;
/** while the database is away: how often to try the write again, and for how long at most */
const OUTAGE_RETRY_MS = 250;
const OUTAGE_PATIENCE_MS = 60_000;

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

  async #write(batch: readonly Waiting[], patientUntil = Date.now() + OUTAGE_PATIENCE_MS): Promise<void> {
    try {
      const done = await recordSentAndDone(
        this.sql,
        batch.map((w) => w.sent),
      );
      for (const w of batch) w.resolve(done.has(String(w.sent.job.id)));
    } catch (error) {
      // CONNECTION_ENDED: the relay closed its own pool (stopping); the leases take it from there
      const away = isDatabaseUnavailable(error) && (error as { code?: unknown }).code !== 'CONNECTION_ENDED';
      if (away && Date.now() < patientUntil) {
        await new Promise((resolve) => setTimeout(resolve, OUTAGE_RETRY_MS));
        return this.#write(batch, patientUntil);
      }
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
