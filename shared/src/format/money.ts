// Money is kept as whole minor units ("cents") of the deal's currency; written here in the
// currency's own digits (USD 2, JPY 0) and the locale's conventions: "$2,500.50", "2.500,50 $".
import { cached } from './intl-cache.js';
import { plainSpaces } from './plain-spaces.js';

/** How many minor units the currency has: USD 2, JPY 0, BHD 3. */
export function minorDigits(currency: string): number {
  const format = cached(`digits|${currency}`, () => new Intl.NumberFormat('en-US', { style: 'currency', currency }));
  return format.resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Minor units as an exact decimal string ("-2500.05"): Intl formats a decimal string without
 * passing it through floating point, so a settlement's bigint totals are written to the cent.
 */
function decimalOf(cents: bigint, digits: number): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  if (digits === 0) return `${negative ? '-' : ''}${abs}`;
  const scale = 10n ** BigInt(digits);
  return `${negative ? '-' : ''}${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
}

/** 250050 USD → "$2,500.50"; 1500 JPY → "¥1,500"; numbers or bigints, exact either way. */
export function formatMoney(cents: number | bigint, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const format = cached(
    `money|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
  const exact = decimalOf(typeof cents === 'bigint' ? cents : BigInt(Math.round(cents)), digits);
  // Intl.NumberFormat.format takes decimal strings (ES2023); TypeScript's lib types say number only
  return plainSpaces(format.format(exact as unknown as number));
}

/** "US dollars": the currency's name, for amounts in words on a sheet. */
export function currencyName(currency: string): string {
  const format = cached(
    `currency-name|${currency}`,
    () => new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'name' }),
  );
  return format.formatToParts(2).find((part) => part.type === 'currency')?.value ?? currency;
}
