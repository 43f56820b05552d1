import { describe, expect, it } from 'vitest';
import { divideRounded, percentText, shareOf, toCents } from './cents-math.js';

describe('divideRounded', () => {
  it('should round halves away from zero, as a spreadsheet ROUND does', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(3n, 2n)).toBe(2n);
    expect(divideRounded(1n, 2n)).toBe(1n);
    expect(divideRounded(-1n, 2n)).toBe(-1n);
    expect(divideRounded(-3n, 2n)).toBe(-2n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
  });

  it('should round other fractions to the nearest cent', () => {
    expect(divideRounded(1n, 3n)).toBe(0n);
    expect(divideRounded(2n, 3n)).toBe(1n);
    expect(divideRounded(7n, 4n)).toBe(2n);
    expect(divideRounded(-7n, 4n)).toBe(-2n);
    expect(divideRounded(-5n, 4n)).toBe(-1n);
    expect(divideRounded(0n, 7n)).toBe(0n);
    expect(divideRounded(12n, 4n)).toBe(3n);
  });

  it('should refuse a denominator that is not positive', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(/denominator must be positive/);
  });
});

describe('shareOf', () => {
  it('should take basis points of an amount to the cent', () => {
    expect(shareOf(590_000n, 7000)).toBe(413_000n);
    expect(shareOf(100n, 3333)).toBe(33n); // 33.33
    expect(shareOf(150n, 3333)).toBe(50n); // 49.995 rounds up
    expect(shareOf(1n, 5000)).toBe(1n); // half a cent rounds away from zero
    expect(shareOf(123_456n, 0)).toBe(0n);
    expect(shareOf(123_457n, 10_000)).toBe(123_457n);
  });

  it('should stay exact beyond 2^53', () => {
    // 2^53 + 1 cannot be held by a number; 70 % of three of them is 18915118434956085.3
    expect(shareOf(3n * (2n ** 53n + 1n), 7000)).toBe(18_915_118_434_956_085n);
  });
});

describe('toCents', () => {
  it('should take numbers, bigints and decimal text', () => {
    expect(toCents(2500, 'unit_cents')).toBe(2500n);
    expect(toCents(-15, 'unit_cents')).toBe(-15n);
    expect(toCents(9_007_199_254_740_993n, 'unit_cents')).toBe(9_007_199_254_740_993n);
    expect(toCents('9007199254740993', 'unit_cents')).toBe(9_007_199_254_740_993n);
  });

  it('should refuse fractions of a cent and unsafe numbers, naming the field', () => {
    expect(() => toCents(12.5, 'guarantee_cents')).toThrow('guarantee_cents: must be a whole number of cents');
    expect(() => toCents(2 ** 60, 'unit_cents')).toThrow(/unit_cents/);
    expect(() => toCents('12.50', 'unit_cents')).toThrow(/unit_cents/);
    expect(() => toCents(Number.NaN, 'unit_cents')).toThrow(/unit_cents/);
  });
});

describe('percentText', () => {
  it('should write basis points as a percentage without trailing zeros', () => {
    expect(percentText(7000)).toBe('70%');
    expect(percentText(7250)).toBe('72.5%');
    expect(percentText(1)).toBe('0.01%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(10_000)).toBe('100%');
  });
});
