// Integer money arithmetic for the settlement. Every amount is a bigint of cents from the moment
// it enters: a sold-out arena (quantity × price, summed over lines) can pass 2^53, where a
// JavaScript number silently starts dropping cents.

/** Basis points in a whole (10000 bp = 100 %), as the deal_terms columns store percentages. */
export const WHOLE_BP = 10_000n;

/**
 * An amount as bigint cents. Rows parsed by the entity schemas carry numbers; raw driver rows
 * may carry bigint or decimal text. Anything that is not a whole number is refused with the
 * field's name, rather than rounded into a wrong sheet.
 */
export function toCents(value: number | bigint | string, field: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new RangeError(`${field}: must be a whole number of cents (got ${String(value)})`);
}

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero.
 *
 * Why half away from zero and not banker's rounding: a settlement rounds once or twice per
 * sheet, so banker's rounding has no bias to cancel out, while both sides check the figures
 * by hand or in a spreadsheet, whose ROUND (like PostgreSQL's round(numeric)) rounds halves
 * away from zero. The sheet must agree with the tour manager's calculator to the cent.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('divideRounded: the denominator must be positive');
  const quotient = numerator / denominator; // bigint division truncates toward zero
  const remainder = numerator % denominator; // carries the numerator's sign
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (2n * absRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** A share in basis points of an amount, rounded to the cent (see divideRounded). */
export function shareOf(amount: bigint, basisPoints: number): bigint {
  return divideRounded(amount * BigInt(basisPoints), WHOLE_BP);
}

export function maxCents(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** A basis-point rate as people write it: 7000 → "70%", 7250 → "72.5%", 1 → "0.01%". */
export function percentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
