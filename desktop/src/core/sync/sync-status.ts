// What the UI shows about sync, and how it moves:
//
//   connecting ──(first snapshot on the way)──► initial-sync ──(all shapes applied)──► live
//        │                                          │                                   │
//        └────────── network error / 5xx ──► offline (since) ◄─────────────────────────┘
//                    good response again ──► back to whichever of the above applies
//   any ── 401 ──► signed-out (sticky)        any ── refused request / broken batch ──► error (sticky)
//
// `lastSyncedAt` is the last moment the replica held everything the relay had sent.

export type SyncPhase = 'connecting' | 'initial-sync' | 'live' | 'offline' | 'signed-out' | 'error';

export interface SyncStatus {
  readonly phase: SyncPhase;
  readonly lastSyncedAt?: Date;
  /** while phase is initial-sync: rows received for shapes still downloading their snapshot */
  readonly progress?: { readonly rowsReceived: number; readonly rowsTotal?: number };
  /** while phase is offline */
  readonly offlineSince?: Date;
  /** why sync stopped (signed-out, error) */
  readonly reason?: string;
  /** tables the relay refused to this member (their role may not read them) */
  readonly skippedTables: readonly string[];
}

export interface SyncFacts {
  readonly fatal?: { readonly phase: 'signed-out' | 'error'; readonly reason: string };
  readonly offlineSince?: Date;
  readonly snapshotting: boolean;
  readonly everyShapeComplete: boolean;
  readonly rowsReceived: number;
  /** what the relay said the snapshots hold, once it answered */
  readonly rowsTotal?: number;
  readonly lastSyncedAt?: Date;
  readonly skippedTables: readonly string[];
}

export function deriveStatus(facts: SyncFacts): SyncStatus {
  const common = {
    skippedTables: facts.skippedTables,
    ...(facts.lastSyncedAt ? { lastSyncedAt: facts.lastSyncedAt } : {}),
  };
  if (facts.fatal) return { phase: facts.fatal.phase, reason: facts.fatal.reason, ...common };
  if (facts.offlineSince) return { phase: 'offline', offlineSince: facts.offlineSince, ...common };
  if (facts.snapshotting) {
    const progress = {
      rowsReceived: facts.rowsReceived,
      ...(facts.rowsTotal !== undefined ? { rowsTotal: Math.max(facts.rowsTotal, facts.rowsReceived) } : {}),
    };
    return { phase: 'initial-sync', progress, ...common };
  }
  if (facts.everyShapeComplete) return { phase: 'live', ...common };
  return { phase: 'connecting', ...common };
}

/** Holds the current status and tells subscribers when it changes. */
export class SyncStatusBoard {
  #status: SyncStatus;
  readonly #listeners = new Set<(status: SyncStatus) => void>();

  constructor(initial: SyncStatus) {
    this.#status = initial;
  }

  get current(): SyncStatus {
    return this.#status;
  }

  publish(next: SyncStatus): void {
    if (sameStatus(this.#status, next)) return;
    this.#status = next;
    for (const listener of this.#listeners) {
      try {
        listener(next);
      } catch {
        // one broken listener must not silence the others
      }
    }
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
