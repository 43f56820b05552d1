import { describe, expect, it } from 'vitest';
import { movedOrder } from './template-order.js';

describe('movedOrder', () => {
  it('should move a template one place up or down', () => {
    expect(movedOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedOrder(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('should say null at either end or for an unknown template', () => {
    expect(movedOrder(['a', 'b'], 'a', -1)).toBeNull();
    expect(movedOrder(['a', 'b'], 'b', 1)).toBeNull();
    expect(movedOrder(['a', 'b'], 'x', 1)).toBeNull();
  });
});
