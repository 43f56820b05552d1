import { describe, expect, it } from 'vitest';
import { moneyInput, parseMoney, parsePercent, percentInput } from './money.js';

describe('parseMoney', () => {
  it('should read dollars as typed into whole cents', () => {
    expect(parseMoney('1500', 'USD')).toEqual({ ok: true, value: 150_000 });
    expect(parseMoney('$1,500.5', 'USD')).toEqual({ ok: true, value: 150_050 });
    expect(parseMoney(' 0.29 ', 'USD')).toEqual({ ok: true, value: 29 });
    expect(parseMoney('.5', 'USD')).toEqual({ ok: true, value: 50 });
    expect(parseMoney('', 'USD')).toEqual({ ok: true, value: 0 });
    expect(parseMoney('£12', 'GBP')).toEqual({ ok: true, value: 1_200 });
  });

  it('should keep yen whole, since the currency has no minor unit', () => {
    expect(parseMoney('1500', 'JPY')).toEqual({ ok: true, value: 1_500 });
    expect(parseMoney('1500.5', 'JPY')).toEqual({ ok: false, message: 'JPY has no cents' });
  });

  it('should refuse what is not an amount, with the reason', () => {
    expect(parseMoney('12.345', 'USD')).toEqual({ ok: false, message: 'at most 2 decimals' });
    expect(parseMoney('-5', 'USD')).toEqual({ ok: false, message: 'must not be negative' });
    expect(parseMoney('twelve', 'USD')).toMatchObject({ ok: false });
    expect(parseMoney('1.2.3', 'USD')).toMatchObject({ ok: false });
    expect(parseMoney('.', 'USD')).toMatchObject({ ok: false });
    expect(parseMoney('99999999999999999', 'USD')).toEqual({ ok: false, message: 'is too large' });
  });

  it('should give back what it reads', () => {
    for (const cents of [0, 5, 29, 150_050, 123_456_789]) {
      expect(parseMoney(moneyInput(cents, 'USD'), 'USD')).toEqual({ ok: true, value: cents });
    }
    expect(moneyInput(1_500, 'JPY')).toBe('1500');
    expect(moneyInput(5, 'USD')).toBe('0.05');
  });
});

describe('parsePercent', () => {
  it('should read a percentage into basis points', () => {
    expect(parsePercent('70')).toEqual({ ok: true, value: 7_000 });
    expect(parsePercent('82.5%')).toEqual({ ok: true, value: 8_250 });
    expect(parsePercent('0.01')).toEqual({ ok: true, value: 1 });
    expect(parsePercent('')).toEqual({ ok: true, value: 0 });
    expect(parsePercent(percentInput(8_250))).toEqual({ ok: true, value: 8_250 });
  });

  it('should refuse a share above 100% or finer than a basis point', () => {
    expect(parsePercent('100.5')).toEqual({ ok: false, message: 'must be at most 100%' });
    expect(parsePercent('12.345')).toMatchObject({ ok: false });
    expect(parsePercent('-3')).toMatchObject({ ok: false });
  });
});
