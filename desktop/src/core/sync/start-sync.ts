// Keeps an organization's replica in step with the relay: one ShapeStream (the unmodified
// @electric-sql/client, shape-stream.ts) per synced table, their batches gathered in a
// MultiShapeBuffer and applied one PGlite transaction at a time (apply-lane.ts,
// commit-batch.ts), each shape's handle and offset saved with the rows they cover so that a
// restart resumes where it stopped (sync-positions.ts). What happens is recorded on the status
// board as events, and the reducer (sync-status.ts) decides what the screens see.
import { setMaxListeners } from 'node:events';
import type { BackoffOptions, Message } from '@electric-sql/client';
import type { Transaction } from '@electric-sql/pglite';
import { syncedTables } from '@promoteros/shared';
import type { Replica } from '../replica/open-replica.js';
import { MultiShapeBuffer } from './multi-shape-buffer.js';
import { loadTableColumns } from './apply-batch.js';
import { ApplyLane } from './apply-lane.js';
import { openShapeStream, streamFailure } from './shape-stream.js';
import { countSnapshotRows } from './snapshot-counts.js';
import { readSyncPositions } from './sync-positions.js';
import { initialSyncState, type SyncEvent, type SyncStatus } from './sync-status.js';
import { SyncStatusBoard } from './sync-status-board.js';
import { createRelayFetch } from './relay-fetch.js';

export interface StartSyncOptions {
  readonly replica: Replica;
  /** e.g. https://relay.example.com (no trailing /v1/shape) */
  readonly relayUrl: string;
  readonly organizationId: string;
  /** the session token, read before every request so a refreshed one is picked up */
  readonly getToken: () => string | Promise<string>;
  readonly fetch?: typeof fetch;
  /** the client's retry pacing (tests shorten it); defaults to the client's 1 s → 32 s */
  readonly backoff?: Partial<BackoffOptions>;
  /**
   * Runs inside each applied batch's transaction, after the rows and offsets: the outbox drops
   * the optimistic state the batch made true. Returns the tables whose views changed.
   */
  readonly reconcile?: (tx: Transaction) => Promise<readonly string[]>;
}

export interface SyncSession {
  readonly status: SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** resolves when every shape is live and nothing received waits to be applied; rejects if sync stops for good */
  waitUntilLive(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSync(options: StartSyncOptions): Promise<SyncSession> {
  const { replica, organizationId, relayUrl, getToken } = options;
  const tables = syncedTables.map((t) => t.name);
  const positions = await readSyncPositions(replica, organizationId);
  const columns = await loadTableColumns(replica.db);
  const buffer = new MultiShapeBuffer(tables);
  const abort = new AbortController();
  // every stream (and each of its requests) listens on this one signal
  setMaxListeners(0, abort.signal);
  const board = new SyncStatusBoard(
    initialSyncState({
      snapshotting: tables.filter((t) => !positions.shapes.has(t)),
      lastSyncedAt: positions.lastSyncedAt,
    }),
  );
  const publish = () => board.publish(buffer.isCaughtUp());
  const everyShapeComplete = () => buffer.completeLsn() !== undefined;
  const stopWith = (phase: 'signed-out' | 'error', reason: string) => {
    board.record({ type: 'stopped', phase, reason });
    abort.abort();
    publish();
  };
  const lane = new ApplyLane({
    replica,
    organizationId,
    buffer,
    columns,
    reconcile: options.reconcile,
    board,
    signal: abort.signal,
    fail: (reason) => stopWith('error', reason),
    publish,
  });

  /** The relay refused this table to the member: forget it, and what the replica held of it. */
  const skipTable = (table: string) => {
    if (board.state.skippedTables.includes(table)) return;
    buffer.drop(table);
    board.record({ type: 'table-refused', table, everyShapeComplete: everyShapeComplete() });
    lane.forget(table);
    if (buffer.activeTables.length === 0) {
      stopWith('error', `the relay refused every table of organization ${organizationId} to this member`);
      return;
    }
    void lane.drain();
  };

  const relayFetch = createRelayFetch(options.fetch ?? fetch, (reachable) => {
    if (abort.signal.aborted) return;
    const wasOffline = board.state.offlineSince !== undefined;
    board.record(reachable ? { type: 'reachable' } : { type: 'unreachable', at: new Date() });
    if (wasOffline !== !reachable) publish();
  });

  // the total first, so that the first progress shown already has it
  if (board.state.snapshotting.size > 0) {
    const counts = await countSnapshotRows({
      relayUrl,
      organizationId,
      getToken,
      fetch: relayFetch,
      signal: abort.signal,
    });
    if (counts) {
      board.record({ type: 'counted', counts });
      publish();
    }
  }

  for (const table of tables) {
    const stream = openShapeStream({
      relayUrl,
      table,
      organizationId,
      resume: positions.shapes.get(table),
      getToken,
      fetchClient: relayFetch,
      signal: abort.signal,
      backoff: options.backoff,
      onError: (error) => {
        if (abort.signal.aborted) return;
        const failure = streamFailure(table, error);
        if (failure.kind === 'table-refused') skipTable(table);
        else stopWith(failure.kind, failure.reason);
      },
    });
    stream.subscribe(
      async (messages: Message[]) => {
        if (abort.signal.aborted || board.state.stopped || board.state.skippedTables.includes(table)) return;
        try {
          buffer.receive(table, messages, { handle: stream.shapeHandle, offset: stream.lastOffset });
          board.record(delivered(table, messages, everyShapeComplete()));
          // awaiting the apply holds the stream's next request: memory stays bounded
          await lane.drain();
        } catch (error) {
          stopWith('error', `sync of ${table} failed: ${(error as Error).message}`);
        }
      },
      () => {
        // errors reach onError above; this only hears about streams that gave up
      },
    );
  }
  publish();
  return syncSession(board, buffer, abort, lane);
}

/** what a stream delivered, as the status reducer records it */
function delivered(table: string, messages: readonly Message[], everyShapeComplete: boolean): SyncEvent {
  return {
    type: 'received',
    table,
    rows: messages.filter((m) => 'key' in m).length,
    mustRefetch: messages.some((m) => m.headers.control === 'must-refetch'),
    everyShapeComplete,
  };
}

function syncSession(
  board: SyncStatusBoard,
  buffer: MultiShapeBuffer,
  abort: AbortController,
  lane: ApplyLane,
): SyncSession {
  let stopping: Promise<void> | undefined;
  return {
    get status() {
      return board.current;
    },
    subscribe: (listener) => board.subscribe(listener),
    waitUntilLive: () => board.waitUntilLive(buffer.isCaughtUp()),
    stop() {
      stopping ??= (async () => {
        abort.abort();
        await lane.settled;
      })();
      return stopping;
    },
  };
}
