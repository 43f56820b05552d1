// Keeps an organization's replica in step with the relay: one ShapeStream (the unmodified
// @electric-sql/client) per synced table, their batches gathered in a MultiShapeBuffer and
// applied one PGlite transaction at a time, each shape's handle and offset saved with the rows
// they cover so that a restart resumes where it stopped.
import { setMaxListeners } from 'node:events';
import { FetchError, ShapeStream, type Message, type Offset } from '@electric-sql/client';
import type { BackoffOptions } from '@electric-sql/client';
import type { Transaction } from '@electric-sql/pglite';
import { findSyncedTable, syncedTables } from '@promoteros/shared';
import type { Replica } from '../replica/open-replica.js';
import { syncedTable } from '../replica/replica-schema.js';
import { MultiShapeBuffer, type ReadyBatch } from './multi-shape-buffer.js';
import { applyBatch, loadTableColumns, type TableColumns } from './apply-batch.js';
import { initialSyncState, type SyncStatus } from './sync-status.js';
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

interface StoredShape {
  table_name: string;
  handle: string;
  offset: string;
}

// int8 stays the decimal string the relay sent: BigInt cannot go through JSON into PGlite
const parser = { int8: (value: string) => value };

export async function startSync(options: StartSyncOptions): Promise<SyncSession> {
  const { replica, organizationId } = options;
  const tables = syncedTables.map((t) => t.name);
  const stored = await replica.query<StoredShape>(
    `SELECT table_name, handle, "offset" FROM _sync_shapes WHERE organization_id = $1`,
    [organizationId],
  );
  const resumeFrom = new Map(stored.map((row) => [row.table_name, row]));
  const [lastSync] = await replica.query<{ last_synced_at: Date }>(
    'SELECT last_synced_at FROM _sync_organizations WHERE organization_id = $1',
    [organizationId],
  );
  const columns: TableColumns = await loadTableColumns(replica.db);

  const buffer = new MultiShapeBuffer(tables);
  const abort = new AbortController();
  // every stream (and each of its requests) listens on this one signal
  setMaxListeners(0, abort.signal);
  // what happened is recorded on the board; the reducer (sync-status.ts) makes it a status
  const board = new SyncStatusBoard(
    initialSyncState({
      snapshotting: tables.filter((t) => !resumeFrom.has(t)),
      lastSyncedAt: lastSync?.last_synced_at,
    }),
  );
  const publish = () => board.publish(buffer.isCaughtUp());
  const everyShapeComplete = () => buffer.completeLsn() !== undefined;

  const stopWith = (phase: 'signed-out' | 'error', reason: string) => {
    board.record({ type: 'stopped', phase, reason });
    abort.abort();
    publish();
  };

  // one apply at a time, in the order batches were released
  let applying: Promise<void> = Promise.resolve();
  const drain = () => {
    applying = applying.then(async () => {
      if (board.state.stopped) return;
      try {
        for (let batch = buffer.takeReady(); batch; batch = buffer.takeReady()) await commit(batch);
        if (buffer.isCaughtUp()) board.record({ type: 'caught-up', at: new Date() });
      } catch (error) {
        // the transaction rolled back and the offsets were not saved: a restart replays it
        stopWith('error', `could not apply synced changes: ${(error as Error).message}`);
      }
      publish();
      if (buffer.isCaughtUp()) analyzeStaleTables();
    });
    return applying;
  };

  async function commit(batch: ReadyBatch): Promise<void> {
    let touched = new Set<string>();
    const bulkLoaded = new Set<string>();
    await replica.db.transaction(async (tx) => {
      // replica role: local triggers (none today) must not rewrite what the server decided
      await tx.exec('SET LOCAL session_replication_role = replica');
      touched = await applyBatch(tx, organizationId, batch, columns, bulkLoaded);
      // every shape's position in one statement: a live commit moves all of them
      const checkpoints = [...batch.checkpoints];
      if (checkpoints.length > 0) {
        await tx.query(
          `INSERT INTO _sync_shapes (organization_id, table_name, handle, "offset", updated_at)
           SELECT $1, t, h, o, now() FROM unnest($2::text[], $3::text[], $4::text[]) AS c(t, h, o)
           ON CONFLICT (organization_id, table_name)
           DO UPDATE SET handle = EXCLUDED.handle, "offset" = EXCLUDED."offset", updated_at = now()`,
          [
            organizationId,
            checkpoints.map(([table]) => table),
            checkpoints.map(([, c]) => c.handle),
            checkpoints.map(([, c]) => c.offset),
          ],
        );
      }
      await tx.query(
        `INSERT INTO _sync_organizations (organization_id, last_synced_at) VALUES ($1, now())
         ON CONFLICT (organization_id) DO UPDATE SET last_synced_at = now()`,
        [organizationId],
      );
      if (options.reconcile) for (const table of await options.reconcile(tx)) touched.add(table);
    });
    // a checkpoint after a snapshot is released only with the whole snapshot
    board.record({ type: 'applied', checkpointed: [...batch.checkpoints.keys()] });
    if (touched.size > 0) replica.notifyChange({ tables: [...touched] });
    for (const table of bulkLoaded) staleStatistics.add(table);
  }

  // After a bulk load, fresh statistics let single-row updates find rows by index. Done once
  // the replica has reported live, so that it does not delay the first sync.
  const staleStatistics = new Set<string>();
  const analyzeStaleTables = () => {
    if (staleStatistics.size === 0) return;
    applying = applying.then(async () => {
      for (const table of [...staleStatistics]) {
        staleStatistics.delete(table);
        if (abort.signal.aborted) return;
        await replica.db.exec(`ANALYZE ${syncedTable(table)}`).catch(() => {});
      }
    });
  };

  /** The relay refused this table to the member: forget it, and what the replica held of it. */
  const skipTable = (table: string) => {
    if (board.state.skippedTables.includes(table)) return;
    buffer.drop(table);
    board.record({ type: 'table-refused', table, everyShapeComplete: everyShapeComplete() });
    applying = applying.then(async () => {
      try {
        const column = findSyncedTable(table)?.organizationColumn ?? 'organization_id';
        await replica.db.transaction(async (tx) => {
          await tx.query(`DELETE FROM ${syncedTable(table)} WHERE "${column}" = $1`, [organizationId]);
          await tx.query('DELETE FROM _sync_shapes WHERE organization_id = $1 AND table_name = $2', [
            organizationId,
            table,
          ]);
        });
        replica.notifyChange({ tables: [table] });
      } catch (error) {
        stopWith(
          'error',
          `could not remove ${table}, which this member may no longer read: ${(error as Error).message}`,
        );
      }
    });
    if (buffer.activeTables.length === 0) {
      stopWith('error', `the relay refused every table of organization ${organizationId} to this member`);
      return;
    }
    void drain();
  };

  const relayFetch = createRelayFetch(options.fetch ?? fetch, (reachable) => {
    if (abort.signal.aborted) return;
    const wasOffline = board.state.offlineSince !== undefined;
    board.record(reachable ? { type: 'reachable' } : { type: 'unreachable', at: new Date() });
    if (wasOffline !== !reachable) publish();
  });

  const onError = (table: string) => (error: Error) => {
    if (abort.signal.aborted) return;
    if (error instanceof FetchError && error.status === 401) {
      stopWith('signed-out', `the relay no longer accepts this session (${describe(error)}); sign in again`);
    } else if (error instanceof FetchError && error.status === 403) {
      skipTable(table);
    } else {
      stopWith('error', `sync of ${table} failed: ${describe(error)}`);
    }
    // returning nothing stops this stream for good
  };

  // the total first, so that the first progress shown already has it
  if (board.state.snapshotting.size > 0) await countSnapshotRows();

  const shapeUrl = `${options.relayUrl.replace(/\/+$/, '')}/v1/shape`;
  for (const table of tables) {
    const resume = resumeFrom.get(table);
    const stream = new ShapeStream({
      url: shapeUrl,
      params: {
        table,
        where: table === 'organizations' ? '"id" = $1' : '"organization_id" = $1',
        params: [organizationId],
      },
      headers: { Authorization: async () => `Bearer ${await options.getToken()}` },
      ...(resume ? { offset: resume.offset as Offset, handle: resume.handle } : {}),
      parser,
      fetchClient: relayFetch,
      signal: abort.signal,
      onError: onError(table),
      ...(options.backoff ? { backoffOptions: { ...backoffDefaults, ...options.backoff } } : {}),
    });
    stream.subscribe(
      async (messages: Message[]) => {
        if (abort.signal.aborted || board.state.stopped || board.state.skippedTables.includes(table)) return;
        try {
          buffer.receive(table, messages, { handle: stream.shapeHandle, offset: stream.lastOffset });
          board.record({
            type: 'received',
            table,
            rows: messages.filter((m) => 'key' in m).length,
            mustRefetch: messages.some((m) => m.headers.control === 'must-refetch'),
            everyShapeComplete: everyShapeComplete(),
          });
          // awaiting the apply holds the stream's next request: memory stays bounded
          await drain();
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

  /** Asks the relay how many rows the snapshots hold, for progress; best effort. */
  async function countSnapshotRows(): Promise<void> {
    try {
      const response = await relayFetch(
        `${options.relayUrl.replace(/\/+$/, '')}/v1/shape-counts?organization_id=${encodeURIComponent(organizationId)}`,
        {
          headers: { authorization: `Bearer ${await options.getToken()}` },
          // never hold up the first sync for long: progress is a nicety
          signal: AbortSignal.any([abort.signal, AbortSignal.timeout(3000)]),
        },
      );
      if (!response.ok) return;
      const { counts } = (await response.json()) as { counts: Record<string, number> };
      board.record({ type: 'counted', counts });
      publish();
    } catch {
      // no total: progress shows rows received only
    }
  }

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
        await applying;
      })();
      return stopping;
    },
  };
}

const backoffDefaults: BackoffOptions = { initialDelay: 1_000, maxDelay: 32_000, multiplier: 2 };

function describe(error: Error): string {
  if (error instanceof FetchError) {
    const body = error.json as { message?: string } | undefined;
    return `HTTP ${error.status}${body?.message ? `: ${body.message}` : error.text ? `: ${error.text}` : ''}`;
  }
  return error.message;
}
