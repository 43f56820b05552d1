// Text PostgreSQL cannot store, and the one rule every string schema uses to refuse it at the door.
//
// Two kinds of character exist in a JavaScript string that no PostgreSQL text, varchar or jsonb
// value can hold: NUL (U+0000), and a lone UTF-16 surrogate (half of a pair, what cutting a string
// in the middle of an emoji leaves). NUL fails the statement ("invalid byte sequence"); a lone
// surrogate is silently turned into U+FFFD in text and fails the statement in jsonb. Either way
// the value is not what the person typed, so it is refused with the field named, before any SQL.
//
// The rule is applied by the schema builders (entities/fields.ts `text`, `email`; the intake
// fields; the relay's request bodies); `storable-text.test.ts` walks every input schema and fails
// for a string field that lets such a character through.
// a namespace import lets the intake page's bundler drop the parts of zod the page does not use
import * as z from 'zod';

// eslint-disable-next-line no-control-regex -- NUL is the character this rule is about
const NUL = /\u0000/;
/** a high surrogate not followed by a low one, or a low one not preceded by a high one */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE = new RegExp(`${NUL.source}|${LONE_SURROGATE.source}`);
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** What in this text PostgreSQL cannot store, in words; undefined when it can store all of it. */
export function unstorableCharacter(text: string): 'NUL' | 'a cut emoji or lone surrogate' | undefined {
  if (NUL.test(text)) return 'NUL';
  if (LONE_SURROGATE.test(text)) return 'a cut emoji or lone surrogate';
  return undefined;
}

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** The message a field gets, completing its name: "title contains a character that cannot be stored (NUL)". */
export function unstorableMessage(text: unknown): string {
  const what = typeof text === 'string' ? unstorableCharacter(text) : undefined;
  return `contains a character that cannot be stored (${what ?? 'NUL or a cut emoji'})`;
}

/** The refinement, for a string schema built elsewhere: `z.string().check(storableText())`. */
export function storableText(message: (input: unknown) => string = unstorableMessage) {
  return z.refine<string>(isStorableText, { error: (issue) => message(issue.input) });
}

/** A string schema with the rule: `storableString('must be text')`. */
export function storableString(error?: string) {
  return z.string(error).check(storableText());
}

/**
 * The text with each character PostgreSQL cannot store written as its JSON escape (`\u0000`,
 * `\ud83d`), for recording what someone sent (the mutation ledger, the audit log, a log line).
 * Only those characters are escaped: a backslash already in the text stays, so the record is for
 * reading, not for turning back into the exact input; `storableJson` keeps the exact input.
 */
export function escapeUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Deeper than any argument the relay accepts; the body parser bounds the size, not the depth. */
const MAX_DEPTH = 100;

type Verdict = 'storable' | 'unstorable' | 'too_deep';

function judge(value: unknown, depth: number): Verdict {
  if (typeof value === 'string') return isStorableText(value) ? 'storable' : 'unstorable';
  if (value === null || typeof value !== 'object') return 'storable';
  if (depth > MAX_DEPTH) return 'too_deep';
  let verdict: Verdict = 'storable';
  for (const [key, item] of Object.entries(value)) {
    const inner = isStorableText(key) ? judge(item, depth + 1) : 'unstorable';
    if (inner === 'too_deep') return inner;
    if (inner === 'unstorable') verdict = inner;
  }
  return verdict;
}

/** The text with each character PostgreSQL cannot store shown as � (U+FFFD), to show it to a person. */
export const markUnstorable = (text: string): string => text.replace(UNSTORABLE_ALL, '\ufffd');

/** A value that may be stored as jsonb as it is: every string in it (keys too) is storable text. */
export const isStorableJson = (value: unknown): boolean => judge(value, 0) === 'storable';

/**
 * The value to record as jsonb: the value itself when PostgreSQL can store it; otherwise a marker
 * that keeps the exact input as JSON text, where JSON.stringify has escaped every unstorable
 * character (`{"unstorable": "{\"title\":\"a\\u0000b\"}"}`; JSON.parse of it gives the input back),
 * or, nested too deep to walk safely, says so.
 */
export function storableJson(value: unknown): unknown {
  const verdict = judge(value, 0);
  if (verdict === 'storable') return value ?? null;
  if (verdict === 'too_deep') return { unrecorded: `nested more than ${MAX_DEPTH} levels deep` };
  return { unstorable: escapeUnstorable(JSON.stringify(value)) };
}
