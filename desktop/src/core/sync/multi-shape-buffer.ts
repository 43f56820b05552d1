// Holds what the shape streams delivered until every shape has seen a server transaction whole,
// so that a transaction touching several tables appears in the replica all at once.
//
// SPEC (the tests in multi-shape-buffer.test.ts cite these):
//  S1 A shape is complete through lsn L once it has seen a change with `last: true` at L, or an
//     up-to-date carrying global_last_seen_lsn = L. Nothing is released before every active
//     shape is complete through something.
//  S2 takeReady() releases every buffered op whose lsn is <= min(complete lsn of active shapes),
//     ordered by lsn, then by table order, then by arrival; ops above that stay buffered.
//  S3 Snapshot rows carry no lsn: they wait for the up-to-date that ends the snapshot and take
//     its lsn. Anything that arrives behind unreleased rows waits with them (arrival order is
//     never broken within a shape).
//  S4 must-refetch drops the shape's buffered ops and queues a reset, released together with
//     the new snapshot, so the apply deletes the old rows in the same transaction as it writes
//     the new ones.
//  S5 After each delivered batch the shape's handle and offset are queued as a checkpoint,
//     released only with the ops before it: a saved offset never runs ahead of applied rows.
//  S6 A dropped shape (the relay refused it) no longer holds the others back.
import type { Message, Row } from '@electric-sql/client';

export type ShapeOp =
  | { readonly kind: 'insert' | 'update' | 'delete'; readonly row: Row }
  /** must-refetch: remove this shape's rows before the new snapshot lands */
  | { readonly kind: 'reset' }
  | { readonly kind: 'checkpoint'; readonly handle: string; readonly offset: string };

export interface ReadySegment {
  readonly table: string;
  readonly ops: readonly ShapeOp[];
}

export interface ReadyBatch {
  /** every op at or below this lsn has been released */
  readonly throughLsn: bigint;
  /** in apply order; consecutive segments name different tables or lsns */
  readonly segments: readonly ReadySegment[];
  /** the latest checkpoint released per table */
  readonly checkpoints: ReadonlyMap<string, { readonly handle: string; readonly offset: string }>;
}

interface Keyed {
  readonly key: bigint;
  readonly op: ShapeOp;
}

class ShapeQueue {
  /** released to lsn order: keys never decrease */
  readonly ready: Keyed[] = [];
  /** waiting for the up-to-date that gives them their lsn */
  pending: ShapeOp[] = [];
  complete: bigint | undefined;
  /** highest key given so far, so that keys stay monotonic */
  runningMax: bigint | undefined;

  constructor(
    readonly table: string,
    readonly order: number,
  ) {}

  push(op: ShapeOp, lsn: bigint | undefined): void {
    if (this.pending.length > 0 || lsn === undefined) {
      this.pending.push(op);
      return;
    }
    const key = this.runningMax !== undefined && this.runningMax > lsn ? this.runningMax : lsn;
    this.runningMax = key;
    this.ready.push({ key, op });
  }

  release(at: bigint): void {
    const key = this.runningMax !== undefined && this.runningMax > at ? this.runningMax : at;
    for (const op of this.pending) this.ready.push({ key, op });
    this.pending = [];
    this.runningMax = key;
    this.markComplete(at);
  }

  markComplete(at: bigint): void {
    if (this.complete === undefined || at > this.complete) this.complete = at;
  }
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export class MultiShapeBuffer {
  readonly #shapes = new Map<string, ShapeQueue>();

  /** tables in apply order (syncedTables order: parents before children) */
  constructor(tables: readonly string[]) {
    tables.forEach((table, order) => this.#shapes.set(table, new ShapeQueue(table, order)));
  }

  get activeTables(): string[] {
    return [...this.#shapes.keys()];
  }

  /** Takes one batch delivered by a shape stream; `position` is where the stream now stands. */
  receive(table: string, messages: readonly Message[], position?: { handle?: string; offset?: string }): void {
    const shape = this.#shapes.get(table);
    if (!shape) return;
    for (const message of messages) {
      const headers = message.headers as Record<string, unknown>;
      if ('key' in message && typeof headers.operation === 'string') {
        const kind = headers.operation as 'insert' | 'update' | 'delete';
        const lsn = typeof headers.lsn === 'string' ? BigInt(headers.lsn) : undefined;
        shape.push({ kind, row: message.value as Row }, lsn);
        if (lsn !== undefined && headers.last === true && shape.pending.length === 0) shape.markComplete(lsn);
      } else if (headers.control === 'up-to-date') {
        const seen = headers.global_last_seen_lsn;
        if (typeof seen !== 'string' || !/^\d+$/.test(seen)) {
          throw new ProtocolError(`up-to-date for ${table} carries no global_last_seen_lsn`);
        }
        shape.release(BigInt(seen));
      } else if (headers.control === 'must-refetch') {
        shape.ready.length = 0;
        shape.pending = [{ kind: 'reset' }];
      }
    }
    if (position?.handle && position.offset && position.offset !== '-1') {
      shape.push({ kind: 'checkpoint', handle: position.handle, offset: position.offset }, shape.runningMax);
    }
  }

  /** The relay refused this shape: stop waiting for it. */
  drop(table: string): void {
    this.#shapes.delete(table);
  }

  /** min over active shapes of their complete lsn; undefined while any shape has none yet */
  completeLsn(): bigint | undefined {
    let min: bigint | undefined;
    for (const shape of this.#shapes.values()) {
      if (shape.complete === undefined) return undefined;
      if (min === undefined || shape.complete < min) min = shape.complete;
    }
    return min;
  }

  /** true when every active shape is complete and nothing waits to be applied */
  isCaughtUp(): boolean {
    if (this.#shapes.size === 0) return false;
    for (const shape of this.#shapes.values()) {
      if (shape.complete === undefined || shape.pending.length > 0 || shape.ready.length > 0) return false;
    }
    return true;
  }

  /** true while the table has never been complete (its first snapshot is still on the way) */
  isInitialSync(table: string): boolean {
    return this.#shapes.get(table)?.complete === undefined;
  }

  takeReady(): ReadyBatch | undefined {
    const through = this.completeLsn();
    if (through === undefined) return undefined;
    const runs: { key: bigint; order: number; table: string; ops: ShapeOp[] }[] = [];
    const checkpoints = new Map<string, { handle: string; offset: string }>();
    for (const shape of this.#shapes.values()) {
      let taken = 0;
      let run: (typeof runs)[number] | undefined;
      for (const { key, op } of shape.ready) {
        if (key > through) break;
        taken++;
        if (op.kind === 'checkpoint') {
          checkpoints.set(shape.table, { handle: op.handle, offset: op.offset });
          continue;
        }
        if (!run || run.key !== key) {
          run = { key, order: shape.order, table: shape.table, ops: [] };
          runs.push(run);
        }
        run.ops.push(op);
      }
      shape.ready.splice(0, taken);
    }
    if (runs.length === 0 && checkpoints.size === 0) return undefined;
    // stable: within one shape the runs already come in key order
    runs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order));
    return {
      throughLsn: through,
      segments: runs.map(({ table, ops }) => ({ table, ops })),
      checkpoints,
    };
  }
}
