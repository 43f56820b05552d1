// The device's outbox: edits made now, uploaded when the relay is there, forgotten only once the
// synced rows show them, and, if refused, kept for the user until they retry or discard them.
//
//   run()        plan + overlay + queue, one local transaction (record-edit.ts); resolves
//                once the journal has the edit on disk (../journal): "saved" means durable
//   upload loop  oldest PENDING first, in batches, one batch at a time (the device's order);
//                network trouble → exponential backoff with full jitter (never longer than
//                maxMs, whatever Retry-After says); 401 → wait for sign-in
//   answers      APPLIED → keep the overlay until the replica has the transaction (reconcile.ts)
//                REFUSED → drop its writes (the rows show the synced truth again) and list it
//   failures     a batch the relay keeps failing on while it is up is searched for the one edit
//                it fails on, which is set aside like a refused one (isolate-failing.ts)
//   reconcile()  called by sync inside each batch's transaction, and after each answer
import type { Transaction } from '@electric-sql/pglite';
import { findMutation, gateMutation, MAX_MUTATIONS_PER_BATCH, type MutationResult } from '@promoteros/shared/mutations';
import type { Role } from '@promoteros/shared';
import type { Replica } from '../replica/open-replica.js';
import type { EditJournal } from '../journal/edit-journal.js';
import { recordEdit } from './record-edit.js';
import { EditRefused, type NeedsAttention, type OutboxCounts, type UnsentEdit } from './outbox-answers.js';
import { dropPendingWrites, reconcileApplied } from './reconcile.js';
import { backoffDelay, relayIsUp, sendBatch } from './send-batch.js';
import { dependentReason, FailingEditSearch, setAsideReason } from './isolate-failing.js';

export interface OutboxOptions {
  readonly replica: Replica;
  /** where each edit is made durable before run() answers (the replica is never fsync'd) */
  readonly journal: EditJournal;
  readonly organizationId: string;
  readonly userId: string;
  /** the user's current role in the organization (it may change while the app runs) */
  readonly role: () => Role | undefined;
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  /** retry pacing; tests shorten it */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly log?: (message: string, error?: unknown) => void;
  /** how long an upload waits for more edits after the first (tests may shorten it) */
  readonly gatherMs?: number;
}

const GATHER_MS = 50;

export { EditRefused, type NeedsAttention, type OutboxCounts, type UnsentEdit };

