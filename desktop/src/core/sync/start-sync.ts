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
import { deriveStatus, SyncStatusBoard, type SyncStatus } from './sync-status.js';
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
  const snapshotting = new Set(tables.filter((t) => !resumeFrom.has(t)));
  const skippedTables: string[] = [];
  let fatal: { phase: 'signed-out' | 'error'; reason: string } | undefined;
  let offlineSince: Date | undefined;
  let rowsReceived = 0;
  let rowsTotal: number | undefined;
  let lastSyncedAt: Date | undefined = lastSync?.last_synced_at;

  const board = new SyncStatusBoard(
    deriveStatus({ snapshotting: false, everyShapeComplete: false, rowsReceived, skippedTables }),
  );
  const caughtUpWaiters = new Set<{ resolve: () => void; reject: (e: Error) => void }>();
  const refreshStatus = () => {
    const status = deriveStatus({
      ...(fatal ? { fatal } : {}),
      ...(offlineSince ? { offlineSince } : {}),
      snapshotting: snapshotting.size > 0,
      everyShapeComplete: buffer.completeLsn() !== undefined,
      rowsReceived,
      ...(rowsTotal !== undefined ? { rowsTotal } : {}),
      ...(lastSyncedAt ? { lastSyncedAt } : {}),
      skippedTables: [...skippedTables],
    });
    board.publish(status);
    if (fatal) {
      for (const waiter of caughtUpWaiters) waiter.reject(new Error(`sync stopped: ${fatal.reason}`));
      caughtUpWaiters.clear();
    } else if (status.phase === 'live' && buffer.isCaughtUp()) {
      for (const waiter of caughtUpWaiters) waiter.resolve();
      caughtUpWaiters.clear();
    }
  };

  const stopWith = (phase: 'signed-out' | 'error', reason: string) => {
    if (!fatal) fatal = { phase, reason };
    abort.abort();
    refreshStatus();
  };

  // one apply at a time, in the order batches were released
  let applying: Promise<void> = Promise.resolve();
  const drain = () => {
    applying = applying.then(async () => {
      if (fatal) return;
      try {
        for (let batch = buffer.takeReady(); batch; batch = buffer.takeReady()) await commit(batch);
        if (buffer.isCaughtUp()) lastSyncedAt = new Date();
      } catch (error) {
        // the transaction rolled back and the offsets were not saved: a restart replays it
        stopWith('error', `could not apply synced changes: ${(error as Error).message}`);
      }
      refreshStatus();
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
    for (const table of batch.checkpoints.keys()) snapshotting.delete(table);
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
    if (skippedTables.includes(table)) return;
    skippedTables.push(table);
    buffer.drop(table);
    snapshotting.delete(table);
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
    const wasOffline = offlineSince !== undefined;
    if (reachable) offlineSince = undefined;
    else offlineSince ??= new Date();
    if (wasOffline !== !reachable) refreshStatus();
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
  if (snapshotting.size > 0) await countSnapshotRows();

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
        if (abort.signal.aborted || fatal || skippedTables.includes(table)) return;
        try {
          if (snapshotting.has(table)) rowsReceived += messages.filter((m) => 'key' in m).length;
          if (messages.some((m) => m.headers.control === 'must-refetch')) snapshotting.add(table);
          buffer.receive(table, messages, { handle: stream.shapeHandle, offset: stream.lastOffset });
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
  refreshStatus();

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
      rowsTotal = [...snapshotting].reduce((sum, table) => sum + (counts[table] ?? 0), 0) + rowsReceived;
      refreshStatus();
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
    waitUntilLive() {
      if (fatal) return Promise.reject(new Error(`sync stopped: ${fatal.reason}`));
      if (board.current.phase === 'live' && buffer.isCaughtUp()) return Promise.resolve();
      return new Promise((resolve, reject) => caughtUpWaiters.add({ resolve, reject }));
    },
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
