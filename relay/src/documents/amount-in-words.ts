// Figures written out in words, as a contract states them ("USD 2,500.00 (two thousand five
// hundred US dollars)") so that a misread or altered digit does not change what was agreed.
const ones = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const scales = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion', 'quintillion', 'sextillion'];

function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ones[hundreds]} hundred`);
  if (rest > 0 && rest < 20) parts.push(ones[rest]!);
  else if (rest >= 20)
    parts.push(rest % 10 === 0 ? tens[rest / 10]! : `${tens[Math.floor(rest / 10)]}-${ones[rest % 10]}`);
  return parts.join(' ');
}

/** A whole number in English words: 2500n → "two thousand five hundred". */
export function wholeInWords(value: bigint): string {
  if (value < 0n) return `minus ${wholeInWords(-value)}`;
  if (value === 0n) return 'zero';
  const groups: string[] = [];
  let rest = value;
  let scale = 0;
  while (rest > 0n) {
    const group = Number(rest % 1000n);
    if (group > 0) {
      const name = scales[scale];
      if (name === undefined) return value.toString(); // beyond any real deal: digits, not words
      groups.unshift(name ? `${underThousand(group)} ${name}` : underThousand(group));
    }
    rest /= 1000n;
    scale++;
  }
  return groups.join(' ');
}

/**
 * "two thousand five hundred US dollars and 50/100": the minor unit as a fraction, as cheques do.
 * `minorDigits` is the currency's (USD 2, JPY 0): yen are whole, with no fraction to write.
 */
export function moneyInWords(cents: bigint, currencyPlural: string, minorDigits = 2): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const scale = 10n ** BigInt(minorDigits);
  const fraction = abs % scale;
  const words = `${wholeInWords(abs / scale)} ${currencyPlural}`;
  const withFraction =
    fraction === 0n ? words : `${words} and ${fraction.toString().padStart(minorDigits, '0')}/${scale}`;
  return negative ? `minus ${withFraction}` : withFraction;
}

/** Basis points in words: 7000 → "seventy percent", 7250 → "seventy-two point five percent". */
export function percentInWords(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const digits = fraction
    .split('')
    .map((d) => ones[Number(d)])
    .join(' ');
  return fraction ? `${wholeInWords(BigInt(whole))} point ${digits} percent` : `${wholeInWords(BigInt(whole))} percent`;
}
