import { describe, expect, it } from 'vitest';
import { formatBasisPoints, formatMoney } from './money.js';

describe('formatMoney', () => {
  it('should turn cents into the deal currency', () => {
    expect(formatMoney(150_000, 'USD', 'en-US')).toBe('$1,500.00');
    expect(formatMoney(-2_550, 'USD', 'en-US')).toBe('-$25.50');
    expect(formatMoney(99_999, 'EUR', 'de-DE').replace('\u00a0', ' ')).toBe('999,99 €');
  });

  it('should not divide currencies that have no minor unit', () => {
    expect(formatMoney(1_500, 'JPY', 'en-US')).toBe('¥1,500');
  });
});

describe('formatBasisPoints', () => {
  it('should show basis points as a percentage', () => {
    expect(formatBasisPoints(7_000, 'en-US')).toBe('70%');
    expect(formatBasisPoints(8_250, 'en-US')).toBe('82.5%');
    expect(formatBasisPoints(1, 'en-US')).toBe('0.01%');
  });
});
