// Money is stored as integer minor units ("cents") in the deal's currency; shares as basis points.

/** 150000 USD → "$1,500.00"; respects currencies without minor units (JPY: 1500 → "¥1,500"). */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

/** 7000 → "70%", 8250 → "82.5%" */
export function formatBasisPoints(basisPoints: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}
