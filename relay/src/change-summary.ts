// Which tables and organizations each recent transaction touched, kept in memory by the change
// feed. A long-poll woken by a commit that did not touch its shape answers with an up-to-date
// alone, without querying the change log: one summary query per commit per relay, instead of
// one change-log query per waiting shape.

export type Touches = 'yes' | 'no' | 'unknown';

export class ChangeSummary {
  /** seq → "table organization" entries the transaction wrote */
  readonly #bySeq = new Map<number, Set<string>>();
  /** the summary knows every transaction with coveredFrom < seq <= coveredTo */
  #coveredFrom: number;
  #coveredTo: number;

  constructor(
    head: number,
    private readonly capacity = 20_000,
  ) {
    this.#coveredFrom = head;
    this.#coveredTo = head;
  }

  get coveredTo(): number {
    return this.#coveredTo;
  }

  /** Records the transactions in (coveredTo, upTo]; rows list what each one touched. */
  extend(upTo: number, rows: ReadonlyArray<{ seq: number; table: string; organizationId: string | null }>): void {
    if (upTo <= this.#coveredTo) return;
    for (const row of rows) {
      if (row.seq <= this.#coveredTo || row.seq > upTo) continue;
      let entries = this.#bySeq.get(row.seq);
      if (!entries) this.#bySeq.set(row.seq, (entries = new Set()));
      entries.add(`${row.table} ${row.organizationId ?? ''}`);
    }
    this.#coveredTo = upTo;
    // forget the oldest transactions; requests behind them fall back to the change log
    while (this.#bySeq.size > this.capacity) {
      const oldest = this.#bySeq.keys().next().value!;
      this.#bySeq.delete(oldest);
      this.#coveredFrom = Math.max(this.#coveredFrom, oldest);
    }
  }

  /** Did any transaction in (after, upTo] write this table in one of these organizations? */
  touches(after: number, upTo: number, table: string, organizationIds: readonly string[]): Touches {
    if (after < this.#coveredFrom || upTo > this.#coveredTo) return 'unknown';
    if (upTo - after > this.#bySeq.size) {
      // a wide range: walk the map rather than the numbers
      for (const [seq, entries] of this.#bySeq) {
        if (seq > after && seq <= upTo && organizationIds.some((o) => entries.has(`${table} ${o}`))) return 'yes';
      }
      return 'no';
    }
    for (let seq = after + 1; seq <= upTo; seq += 1) {
      const entries = this.#bySeq.get(seq);
      if (entries && organizationIds.some((o) => entries.has(`${table} ${o}`))) return 'yes';
    }
    return 'no';
  }
}
