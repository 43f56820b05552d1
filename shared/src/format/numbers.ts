// Counts, shares and sizes with the locale's grouping: "2,500" people at the door, "2.500" in
// de-DE, never a bare "2500".
import { cached } from './intl-cache.js';
import { plainSpaces } from './plain-spaces.js';

/** 2500 → "2,500" */
export function formatCount(n: number, locale: string): string {
  return plainSpaces(cached(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(n));
}

/** The words for one and for several of a thing: { one: 'entry', other: 'entries' }. */
export interface Noun {
  readonly one: string;
  readonly other: string;
}

/** 1 → "1 entry", 2500 → "2,500 entries": the number grouped in the locale, the noun in English. */
export function formatCountOf(n: number, noun: Noun, locale: string): string {
  // the nouns are English words, so English's plural rule picks between them (1 entry, 1.5 entries)
  const form = new Intl.PluralRules('en').select(n) === 'one' ? noun.one : noun.other;
  return `${formatCount(n, locale)} ${form}`;
}

/** Basis points as a percentage: 7000 → "70%", 8250 → "82.5%", 1 → "0.01%" */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  const format = cached(
    `percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
  );
  return plainSpaces(format.format(basisPoints / 10_000));
}

/** A file's size for people: "840 bytes", "13 kB", "1.2 MB" */
export function formatFileSize(bytes: number, locale: string): string {
  // Intl's short "byte" unit reads "840 byte": the plural noun reads better
  if (bytes < 1024) return formatCountOf(bytes, { one: 'byte', other: 'bytes' }, locale);
  const [unit, value] =
    bytes < 1024 ** 2 ? (['kilobyte', bytes / 1024] as const) : (['megabyte', bytes / 1024 ** 2] as const);
  const format = cached(
    `size|${locale}|${unit}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: unit === 'megabyte' ? 1 : 0,
      }),
  );
  return plainSpaces(format.format(value));
}
