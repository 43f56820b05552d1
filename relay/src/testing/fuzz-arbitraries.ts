// For the fuzz (relay/src/http/fuzz.test.ts): hostile request parts. Bodies are built as JSON text
// from a tree, not with JSON.stringify of an object, so that they can carry what an object cannot
// hold or a serializer would tidy away: `__proto__` and duplicate keys, numerals out of range
// (1e400), and nesting deeper than a recursive serializer survives.
import fc from 'fast-check';

/** A JSON value as text will carry it: objects as their entries, numerals as written. */
export type Json =
  | string
  | number
  | boolean
  | null
  | readonly Json[]
  | { readonly entries: readonly (readonly [string, Json])[] }
  | { readonly numeral: string };

export function jsonText(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if ('numeral' in value) return value.numeral;
  const { entries } = value as { entries: readonly (readonly [string, Json])[] };
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(',')}}`;
}

/** An object of these entries. */
export const object = (entries: Record<string, Json>): Json => ({ entries: Object.entries(entries) });

const CUT_EMOJI = 'Encore 🎸'.slice(0, -1);

/** Text that has hurt servers: what PostgreSQL cannot store, injection, odd Unicode, odd formats. */
const nastyText = fc.constantFrom(
  '\u0000',
  'Sound\u0000check',
  '\ud800',
  '\udfff',
  CUT_EMOJI,
  'a\ud83d',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  ' ',
  '\t\n\r',
  '%00',
  '%',
  '../../../etc/passwd',
  "'; DROP TABLE users; --",
  '$1',
  '"id" = $1',
  '<script>alert(1)</script>',
  '\u202eevil',
  '\ufeff',
  '\uffff',
  '𝄞'.repeat(30),
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e400',
  '99999999999999999999999999',
  '2027-02-30',
  '2027-02-29T25:61:00Z',
  '0000-00-00',
  '275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '1970-01-01T00:00:00Z',
  '24:00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a@b',
  'a@b.test',
  'A@B.TEST\u0000',
  'OWNER',
  'true',
  'null',
);

/** Any text: the nasty list, random Unicode (lone surrogates included), and now and then a lot of it. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyText, weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 5_000, max: 300_000 }), nastyText)
      .map(([n, tail]) => `${'x'.repeat(n)}${tail}`),
    weight: 1,
  },
);

const numeral = fc
  .constantFrom('1e400', '-1e400', '1e-400', '-0', '123456789012345678901234567890', '0.1e1', '1E2', '9007199254740993')
  .map((n): Json => ({ numeral: n }));

/** Numbers out of every range a field has: negative, fractional, huge, beyond 32 and 53 bits. */
export const hostileNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(-1, 0, 1, 0.5, -0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 2 ** 63, 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  numeral,
);

/** Keys that reach prototypes or collide with what code looks up. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'then', 'toJSON', 'valueOf', ''),
  hostileText.filter((k) => k.length < 200),
);

/** Any JSON value, small and shallow; wrong types for any field. */
export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries): Json => ({ entries })),
  ),
})).value;

/** Nesting far deeper than any field: arrays, objects, or both. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('[', '{"a":', '{"__proto__":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);

/** Bodies that are not a JSON object at all, or not JSON. */
export const oddBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    'null',
    '[]',
    '"text"',
    '42',
    'true',
    '{',
    '{"a":1,}',
    "{'a':1}",
    '{"a":1}{"b":2}',
    '\u0000',
    '\ufeff{}',
  ),
  deepJson,
  hostileText,
);

/**
 * An object body for a route: each known field left out, given a valid value or a hostile one,
 * and now and then extra hostile keys (`__proto__`, `constructor`) before or after.
 */
export function objectBody(fields: Record<string, fc.Arbitrary<Json>>): fc.Arbitrary<Json> {
  const field = (name: string, valid: fc.Arbitrary<Json>) =>
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 1 },
      { arbitrary: valid.map((v) => [name, v] as const), weight: 3 },
      { arbitrary: hostileJson.map((v) => [name, v] as const), weight: 2 },
    );
  const extra = fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 2 });
  return fc
    .tuple(extra, fc.tuple(...Object.entries(fields).map(([name, valid]) => field(name, valid))), extra)
    .map(([before, known, after]): Json => ({
      entries: [...before, ...known.filter((e): e is readonly [string, Json] => e !== undefined), ...after],
    }));
}

/** A value that sometimes keeps a valid template and sometimes has one of its fields replaced. */
export function nearlyValid(template: Record<string, unknown>): fc.Arbitrary<Json> {
  const keys = Object.keys(template);
  return fc
    .tuple(
      fc.array(fc.tuple(fc.nat(), hostileJson), { maxLength: 3 }),
      fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 2 }),
    )
    .map(([replacements, extra]): Json => {
      const entries = new Map(keys.map((k) => [k, template[k] as Json]));
      for (const [n, value] of replacements) if (keys.length > 0) entries.set(keys[n % keys.length]!, value);
      return { entries: [...entries, ...extra] };
    });
}

/**
 * Text as a URL carries it: percent-encoded as UTF-8, a lone surrogate as the bytes a careless
 * encoder writes for it (not valid UTF-8), and now and then a raw, broken escape.
 */
export function urlEncoded(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** A path segment or query value, already encoded. */
export const urlPart: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText.filter((t) => t.length < 3000).map(urlEncoded), weight: 5 },
  { arbitrary: fc.constantFrom('%', '%zz', '%00', '%ED%A0%80', '%FF%FE', '%C0%AE%C0%AE', '..', '.', '%2F'), weight: 2 },
  { arbitrary: fc.uuid().map(String), weight: 2 },
);

/** Header values a client can send (a NUL or line break never leaves fetch). */
/* eslint-disable no-control-regex -- control characters are what is taken out */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'Bearer', 'Bearer ', 'Bearer <script>', 'Basic YTpi', `Bearer ${'a'.repeat(8000)}`, 'bearer x'),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim()),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((s) => `Bearer ${s.replace(/[\r\n\u0000]/g, '')}`.trim()),
);
/* eslint-enable no-control-regex */

/** Content types, right and wrong. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/json;;;',
);
