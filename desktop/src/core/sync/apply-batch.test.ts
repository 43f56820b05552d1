import { describe, expect, it } from 'vitest';
import { groupOps } from './apply-batch.js';
import type { ShapeOp } from './multi-shape-buffer.js';

const insert = (id: string, extra: Record<string, unknown> = {}): ShapeOp => ({
  kind: 'insert',
  row: { id, ...extra },
});
const update = (id: string, extra: Record<string, unknown>): ShapeOp => ({ kind: 'update', row: { id, ...extra } });
const remove = (id: string): ShapeOp => ({ kind: 'delete', row: { id } });

/** "kind(ids)" per statement */
const statements = (ops: ShapeOp[]) =>
  [...groupOps(ops)].map((g) => ('rows' in g ? `${g.kind}(${g.rows.map((r) => String(r.id)).join(',')})` : g.kind));

describe('groupOps', () => {
  it('should put a run of inserts into one statement', () => {
    expect(statements([insert('a'), insert('b'), insert('c')])).toEqual(['insert(a,b,c)']);
  });

  it('should cut a run where an id repeats, since one statement cannot touch a row twice', () => {
    expect(statements([insert('a'), insert('b'), insert('a')])).toEqual(['insert(a,b)', 'insert(a)']);
    expect(statements([update('a', { name: 'x' }), update('a', { name: 'y' })])).toEqual(['update(a)', 'update(a)']);
  });

  it('should keep updates of different column sets apart and in order', () => {
    const groups = [
      ...groupOps([update('a', { name: 'x' }), update('b', { name: 'y' }), update('c', { capacity: 3 })]),
    ];
    expect(groups.map((g) => ('columns' in g ? g.columns : []))).toEqual([['name'], ['capacity']]);
  });

  it('should keep the order of inserts, updates, deletes and resets', () => {
    expect(
      statements([insert('a'), remove('a'), { kind: 'reset' }, insert('a'), update('a', { name: 'n' }), remove('b')]),
    ).toEqual(['insert(a)', 'delete(a)', 'reset', 'insert(a)', 'update(a)', 'delete(b)']);
  });

  it('should skip updates that carry no column besides the key, and checkpoints', () => {
    expect(statements([update('a', {}), { kind: 'checkpoint', handle: 'h', offset: '1_inf' }])).toEqual([]);
  });

  it('should split long runs into chunks', () => {
    const ops = Array.from({ length: 12_000 }, (_, i) => insert(`r${i}`));
    expect([...groupOps(ops)].map((g) => ('rows' in g ? g.rows.length : 0))).toEqual([5000, 5000, 2000]);
  });
});
