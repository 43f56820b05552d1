import { describe, expect, it } from 'vitest';
import { highlighted, highlightForQuery, moveHighlight, NOTHING } from './door-highlight.js';

const rows = [{ id: 'ada' }, { id: 'bea' }, { id: 'cy' }];

describe('the door highlight', () => {
  it('should highlight nobody until something is typed, and nobody again once the search is emptied', () => {
    expect(highlighted(rows, NOTHING)).toBeUndefined();
    expect(highlighted(rows, highlightForQuery('  '))).toBeUndefined();
    expect(highlighted(rows, highlightForQuery('a'))).toEqual({ id: 'ada' });
    expect(highlighted(rows, highlightForQuery(''))).toBeUndefined();
  });

  it('should move from nothing to the first row with ↓ and to the last with ↑, and stop at the ends', () => {
    expect(moveHighlight(rows, NOTHING, 1)).toEqual({ kind: 'entry', id: 'ada' });
    expect(moveHighlight(rows, NOTHING, -1)).toEqual({ kind: 'entry', id: 'cy' });
    expect(moveHighlight(rows, { kind: 'first' }, 1)).toEqual({ kind: 'entry', id: 'bea' });
    expect(moveHighlight(rows, { kind: 'entry', id: 'cy' }, 1)).toEqual({ kind: 'entry', id: 'cy' });
    expect(moveHighlight(rows, { kind: 'entry', id: 'ada' }, -1)).toEqual({ kind: 'entry', id: 'ada' });
    expect(moveHighlight([], NOTHING, 1)).toBe(NOTHING);
  });

  it('should keep a picked guest highlighted when the list re-sorts, and drop the highlight when they leave it', () => {
    const picked = { kind: 'entry', id: 'bea' } as const;
    expect(highlighted([{ id: 'aaron' }, ...rows], picked)).toEqual({ id: 'bea' });
    expect(highlighted([{ id: 'ada' }, { id: 'cy' }], picked)).toBeUndefined();
  });
});
