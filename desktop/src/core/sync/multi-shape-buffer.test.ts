import { describe, expect, it } from 'vitest';
import type { Message } from '@electric-sql/client';
import { MultiShapeBuffer, ProtocolError, type ReadyBatch } from './multi-shape-buffer.js';

const change = (op: 'insert' | 'update' | 'delete', id: string, lsn?: number, last = false): Message => ({
  key: id,
  value: { id },
  headers: {
    operation: op,
    ...(lsn === undefined ? {} : { lsn: String(lsn), txids: [lsn] }),
    ...(last ? { last: true } : {}),
  },
});
const upToDate = (lsn: number): Message => ({ headers: { control: 'up-to-date', global_last_seen_lsn: String(lsn) } });
const mustRefetch = (): Message => ({ headers: { control: 'must-refetch' } });

/** "table:kind:id" for every op, in apply order */
function flatten(batch: ReadyBatch | undefined): string[] {
  if (!batch) return [];
  return batch.segments.flatMap((s) =>
    s.ops.map((op) => `${s.table}:${op.kind}${'row' in op ? `:${String(op.row.id)}` : ''}`),
  );
}

describe('MultiShapeBuffer', () => {
  it('should release nothing until every shape is complete (S1)', () => {
    const buffer = new MultiShapeBuffer(['venues', 'events']);
    buffer.receive('venues', [change('insert', 'v1'), upToDate(5)], { handle: 'h', offset: '5_inf' });
    expect(buffer.completeLsn()).toBeUndefined();
    expect(buffer.takeReady()).toBeUndefined();
    buffer.receive('events', [upToDate(5)], { handle: 'g', offset: '5_inf' });
    const batch = buffer.takeReady();
    expect(flatten(batch)).toEqual(['venues:insert:v1']);
    expect(batch?.throughLsn).toBe(5n);
    expect(batch?.checkpoints.get('venues')).toEqual({ handle: 'h', offset: '5_inf' });
    expect(batch?.checkpoints.get('events')).toEqual({ handle: 'g', offset: '5_inf' });
    expect(buffer.isCaughtUp()).toBe(true);
  });

  it('should hold a multi-table transaction until both tables have seen its last op (S1, S2)', () => {
    const buffer = new MultiShapeBuffer(['venues', 'events']);
    buffer.receive('venues', [upToDate(1)]);
    buffer.receive('events', [upToDate(1)]);
    buffer.takeReady();
    // transaction 7 touches both tables; venues hears about it first
    buffer.receive('venues', [change('update', 'v1', 7, true), upToDate(7)], { handle: 'h', offset: '7_inf' });
    expect(buffer.completeLsn()).toBe(1n);
    expect(buffer.takeReady()).toBeUndefined();
    buffer.receive('events', [change('insert', 'e1', 7), change('insert', 'e2', 7, true)]);
    const batch = buffer.takeReady();
    expect(flatten(batch)).toEqual(['venues:update:v1', 'events:insert:e1', 'events:insert:e2']);
    expect(batch?.throughLsn).toBe(7n);
    // the events checkpoint came after no up-to-date: nothing was delivered with a position
    expect(batch?.checkpoints.has('events')).toBe(false);
  });

  it('should apply in lsn order across tables and keep later transactions buffered (S2)', () => {
    const buffer = new MultiShapeBuffer(['venues', 'events']);
    buffer.receive('venues', [change('insert', 'v1', 3, true), change('insert', 'v2', 9, true)]);
    buffer.receive('events', [change('insert', 'e1', 2, true), change('insert', 'e2', 4, true)]);
    expect(flatten(buffer.takeReady())).toEqual(['events:insert:e1', 'venues:insert:v1', 'events:insert:e2']);
    // v2 at lsn 9 waits until events is complete through 9
    expect(buffer.takeReady()).toBeUndefined();
    buffer.receive('events', [upToDate(9)]);
    expect(flatten(buffer.takeReady())).toEqual(['venues:insert:v2']);
  });

  it('should give snapshot rows the lsn of the up-to-date that ends them (S3)', () => {
    const buffer = new MultiShapeBuffer(['venues', 'events']);
    buffer.receive('events', [upToDate(10)]);
    buffer.receive('venues', [change('insert', 'v1'), change('insert', 'v2')], { handle: 'h', offset: '8_inf' });
    expect(buffer.takeReady()).toBeUndefined();
    buffer.receive('venues', [change('insert', 'v3'), upToDate(12)], { handle: 'h', offset: '12_inf' });
    // venues complete through 12 but events only through 10: snapshot at 12 waits
    expect(buffer.takeReady()).toBeUndefined();
    buffer.receive('events', [change('insert', 'e1', 11, true), upToDate(12)]);
    const batch = buffer.takeReady();
    expect(flatten(batch)).toEqual(['events:insert:e1', 'venues:insert:v1', 'venues:insert:v2', 'venues:insert:v3']);
    expect(batch?.checkpoints.get('venues')).toEqual({ handle: 'h', offset: '12_inf' });
  });

  it('should keep arrival order for changes that arrive behind unreleased snapshot rows (S3)', () => {
    const buffer = new MultiShapeBuffer(['venues']);
    buffer.receive('venues', [change('insert', 'v1'), change('delete', 'v1', 4, true), upToDate(6)]);
    expect(flatten(buffer.takeReady())).toEqual(['venues:insert:v1', 'venues:delete:v1']);
  });

  it('should drop buffered ops on must-refetch and release the reset with the new snapshot (S4)', () => {
    const buffer = new MultiShapeBuffer(['venues', 'events']);
    buffer.receive('venues', [upToDate(1)]);
    buffer.receive('events', [upToDate(1)]);
    buffer.takeReady();
    buffer.receive('venues', [change('update', 'v1', 5, true)]);
    buffer.receive('venues', [mustRefetch()], { handle: 'new', offset: '-1' });
    buffer.receive('venues', [change('insert', 'v1'), change('insert', 'v9'), upToDate(6)], {
      handle: 'new',
      offset: '6_inf',
    });
    buffer.receive('events', [upToDate(6)]);
    const batch = buffer.takeReady();
    expect(flatten(batch)).toEqual(['venues:reset', 'venues:insert:v1', 'venues:insert:v9']);
    expect(batch?.checkpoints.get('venues')).toEqual({ handle: 'new', offset: '6_inf' });
  });

  it('should not release a checkpoint ahead of the ops before it (S5)', () => {
    const buffer = new MultiShapeBuffer(['venues', 'events']);
    buffer.receive('events', [upToDate(3)]);
    buffer.receive('venues', [change('insert', 'v1', 3, true), change('insert', 'v2', 8, true)], {
      handle: 'h',
      offset: '8_inf',
    });
    const batch = buffer.takeReady();
    expect(flatten(batch)).toEqual(['venues:insert:v1']);
    expect(batch?.checkpoints.has('venues')).toBe(false);
    buffer.receive('events', [upToDate(8)]);
    expect(buffer.takeReady()?.checkpoints.get('venues')).toEqual({ handle: 'h', offset: '8_inf' });
  });

  it('should stop waiting for a dropped shape (S6)', () => {
    const buffer = new MultiShapeBuffer(['venues', 'audit_logs']);
    buffer.receive('venues', [change('insert', 'v1'), upToDate(2)]);
    expect(buffer.takeReady()).toBeUndefined();
    buffer.drop('audit_logs');
    expect(flatten(buffer.takeReady())).toEqual(['venues:insert:v1']);
  });

  it('should refuse an up-to-date without global_last_seen_lsn', () => {
    const buffer = new MultiShapeBuffer(['venues']);
    expect(() => buffer.receive('venues', [{ headers: { control: 'up-to-date' } }])).toThrow(ProtocolError);
  });
});
