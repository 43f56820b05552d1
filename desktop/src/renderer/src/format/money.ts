// Money is stored as integer minor units ("cents") in the deal's currency; shares as basis points.
// Typing them in; writing them for people is the formatting module's (shared/src/format).
import { minorDigits } from '@promoteros/shared/format';

// ── typing money and shares ─────────────────────────────────────────────────────────────────
// Managers type dollars ("1,500", "$1500.50"); the deal stores cents. Parsed as text, never
// through floating point, so 0.29 is 29 cents and not 28.999….

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** "1,500.50" in USD → 150050 cents. Blank is 0; a leading symbol, spaces and thousands commas are ignored. */
export function parseMoney(text: string, currency: string): Parsed<number> {
  const digits = minorDigits(currency);
  // a leading symbol or code as people type it: $, £, A$, USD
  const plain = text.replace(/[\s,]/g, '').replace(/^(?:[A-Z]{3}|[A-Z]{0,2}\p{Sc})/u, '');
  if (plain === '') return { ok: true, value: 0 };
  if (plain.startsWith('-')) return { ok: false, message: 'must not be negative' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(plain);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, message: 'enter an amount such as 1,500.00' };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} has no cents` : `at most ${digits} decimals` };
  }
  const value = Number(`${match[1] || '0'}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(value)) return { ok: false, message: 'is too large' };
  return { ok: true, value };
}

/** 150050 cents in USD → "1500.50": what a money input starts with */
export function moneyInput(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(cents);
  const text = String(cents).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "82.5" or "82.5%" → 8250 basis points; blank is 0; 0–100 with at most two decimals */
export function parsePercent(text: string): Parsed<number> {
  const plain = text.replace(/[\s%]/g, '');
  if (plain === '') return { ok: true, value: 0 };
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(plain);
  if (!match) return { ok: false, message: 'enter a percentage such as 70 or 82.5' };
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (value > 10_000) return { ok: false, message: 'must be at most 100%' };
  return { ok: true, value };
}

/** 8250 → "82.5": what a percentage input starts with */
export function percentInput(basisPoints: number): string {
  return String(basisPoints / 100);
}
