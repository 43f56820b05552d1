import { describe, expect, it } from 'vitest';
import { formatBasisPoints, formatCount, formatCountOf, formatFileSize } from './numbers.js';
import { currencyName, formatMoney, minorDigits } from './money.js';

describe('numbers', () => {
  it('should group thousands as the locale does', () => {
    expect(formatCount(2500, 'en-US')).toBe('2,500');
    expect(formatCount(2500, 'de-DE')).toBe('2.500');
    expect(formatCount(1_234_567, 'fr-FR')).toBe('1 234 567');
    expect(formatCount(0, 'en-US')).toBe('0');
  });

  it('should pick the noun by the count', () => {
    const entry = { one: 'entry', other: 'entries' };
    expect(formatCountOf(1, entry, 'en-US')).toBe('1 entry');
    expect(formatCountOf(0, entry, 'en-US')).toBe('0 entries');
    expect(formatCountOf(2500, entry, 'en-GB')).toBe('2,500 entries');
  });

  it('should write basis points as a percentage', () => {
    expect(formatBasisPoints(7_000, 'en-US')).toBe('70%');
    expect(formatBasisPoints(8_250, 'en-US')).toBe('82.5%');
    expect(formatBasisPoints(1, 'en-US')).toBe('0.01%');
    expect(formatBasisPoints(8_250, 'de-DE')).toBe('82,5 %');
  });

  it('should write file sizes in the unit that reads best', () => {
    expect(formatFileSize(840, 'en-US')).toBe('840 bytes');
    expect(formatFileSize(1, 'en-US')).toBe('1 byte');
    expect(formatFileSize(12_800, 'en-US')).toBe('13 kB');
    expect(formatFileSize(1_300_000, 'en-US')).toBe('1.2 MB');
  });
});

describe('money', () => {
  it("should write cents in the currency's digits and the locale's conventions", () => {
    expect(formatMoney(150_000, 'USD', 'en-US')).toBe('$1,500.00');
    expect(formatMoney(-2_550, 'USD', 'en-US')).toBe('-$25.50');
    expect(formatMoney(99_999, 'EUR', 'de-DE')).toBe('999,99 €');
    expect(formatMoney(250_050, 'AUD', 'en-AU')).toBe('$2,500.50');
    expect(formatMoney(250_050, 'AUD', 'en-US')).toBe('A$2,500.50');
    expect(formatMoney(1_500, 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('should write bigint totals to the cent, beyond what a float holds', () => {
    expect(formatMoney(123_456_789_012_345_678n, 'USD', 'en-US')).toBe('$1,234,567,890,123,456.78');
    expect(formatMoney(-5n, 'USD', 'en-US')).toBe('-$0.05');
  });

  it('should know the minor units and names of currencies', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(currencyName('USD')).toBe('US dollars');
  });
});