export class Outbox {
  readonly #options: OutboxOptions;
  readonly #listeners = new Set<(counts: OutboxCounts) => void>();
  #wake: (() => void) | undefined;
  #stopped = true;
  #loop: Promise<void> | undefined;
  #abort = new AbortController();
  #uploadProblem: string | undefined;
  readonly #search = new FailingEditSearch();
  /** edits queued in the replica whose journal fsync has not yet come: shown, not yet saved */
  #unsaved = 0;

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  get #org(): string {
    return this.#options.organizationId;
  }

  /**
   * Makes the edit locally and queues it; throws EditRefused when it cannot be made: the
   * relay's gate refuses it here first, in the relay's words (shared/src/mutations/gate.ts).
   */
  async run(name: string, sent: unknown): Promise<{ mutationId: string }> {
    const definition = findMutation(name);
    if (!definition) throw new EditRefused('unknown_mutation', `there is no edit called ${name}`);
    const gate = gateMutation(definition, sent, this.#options.role());
    if (!gate.passed) throw new EditRefused(gate.code, gate.reason, gate.details);
    let recorded;
    let saved: Promise<void> | undefined;
    let queuedId: string | undefined;
    try {
      recorded = await recordEdit(
        this.#options.replica.db,
        { definition, sent, args: gate.args },
        { organizationId: this.#org, userId: this.#options.userId, role: gate.role, at: new Date().toISOString() },
        undefined,
        (edit) => {
          // inside the transaction: the journal's order is the outbox's
          queuedId = edit.id;
          saved = this.#options.journal.recordEdit(edit);
          this.#unsaved += 1;
        },
      );
    } catch (error) {
      void saved?.catch(() => {});
      // journaled, then not committed: the journal must not replay an edit the user was refused
      if (queuedId) {
        this.#unsaved -= 1;
        void this.#options.journal.settle([queuedId]).catch(() => {});
      }
      if ((error as Error).name === 'RuleViolation') throw new EditRefused('rule', (error as Error).message);
      throw error;
    }
    // the screen shows the edit now; it is saved when the journal's fsync comes
    this.#options.replica.notifyChange({ tables: recorded.tables });
    try {
      await saved;
    } finally {
      this.#unsaved -= 1;
    }
    await this.#publish();
    this.#wake?.();
    return { mutationId: recorded.id };
  }

  async counts(): Promise<OutboxCounts> {
    const [row] = await this.#options.replica.query<{ pending: number; refused: number }>(
      `SELECT count(*) FILTER (WHERE state <> 'REFUSED')::int AS pending,
              count(*) FILTER (WHERE state = 'REFUSED')::int AS refused
         FROM _outbox WHERE organization_id = $1 AND user_id = $2`,
      [this.#org, this.#options.userId],
    );
    return {
      pending: Math.max(0, (row?.pending ?? 0) - this.#unsaved),
      refused: row?.refused ?? 0,
      ...(this.#uploadProblem ? { uploadProblem: this.#uploadProblem } : {}),
    };
  }

  async needsAttention(): Promise<NeedsAttention[]> {
    return this.#options.replica.query<NeedsAttention>(
      `SELECT id::text AS "mutationId", name, description, args, refusal_code AS code, refusal_reason AS reason,
              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM _outbox WHERE organization_id = $1 AND user_id = $2 AND state = 'REFUSED' ORDER BY seq`,
      [this.#org, this.#options.userId],
    );
  }

  /** every edit of this member's not yet in the relay's rows, pending or refused, in the order made */
  async unsent(): Promise<UnsentEdit[]> {
    return this.#options.replica.query<UnsentEdit>(
      `SELECT id::text AS "mutationId", name, description, args,
              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM _outbox WHERE organization_id = $1 AND user_id = $2 ORDER BY seq`,
      [this.#org, this.#options.userId],
    );
  }

  /** Makes a refused edit again (with the user's corrections, if any) as a new edit. */
  async retry(mutationId: string, args?: unknown): Promise<{ mutationId: string }> {
    const refused = await this.#refused(mutationId);
    const again = await this.run(refused.name, args ?? refused.args);
    await this.discard(mutationId);
    return again;
  }

  /** The user lets a refused edit go. */
  async discard(mutationId: string): Promise<void> {
    await this.#refused(mutationId);
    // gone from the journal first: a replica reverted by a cut must not bring it back as pending
    await this.#options.journal.settle([mutationId]);
    await this.#options.replica.query(`DELETE FROM _outbox WHERE id = $1 AND state = 'REFUSED'`, [mutationId]);
    await this.#publish();
  }

  onCounts(listener: (counts: OutboxCounts) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** For sync, inside the transaction of each applied batch. */
  reconcileIn(tx: Pick<Transaction, 'query'>): Promise<string[]> {
    return reconcileApplied(tx, this.#org);
  }

  /** After sync committed a batch that reconciled something. */
  async afterReconcile(): Promise<void> {
    await this.#publish();
  }

  /** Try uploading now (the relay came back, a sign-in happened). */
  kick(): void {
    this.#wake?.();
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#abort = new AbortController();
    this.#loop = this.#uploadLoop().catch((error: unknown) => this.#options.log?.('the upload loop stopped', error));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    this.#wake?.();
    await this.#loop;
  }

  async #refused(mutationId: string): Promise<{ name: string; args: unknown }> {
    const [row] = await this.#options.replica.query<{ name: string; args: unknown }>(
      `SELECT name, args FROM _outbox WHERE id = $1 AND organization_id = $2 AND state = 'REFUSED'`,
      [mutationId, this.#org],
    );
    if (!row) throw new EditRefused('not_found', 'this edit is no longer waiting for you');
    return row;
  }

  async #publish(): Promise<void> {
    if (this.#listeners.size === 0) return;
    const counts = await this.counts();
    for (const listener of this.#listeners) listener(counts);
  }

  /** resolves after `ms`, or sooner when kicked or stopped */
  #sleep(ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  async #uploadLoop(): Promise<void> {
    const { initialMs, maxMs } = this.#options.backoff ?? { initialMs: 1000, maxMs: 60_000 };
    const fetchImpl = this.#options.fetch ?? fetch;
    let attempt = 0;
    while (!this.#stopped) {
      const pending = await this.#options.replica.query<{
        id: string;
        name: string;
        args: unknown;
        at: string;
        after: string[];
      }>(
        `SELECT id::text AS id, name, args,
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, after_ids::text[] AS after
           FROM _outbox WHERE organization_id = $1 AND user_id = $2 AND state = 'PENDING'
          ORDER BY seq LIMIT $3`,
        [this.#org, this.#options.userId, MAX_MUTATIONS_PER_BATCH],
      );
      if (pending.length === 0) {
        await this.#sleep(undefined);
        // Woken by an edit: let the edits that come with it (a checklist ticked off in a row)
        // join the same batch. One batch is one relay transaction and one synced transaction to
        // apply here, instead of one of each per edit competing with the next edit for the replica.
        await new Promise((resolve) => setTimeout(resolve, this.#options.gatherMs ?? GATHER_MS));
        continue;
      }
      const token = await this.#options.getToken();
      if (!token) {
        await this.#sleep(undefined);
        continue;
      }
      // the whole queue's head, or part of it while a failing edit is searched for
      const batch = this.#search.next(pending);
      // only saved edits leave the device: one not yet on disk here could reach the relay and
      // then, after a cut, be neither here nor known to the user
      await this.#options.journal.durable();
      const outcome = await sendBatch(
        fetchImpl,
        this.#options.relayUrl,
        token,
        { organizationId: this.#org, mutations: batch },
        this.#abort.signal,
      );
      if (this.#stopped) return;
      if (outcome.kind === 'answered') {
        attempt = 0;
        this.#uploadProblem = undefined;
        this.#search.answered();
        await this.#record(outcome.results);
        continue;
      }
      if (outcome.kind === 'failed' && (await relayIsUp(fetchImpl, this.#options.relayUrl, this.#abort.signal))) {
        const found = this.#search.failed(batch.map((m) => m.id));
        if (found) {
          this.#options.log?.(`the relay kept failing on edit ${found}: set aside (${outcome.answer})`);
          this.#uploadProblem = undefined;
          attempt = 0;
          await this.#setAside(found, outcome.answer);
          continue;
        }
      } else {
        this.#search.interrupted();
      }
      if (this.#stopped) return;
      this.#uploadProblem = outcome.reason;
      await this.#publish();
      if (outcome.kind === 'signed-out') {
        await this.#sleep(undefined);
      } else {
        await this.#sleep(Math.min(maxMs, outcome.retryAfterMs ?? backoffDelay(attempt++, initialMs, maxMs)));
      }
    }
  }

  /**
   * An edit the relay keeps failing on becomes a refused one (isolate-failing.ts, I6): its writes
   * are rolled back, and the pending edits that build on it are refused with it, as the relay
   * refuses the dependents of a refused edit.
   */
  async #setAside(mutationId: string, answer: string): Promise<void> {
    const tables = await this.#options.replica.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ name: string }>(
        `UPDATE _outbox SET state = 'REFUSED', refusal_code = 'relay_failed', refusal_reason = $2, answered_at = now()
          WHERE id = $1 AND state = 'PENDING' RETURNING name`,
        [mutationId, setAsideReason(answer)],
      );
      if (!rows[0]) return [];
      const dependents = await tx.query<{ id: string }>(
        `WITH RECURSIVE builds_on(id) AS (
           SELECT $1::uuid
           UNION
           SELECT o.id FROM _outbox o JOIN builds_on b ON b.id = ANY(o.after_ids)
            WHERE o.organization_id = $2 AND o.state = 'PENDING'
         )
         UPDATE _outbox SET state = 'REFUSED', refusal_code = 'depends_on_refused', refusal_reason = $3,
                answered_at = now()
          WHERE id IN (SELECT id FROM builds_on) AND id <> $1 AND state = 'PENDING'
          RETURNING id::text`,
        [mutationId, this.#org, dependentReason({ name: rows[0].name, id: mutationId })],
      );
      return dropPendingWrites(tx, [mutationId, ...dependents.rows.map((r) => r.id)]);
    });
    if (tables.length > 0) this.#options.replica.notifyChange({ tables });
    await this.#publish();
  }

  /** Writes the relay's answers; a refused edit's rows show the synced truth again at once. */
  async #record(results: readonly MutationResult[]): Promise<void> {
    const applied = results.filter((r) => r.outcome === 'APPLIED');
    const refusals = results.filter((r) => r.outcome === 'REFUSED');
    // The relay's database has the applied ones: the journal lets them go, on disk before the
    // replica may forget them (a replica missing them then holds no hole, docs/durability.md).
    // Refused ones stay until the user discards them.
    if (applied.length > 0) await this.#options.journal.settle(applied.map((r) => r.id));
    const tables = await this.#options.replica.db.transaction(async (tx) => {
      // one statement per outcome, not one per edit: a backlog answers 200 at a time
      if (applied.length > 0) {
        await tx.query(
          `UPDATE _outbox o SET state = 'APPLIED', txid = a.txid, commit_seq = a.seq, tables = a.tables, answered_at = now()
             FROM jsonb_to_recordset($1::jsonb) AS a(id uuid, txid text, seq bigint, tables text[])
            WHERE o.id = a.id AND o.state = 'PENDING'`,
          [JSON.stringify(applied)],
        );
      }
      if (refusals.length > 0) {
        await tx.query(
          `UPDATE _outbox o SET state = 'REFUSED', refusal_code = r.code, refusal_reason = r.reason, answered_at = now()
             FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, reason text)
            WHERE o.id = r.id AND o.state = 'PENDING'`,
          [JSON.stringify(refusals)],
        );
      }
      const refused = refusals.map((r) => r.id);
      const rolledBack = await dropPendingWrites(tx, refused);
      const reconciled = await reconcileApplied(tx, this.#org);
      return [...new Set([...rolledBack, ...reconciled])];
    });
    if (tables.length > 0) this.#options.replica.notifyChange({ tables });
    await this.#publish();
  }
}
