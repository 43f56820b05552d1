// What the MultiShapeBuffer releases goes into the replica here, one transaction at a time, in
// the order it was released (commit-batch.ts); a refused table's removal waits its turn in the
// same lane. Once sync has caught up, tables loaded in bulk get fresh statistics.
import type { Transaction } from '@electric-sql/pglite';
import type { Replica } from '../replica/open-replica.js';
import { syncedTable } from '../replica/replica-schema.js';
import type { MultiShapeBuffer, ReadyBatch } from './multi-shape-buffer.js';
import type { TableColumns } from './apply-batch.js';
import { commitBatch } from './commit-batch.js';
import { forgetTable } from './forget-table.js';
import type { SyncStatusBoard } from './sync-status-board.js';

export interface ApplyLaneOptions {
  readonly replica: Replica;
  readonly organizationId: string;
  readonly buffer: MultiShapeBuffer;
  readonly columns: TableColumns;
  readonly reconcile?: ((tx: Transaction) => Promise<readonly string[]>) | undefined;
  /** applied batches and catching up are recorded here */
  readonly board: SyncStatusBoard;
  /** aborted when the session stops: no ANALYZE starts after that */
  readonly signal: AbortSignal;
  /** the replica refused a write: sync stops with this reason */
  readonly fail: (reason: string) => void;
  /** tell the screens, after each drain */
  readonly publish: () => void;
}

export class ApplyLane {
  #tail: Promise<void> = Promise.resolve();
  /** After a bulk load, fresh statistics let single-row updates find rows by index. */
  readonly #staleStatistics = new Set<string>();

  constructor(private readonly options: ApplyLaneOptions) {}

  /** resolves when everything queued so far has run */
  get settled(): Promise<void> {
    return this.#tail;
  }

  /** applies every batch the buffer can release now */
  drain(): Promise<void> {
    const { buffer, board } = this.options;
    return this.#then(async () => {
      if (board.state.stopped) return;
      try {
        for (let batch = buffer.takeReady(); batch; batch = buffer.takeReady()) await this.#commit(batch);
        if (buffer.isCaughtUp()) board.record({ type: 'caught-up', at: new Date() });
      } catch (error) {
        // the transaction rolled back and the offsets were not saved: a restart replays it
        this.options.fail(`could not apply synced changes: ${(error as Error).message}`);
      }
      this.options.publish();
      // done once the replica has reported live, so that it does not delay the first sync
      if (buffer.isCaughtUp()) this.#analyzeStaleTables();
    });
  }

  /** removes what the replica held of a table the relay refused to this member */
  forget(table: string): void {
    const { replica, organizationId } = this.options;
    void this.#then(async () => {
      try {
        await forgetTable(replica, organizationId, table);
        replica.notifyChange({ tables: [table] });
      } catch (error) {
        const why = (error as Error).message;
        this.options.fail(`could not remove ${table}, which this member may no longer read: ${why}`);
      }
    });
  }

  async #commit(batch: ReadyBatch): Promise<void> {
    const { replica, organizationId, columns, reconcile, board } = this.options;
    const { touched, bulkLoaded } = await commitBatch(replica, organizationId, batch, columns, reconcile);
    // a checkpoint after a snapshot is released only with the whole snapshot
    board.record({ type: 'applied', checkpointed: [...batch.checkpoints.keys()] });
    if (touched.size > 0) replica.notifyChange({ tables: [...touched] });
    for (const table of bulkLoaded) this.#staleStatistics.add(table);
  }

  #analyzeStaleTables(): void {
    if (this.#staleStatistics.size === 0) return;
    void this.#then(async () => {
      for (const table of [...this.#staleStatistics]) {
        this.#staleStatistics.delete(table);
        if (this.options.signal.aborted) return;
        await this.options.replica.db.exec(`ANALYZE ${syncedTable(table)}`).catch(() => {});
      }
    });
  }

  #then(work: () => Promise<void>): Promise<void> {
    this.#tail = this.#tail.then(work);
    return this.#tail;
  }
}
