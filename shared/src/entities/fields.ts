// Column builders shared by every row schema. A row arrives in one of three forms: from
// postgres.js (Date objects, int8 as bigint), from a shape (PostgreSQL text: timestamps like
// "2025-05-01 19:00:00+00", int8 parsed to bigint by the Electric client) or as JSON
// (to_jsonb, the change log). Each builder accepts all of them and yields one output form:
// uuids, timestamps and dates as strings, money as a safe-integer number of cents.
import { z } from 'zod';
import { storableText } from '../storable-text.js';
import { canonicalLocale, LOCALE_MAX_LENGTH, LOCALE_PATTERN } from '../format/locale.js';

export const uuid = z.guid('must be a uuid');

/** Characters as PostgreSQL's length() counts them (code points, not UTF-16 units). */
const charLength = (s: string) => Array.from(s).length;

export function text(limits: { min?: number; max?: number } = {}) {
  const { min = 0, max } = limits;
  // first, so that the field's message says why (a NUL also counts as a character)
  let schema = z.string('must be text').check(storableText());
  if (min > 0) {
    schema = schema.refine(
      (s) => charLength(s) >= min,
      min === 1 ? 'must not be empty' : `must be at least ${min} characters`,
    );
  }
  if (max !== undefined) schema = schema.refine((s) => charLength(s) <= max, `must be at most ${max} characters`);
  return schema;
}

export function int(limits: { min?: number; max?: number } = {}) {
  let schema = z.number('must be a number').int('must be a whole number');
  if (limits.min !== undefined) schema = schema.min(limits.min, `must be at least ${limits.min}`);
  if (limits.max !== undefined) schema = schema.max(limits.max, `must be at most ${limits.max}`);
  return schema;
}

export const bool = z.boolean('must be true or false');

/** One of a vocabulary's codes, refused in words that name them all: "must be GROSS or NET". */
export function oneOf<const T extends readonly [string, ...string[]]>(codes: T) {
  const named = codes.length === 1 ? codes[0] : `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}`;
  return z.enum(codes, `must be ${named}`);
}

const dateText = /^(\d{4})-(\d{2})-(\d{2})$/;
const timestampText = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

function isCalendarDate(value: string): boolean {
  const m = dateText.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function isTimestamp(value: string): boolean {
  const m = timestampText.exec(value);
  if (!m) return false;
  return isCalendarDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60;
}

/** Milliseconds since the epoch of a timestamp string in any accepted form (PostgreSQL's text
 * form writes "+00" where ISO wants "+00:00"). */
export function instantOf(value: string): number {
  const iso = value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  return Date.parse(iso);
}

/**
 * A timestamptz. Strings must carry a zone offset (a bare local time is ambiguous); a Date
 * becomes its ISO string. Other strings are kept as they came.
 */
export const timestamp = z.unknown().transform((value, ctx): string => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && isTimestamp(value) && !Number.isNaN(instantOf(value))) return value;
  ctx.addIssue({ code: 'custom', message: 'must be a timestamp with a time zone offset' });
  return z.NEVER;
});

/**
 * A calendar date ('YYYY-MM-DD'), already in the venue's timezone. postgres.js hands a date
 * column over as a Date at UTC midnight, so a Date is read by its UTC fields.
 */
export const calendarDate = z.unknown().transform((value, ctx): string => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  ctx.addIssue({ code: 'custom', message: 'must be a date as YYYY-MM-DD' });
  return z.NEVER;
});

/** Reads an integer given as number, bigint or decimal string; undefined when it is none. */
function wholeNumber(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  if (typeof value === 'string' && /^-?\d{1,30}$/.test(value)) return BigInt(value);
  return undefined;
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Money as integer cents (bigint columns). Accepts number, bigint or a decimal string and
 * yields a number; values beyond Number.MAX_SAFE_INTEGER are refused rather than rounded.
 */
export function cents(limits: { min?: number } = {}) {
  return z.unknown().transform((value, ctx): number => {
    const whole = wholeNumber(value);
    if (whole === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a whole number of cents' });
      return z.NEVER;
    }
    if (whole > maxSafe || whole < -maxSafe) {
      ctx.addIssue({ code: 'custom', message: 'is too large to be handled safely as cents' });
      return z.NEVER;
    }
    const n = Number(whole);
    if (limits.min !== undefined && n < limits.min) {
      ctx.addIssue({
        code: 'custom',
        message: limits.min === 0 ? 'must not be negative' : `must be at least ${limits.min}`,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** A bigint that is an id or a counter, not money: kept exact as a decimal string. */
export const int8 = z.unknown().transform((value, ctx): string => {
  const whole = wholeNumber(value);
  if (whole === undefined || (typeof value === 'number' && !Number.isSafeInteger(value))) {
    ctx.addIssue({ code: 'custom', message: 'must be a whole number' });
    return z.NEVER;
  }
  return whole.toString();
});

export const email = z
  .string('must be text')
  .check(storableText())
  .max(320, 'must be at most 320 characters')
  .regex(/^[^@\s]+@[^@\s]+$/, 'must be an email address')
  .refine((s) => s === s.toLowerCase(), 'must be lower case');

export const slug = z
  .string('must be text')
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
    'must be 1–64 lower-case letters, digits or dashes, not starting or ending with a dash',
  );

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name the runtime knows (the database only checks its spelling). */
export const timeZone = z
  .string('must be text')
  .regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, 'must be an IANA time zone name such as Europe/London')
  .refine(knownTimeZone, 'is not a known IANA time zone');

/** A locale tag as organizations.locale holds it (0023's check): "en-US", "de-DE". */
export const localeTag = z
  .string('must be text')
  .max(LOCALE_MAX_LENGTH, `must be at most ${LOCALE_MAX_LENGTH} characters`)
  .regex(LOCALE_PATTERN, 'must be a locale tag such as en-US or de-DE');

/** A locale tag this runtime can format in, in its canonical spelling: what a setting accepts. */
export const supportedLocale = localeTag.transform((tag, context) => {
  const canonical = canonicalLocale(tag);
  if (!canonical) {
    context.addIssue({ code: 'custom', message: 'is not a locale PromoterOS can write dates and numbers in' });
    return z.NEVER;
  }
  return canonical;
});

export const countryCode = z.string('must be text').regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as GB');

export const currencyCode = z
  .string('must be text')
  .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD');

/** A percentage in basis points: 10000 = 100 %. */
export const basisPoints = int({ min: 0, max: 10000 });

/** A jsonb object column. */
export const jsonObject = z.record(z.string(), z.unknown());
