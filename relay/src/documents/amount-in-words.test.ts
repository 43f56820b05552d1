import { describe, expect, it } from 'vitest';
import { moneyInWords, percentInWords, wholeInWords } from './amount-in-words.js';

describe('wholeInWords', () => {
  it('should write numbers as a contract spells them', () => {
    expect(wholeInWords(0n)).toBe('zero');
    expect(wholeInWords(7n)).toBe('seven');
    expect(wholeInWords(19n)).toBe('nineteen');
    expect(wholeInWords(40n)).toBe('forty');
    expect(wholeInWords(85n)).toBe('eighty-five');
    expect(wholeInWords(100n)).toBe('one hundred');
    expect(wholeInWords(2500n)).toBe('two thousand five hundred');
    expect(wholeInWords(1_000_001n)).toBe('one million one');
    expect(wholeInWords(12_345_678n)).toBe(
      'twelve million three hundred forty-five thousand six hundred seventy-eight',
    );
  });
});

describe('moneyInWords', () => {
  it('should write the minor unit as a fraction of a hundred', () => {
    expect(moneyInWords(250_000n, 'US dollars')).toBe('two thousand five hundred US dollars');
    expect(moneyInWords(250_050n, 'British pounds')).toBe('two thousand five hundred British pounds and 50/100');
    expect(moneyInWords(5n, 'euros')).toBe('zero euros and 05/100');
    expect(moneyInWords(-100n, 'euros')).toBe('minus one euros');
    // yen have no minor unit: the stored amount is whole yen
    expect(moneyInWords(1_500n, 'Japanese yen', 0)).toBe('one thousand five hundred Japanese yen');
  });
});

describe('percentInWords', () => {
  it('should write basis points as a percentage in words', () => {
    expect(percentInWords(7000)).toBe('seventy percent');
    expect(percentInWords(7250)).toBe('seventy-two point five percent');
    expect(percentInWords(1)).toBe('zero point zero one percent');
    expect(percentInWords(10_000)).toBe('one hundred percent');
  });
});
