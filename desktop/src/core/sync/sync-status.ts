// What the UI shows about sync, as a pure reducer: startSync reports what happened (SyncEvent),
// reduceSync folds it into SyncState, and syncStatus(state) is what subscribers see.
//
//   connecting ──(first snapshot on the way)──► initial-sync ──(all shapes applied)──► live
//        │                                          │                                   │
//        └────────── network error / 5xx ──► offline (since) ◄─────────────────────────┘
//                    good response again ──► back to whichever of the above applies
//   any ── 401 ──► signed-out (sticky)        any ── refused request / broken batch ──► error (sticky)
//
// RULES (sync-status.test.ts cites these):
//  R1 A stop is final: the first `stopped` sets the phase (signed-out when the relay refused the
//     session, error for anything else) and its reason; no later event changes the status.
//  R2 While the relay does not answer, the phase is offline, since the first request that
//     failed; one answer ends it. Offline stands above initial-sync, connecting and live.
//  R3 A table snapshots from the start (no stored offset) or from a must-refetch, until a batch
//     carrying its checkpoint is applied. While any table snapshots, the phase is initial-sync
//     with the rows received for snapshotting tables (rows delivered with the must-refetch that
//     restarts a table are not counted: they belong to the snapshot it drops).
//  R4 The total is what the relay counted for the tables still snapshotting plus the rows
//     already received; progress never shows a total below what was received.
//  R5 With no table snapshotting, the phase is live once every active shape is complete
//     (multi-shape-buffer.ts S1), connecting before.
//  R6 lastSyncedAt is the last moment the replica held everything the relay had sent, or what
//     the replica stored from an earlier run; every phase carries it.
//  R7 A table the relay refuses is listed in skippedTables once, in the order refused; it no
//     longer holds initial-sync, and what it delivers afterwards is ignored.

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

export interface SyncState {
  /** tables whose snapshot has not been applied whole yet (R3) */
  readonly snapshotting: ReadonlySet<string>;
  readonly skippedTables: readonly string[];
  readonly stopped?: { readonly phase: 'signed-out' | 'error'; readonly reason: string };
  readonly offlineSince?: Date;
  readonly rowsReceived: number;
  /** what the relay said the snapshots hold, once it answered */
  readonly rowsTotal?: number;
  readonly lastSyncedAt?: Date;
  /** every active shape has seen a server transaction whole (the buffer's completeLsn) */
  readonly everyShapeComplete: boolean;
}

export type SyncEvent =
  /** the relay's row counts per table, for progress */
  | { readonly type: 'counted'; readonly counts: Readonly<Record<string, number>> }
  /** a shape delivered messages, and the buffer took them */
  | {
      readonly type: 'received';
      readonly table: string;
      /** change messages among them */
      readonly rows: number;
      readonly mustRefetch: boolean;
      readonly everyShapeComplete: boolean;
    }
  /** a batch is in the replica, with the checkpoints of these tables */
  | { readonly type: 'applied'; readonly checkpointed: readonly string[] }
  /** nothing received waits to be applied */
  | { readonly type: 'caught-up'; readonly at: Date }
  | { readonly type: 'unreachable'; readonly at: Date }
  | { readonly type: 'reachable' }
  /** the relay refused this table to the member (403) */
  | { readonly type: 'table-refused'; readonly table: string; readonly everyShapeComplete: boolean }
  | { readonly type: 'stopped'; readonly phase: 'signed-out' | 'error'; readonly reason: string };

export function initialSyncState(start: {
  /** tables with no stored offset: they download a snapshot first */
  readonly snapshotting: Iterable<string>;
  readonly lastSyncedAt?: Date | undefined;
}): SyncState {
  return {
    snapshotting: new Set(start.snapshotting),
    skippedTables: [],
    rowsReceived: 0,
    everyShapeComplete: false,
    ...(start.lastSyncedAt ? { lastSyncedAt: start.lastSyncedAt } : {}),
  };
}

export function reduceSync(state: SyncState, event: SyncEvent): SyncState {
  if (state.stopped) return state; // R1
  switch (event.type) {
    case 'stopped':
      return { ...state, stopped: { phase: event.phase, reason: event.reason } };
    case 'unreachable':
      return state.offlineSince ? state : { ...state, offlineSince: event.at };
    case 'reachable': {
      if (!state.offlineSince) return state;
      const { offlineSince: _ended, ...online } = state;
      return online;
    }
    case 'counted': {
      let total = state.rowsReceived;
      for (const table of state.snapshotting) total += event.counts[table] ?? 0;
      return { ...state, rowsTotal: total };
    }
    case 'received': {
      if (state.skippedTables.includes(event.table)) return state; // R7
      const counted = state.snapshotting.has(event.table) ? event.rows : 0;
      const snapshotting = event.mustRefetch ? new Set([...state.snapshotting, event.table]) : state.snapshotting;
      return {
        ...state,
        rowsReceived: state.rowsReceived + counted,
        snapshotting,
        everyShapeComplete: event.everyShapeComplete,
      };
    }
    case 'applied':
      return { ...state, snapshotting: without(state.snapshotting, event.checkpointed) };
    case 'caught-up':
      return { ...state, lastSyncedAt: event.at };
    case 'table-refused':
      if (state.skippedTables.includes(event.table)) return state;
      return {
        ...state,
        skippedTables: [...state.skippedTables, event.table],
        snapshotting: without(state.snapshotting, [event.table]),
        everyShapeComplete: event.everyShapeComplete,
      };
  }
}

export function syncStatus(state: SyncState): SyncStatus {
  const common = {
    skippedTables: state.skippedTables,
    ...(state.lastSyncedAt ? { lastSyncedAt: state.lastSyncedAt } : {}),
  };
  if (state.stopped) return { phase: state.stopped.phase, reason: state.stopped.reason, ...common };
  if (state.offlineSince) return { phase: 'offline', offlineSince: state.offlineSince, ...common };
  if (state.snapshotting.size > 0) {
    const progress = {
      rowsReceived: state.rowsReceived,
      ...(state.rowsTotal !== undefined ? { rowsTotal: Math.max(state.rowsTotal, state.rowsReceived) } : {}),
    };
    return { phase: 'initial-sync', progress, ...common };
  }
  if (state.everyShapeComplete) return { phase: 'live', ...common };
  return { phase: 'connecting', ...common };
}

function without(tables: ReadonlySet<string>, gone: readonly string[]): ReadonlySet<string> {
  if (!gone.some((table) => tables.has(table))) return tables;
  const rest = new Set(tables);
  for (const table of gone) rest.delete(table);
  return rest;
}
