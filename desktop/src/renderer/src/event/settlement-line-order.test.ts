import { describe, expect, it } from 'vitest';
import { movedWithinKind } from './settlement-line-order.js';

const lines = [
  { id: 'ga', kind: 'TICKETS' },
  { id: 'security', kind: 'EXPENSE' },
  { id: 'vip', kind: 'TICKETS' },
  { id: 'catering', kind: 'EXPENSE' },
  { id: 'runner', kind: 'EXPENSE' },
];

describe('moving a settlement line among its kind', () => {
  it('should swap a line with the next one of its kind, past lines of other kinds between them', () => {
    expect(movedWithinKind(lines, 'vip', -1)).toEqual(['vip', 'security', 'ga', 'catering', 'runner']);
    expect(movedWithinKind(lines, 'security', 1)).toEqual(['ga', 'catering', 'vip', 'security', 'runner']);
    expect(movedWithinKind(lines, 'runner', -1)).toEqual(['ga', 'security', 'vip', 'runner', 'catering']);
  });

  it('should move nothing past the ends of its kind, nor a line that is gone', () => {
    expect(movedWithinKind(lines, 'ga', -1)).toBeUndefined();
    expect(movedWithinKind(lines, 'runner', 1)).toBeUndefined();
    expect(movedWithinKind(lines, 'missing', 1)).toBeUndefined();
  });
});
