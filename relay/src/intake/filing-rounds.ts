// Requests sent while the relay is filing others wait for the round in progress to commit, then go
// in the next round together: one statement and one commit for all of them (file-request.ts).
// A commit that writes synced rows holds the change log's sequence lock while the WAL is flushed,
// so filings committed one by one are limited to one flush at a time (docs/intake-page.md has
// the figures); a round pays that once for everyone in it. With no one else sending, a round
// is one request, filed at once: waiting for company would only add latency.
//
// Each sender is answered when its own round commits (never before: nothing is acknowledged that
// is not durable) and gets its own answer, or its own error (file-request.ts files a failed
// round's requests again one by one).
import type { FiledRequest, Filing, FilingOutcome } from './file-request.js';

export interface FilingRoundsOptions {
  /**
   * Rounds under way at once. One files the most per CPU second: two let the next round's
   * statement run while the last one's commit flushes, but each round is then about half as
   * large, and the relay and PostgreSQL spend more CPU per request.
   */
  readonly concurrentRounds: number;
  /** requests in one round at most: a round is one statement, its parameter grows with it */
  readonly roundSize: number;
}

interface Waiting {
  readonly filing: Filing;
  readonly resolve: (filed: FiledRequest) => void;
  readonly reject: (error: unknown) => void;
}

export class FilingRounds {
  readonly #waiting: Waiting[] = [];
  #underWay = 0;

  constructor(
    private readonly fileTogether: (filings: readonly Filing[]) => Promise<FilingOutcome[]>,
    private readonly options: FilingRoundsOptions,
  ) {}

  /** Files this request in the next round; resolves once that round has committed. */
  file(filing: Filing): Promise<FiledRequest> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ filing, resolve, reject });
      this.#startRounds();
    });
  }

  #startRounds(): void {
    while (this.#underWay < this.options.concurrentRounds && this.#waiting.length > 0) {
      this.#underWay += 1;
      void this.#run(this.#takeRound()).finally(() => {
        this.#underWay -= 1;
        this.#startRounds();
      });
    }
  }

  /** The oldest waiting requests, one per form token: a form sent twice goes in a later round, where it finds its request. */
  #takeRound(): Waiting[] {
    const round: Waiting[] = [];
    const tokens = new Set<string>();
    for (let i = 0; i < this.#waiting.length && round.length < this.options.roundSize;) {
      const waiting = this.#waiting[i]!;
      if (tokens.has(waiting.filing.formToken)) {
        i += 1;
        continue;
      }
      tokens.add(waiting.filing.formToken);
      round.push(waiting);
      this.#waiting.splice(i, 1);
    }
    return round;
  }

  async #run(round: readonly Waiting[]): Promise<void> {
    try {
      const outcomes = await this.fileTogether(round.map((w) => w.filing));
      round.forEach((w, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) w.resolve(outcome.filed);
        else w.reject(outcome.error);
      });
    } catch (error) {
      for (const w of round) w.reject(error);
    }
  }
}
