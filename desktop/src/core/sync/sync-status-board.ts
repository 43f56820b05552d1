// The status side of one sync session: the reducer's state as it stands (sync-status.ts), the
// last status told to subscribers, and the callers waiting for live. Recording an event tells
// no one; startSync publishes at the moments a screen should see the result (after an apply,
// a stop, a change of reachability, the relay's counts), so that a batch received but not yet
// applied never shows as live.
import { reduceSync, syncStatus, type SyncEvent, type SyncState, type SyncStatus } from './sync-status.js';

export class SyncStatusBoard {
  #state: SyncState;
  #status: SyncStatus;
  readonly #listeners = new Set<(status: SyncStatus) => void>();
  readonly #waiters = new Set<{ resolve: () => void; reject: (e: Error) => void }>();

  constructor(initial: SyncState) {
    this.#state = initial;
    this.#status = syncStatus(initial);
  }

  get state(): SyncState {
    return this.#state;
  }

  /** the status last published */
  get current(): SyncStatus {
    return this.#status;
  }

  record(event: SyncEvent): void {
    this.#state = reduceSync(this.#state, event);
  }

  /** `caughtUp`: nothing received waits to be applied (the buffer's word), which live waiters need too */
  publish(caughtUp: boolean): void {
    const next = syncStatus(this.#state);
    if (!sameStatus(this.#status, next)) {
      this.#status = next;
      for (const listener of this.#listeners) {
        try {
          listener(next);
        } catch {
          // one broken listener must not silence the others
        }
      }
    }
    const stopped = this.#state.stopped;
    if (stopped) {
      for (const waiter of this.#waiters) waiter.reject(new Error(`sync stopped: ${stopped.reason}`));
      this.#waiters.clear();
    } else if (next.phase === 'live' && caughtUp) {
      for (const waiter of this.#waiters) waiter.resolve();
      this.#waiters.clear();
    }
  }

  waitUntilLive(caughtUp: boolean): Promise<void> {
    const stopped = this.#state.stopped;
    if (stopped) return Promise.reject(new Error(`sync stopped: ${stopped.reason}`));
    if (this.#status.phase === 'live' && caughtUp) return Promise.resolve();
    return new Promise((resolve, reject) => this.#waiters.add({ resolve, reject }));
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.phase === b.phase &&
    a.lastSyncedAt?.getTime() === b.lastSyncedAt?.getTime() &&
    a.progress?.rowsReceived === b.progress?.rowsReceived &&
    a.progress?.rowsTotal === b.progress?.rowsTotal &&
    a.offlineSince?.getTime() === b.offlineSince?.getTime() &&
    a.reason === b.reason &&
    a.skippedTables.join() === b.skippedTables.join()
  );
}
