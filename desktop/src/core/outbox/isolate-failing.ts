// Finds the one edit the relay keeps failing on (a relay fault it does not turn into a refusal),
// so that it can be set aside and everything queued behind it can upload. Without this, a device
// sends the same batch for ever and nothing it does afterwards ever reaches the office.
//
// RULES (isolate-failing.test.ts cites these):
//  I1 Only an answer from a working relay counts as a failure of the batch: the relay answered
//     it with an error (5xx, or a 4xx other than 401/408/429, which a body of the batch can also
//     cause) AND right afterwards GET /healthz said the relay and its database are up. No answer
//     (network down, relay stopped), 401, 408, 429, or a failure while /healthz says the database
//     is away (503 database_unavailable during an outage) never counts: that is waiting, and the
//     queue is sent whole again later (outbox.ts decides; this module is told `interrupted`).
//  I2 A batch that fails 3 times (BATCH_TRIES) with the same oldest edit starts a search.
//  I3 The search keeps the device's order: it sends the first half of the smallest batch known to
//     fail, never anything behind it. A half the relay answers was recorded like any answer (the
//     failing edit is in the rest, whose first half goes next); a half that fails is the new
//     smallest failing batch. New edits made meanwhile wait behind the search.
//  I4 One edit is set aside only when it fails on its own right after the relay answered a batch
//     without it: the relay works, just not on this edit. Until then it is sent alone; after it
//     failed alone BATCH_TRIES times, the first pending edit behind it that builds on no pending
//     edit goes alone as a probe (the only edit ever sent ahead of an older one, and only once the
//     older one failed alone again and again). If the probe fails too, the relay fails on
//     everything: nothing is set aside, and the suspect goes again, alone, BATCH_TRIES times before
//     the next probe. With nothing behind it to probe, an edit is never set aside: it blocks nothing.
//  I5 When every edit of the failing batch has been answered after all, the search ends (the
//     trouble passed) and full batches resume.
//  I6 What is set aside is kept as a refused edit (outbox.ts): rolled back from the screens, shown
//     in "needs attention" with the relay's answer, retried or discarded by the user; pending
//     edits that build on it (`after`, transitively) are refused with it (depends_on_refused), as
//     the relay refuses the dependents of a refused edit.

export const BATCH_TRIES = 3;

/** what the search needs to know of a pending edit */
export interface QueuedEdit {
  readonly id: string;
  /** pending edits of this device it builds on */
  readonly after: readonly string[];
}

export class FailingEditSearch {
  /** oldest edit of the batch failing before any search, and how often in a row it failed */
  #head: string | undefined;
  #streak = 0;
  /** the smallest batch known to fail, oldest first; undefined while not searching */
  #failing: string[] | undefined;
  /** the last exchange with the relay was an answer to a batch (which never holds the suspect) */
  #answeredJustBefore = false;
  /** failures of the lone suspect since the last probe */
  #aloneFailures = 0;
  #sentProbe = false;

  get searching(): boolean {
    return this.#failing !== undefined;
  }

  /** Which of the pending edits (oldest first, as the outbox sends them) to send now. */
  next<T extends QueuedEdit>(pending: readonly T[]): T[] {
    this.#sentProbe = false;
    if (!this.#failing) return [...pending];
    const pendingIds = new Set(pending.map((edit) => edit.id));
    const failing = this.#failing.filter((id) => pendingIds.has(id));
    if (failing.length === 0) {
      this.#end(); // I5
      return [...pending];
    }
    this.#failing = failing;
    if (failing.length > 1) {
      const half = new Set(failing.slice(0, Math.ceil(failing.length / 2)));
      return pending.filter((edit) => half.has(edit.id)); // I3
    }
    const suspect = failing[0]!;
    const alone = pending.filter((edit) => edit.id === suspect);
    if (this.#answeredJustBefore || this.#aloneFailures < BATCH_TRIES) return alone;
    const probe = pending.find((edit) => edit.id !== suspect && edit.after.every((id) => !pendingIds.has(id)));
    if (!probe) return alone; // I4: nothing behind it can go
    this.#sentProbe = true;
    this.#aloneFailures = 0;
    return [probe];
  }

  /** The relay answered the batch sent (refusals included). */
  answered(): void {
    this.#head = undefined;
    this.#streak = 0;
    this.#answeredJustBefore = true;
  }

  /** No failure of the batch (I1): no answer, or the relay is not up. */
  interrupted(): void {
    this.#answeredJustBefore = false;
  }

  /**
   * The relay, which is up, failed on this batch (ids oldest first). Returns the id of the edit to
   * set aside, when it is found.
   */
  failed(sent: readonly string[]): string | undefined {
    const evidence = this.#answeredJustBefore;
    this.#answeredJustBefore = false;
    if (sent.length === 0) return undefined;
    const failing = this.#failing;
    if (!failing) {
      if (sent[0] !== this.#head) {
        this.#head = sent[0];
        this.#streak = 0;
      }
      this.#streak += 1;
      if (this.#streak >= BATCH_TRIES) this.#failing = [...sent]; // I2
      return undefined;
    }
    if (this.#sentProbe) return undefined; // I4: the relay fails without the suspect too
    if (failing.length === 1) {
      if (sent.length !== 1 || sent[0] !== failing[0]) return undefined;
      if (evidence) {
        this.#end();
        return sent[0];
      }
      this.#aloneFailures += 1;
      return undefined;
    }
    // I3: a first half failed: the failing edit is in it
    if (sent.every((id) => failing.includes(id))) this.#failing = [...sent];
    return undefined;
  }

  #end(): void {
    this.#failing = undefined;
    this.#head = undefined;
    this.#streak = 0;
    this.#aloneFailures = 0;
    this.#sentProbe = false;
  }
}

/** Why an edit was set aside, in words for the person who made it. */
export function setAsideReason(answer: string): string {
  return (
    `the relay failed on this edit every time it was sent (${answer}); ` +
    'it was set aside so that your other edits could upload: retry it later, or discard it'
  );
}

/** Why an edit that builds on a set-aside one was set aside with it. */
export function dependentReason(setAside: { readonly name: string; readonly id: string }): string {
  return `it builds on an earlier change (${setAside.name} ${setAside.id}) that the relay kept failing on and that was set aside`;
}
