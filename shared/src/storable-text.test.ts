import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { mutations, MutationBatch } from './mutations/index.js';
import { IntakeFields, intakeSchemaFor } from './intake/index.js';
import {
  escapeUnstorable,
  isStorableJson,
  storableJson,
  storableString,
  unstorableCharacter,
  unstorableMessage,
} from './storable-text.js';
import { unguardedTextFields } from './testing/unguarded-text-fields.js';

const CUT_EMOJI = 'Encore 🎸'.slice(0, -1);

describe('text PostgreSQL cannot store', () => {
  it('should tell NUL and lone surrogates from every other character', () => {
    expect(unstorableCharacter('Sound\u0000check')).toBe('NUL');
    expect(unstorableCharacter(CUT_EMOJI)).toBe('a cut emoji or lone surrogate');
    expect(unstorableCharacter('\udc00 low first')).toBe('a cut emoji or lone surrogate');
    for (const fine of ['Encore 🎸', 'Ünïcødé ✓', '\u0001\u001f', '', '\\u0000 as text', '𝄞']) {
      expect(unstorableCharacter(fine), fine).toBeUndefined();
    }
  });

  it('should refuse it in a string schema with a message that says which', () => {
    const title = storableString('must be text');
    expect(title.safeParse('Load in').success).toBe(true);
    expect(title.safeParse('Load\u0000in').error?.issues[0]?.message).toBe(
      'contains a character that cannot be stored (NUL)',
    );
    expect(unstorableMessage(CUT_EMOJI)).toBe(
      'contains a character that cannot be stored (a cut emoji or lone surrogate)',
    );
  });

  it('should escape only what cannot be stored', () => {
    expect(escapeUnstorable('a\u0000b')).toBe('a\\u0000b');
    expect(escapeUnstorable(CUT_EMOJI)).toBe('Encore \\ud83c');
    expect(escapeUnstorable('Encore 🎸 \\n')).toBe('Encore 🎸 \\n');
  });

  it('should record any JSON value in a form jsonb takes, keeping the exact input', () => {
    const fine = { title: 'Encore 🎸', list: [1, 'two', null], nested: { ok: true } };
    expect(storableJson(fine)).toBe(fine);
    expect(storableJson(undefined)).toBeNull();
    for (const bad of [{ title: 'a\u0000' }, { ['k\u0000']: 1 }, [[[CUT_EMOJI]]], 'x\u0000']) {
      const stored = storableJson(bad) as { unstorable: string };
      expect(isStorableJson(stored)).toBe(true);
      expect(JSON.parse(stored.unstorable)).toEqual(bad);
    }
    let deep: unknown = 'bottom';
    for (let n = 0; n < 100_000; n++) deep = [deep];
    expect(storableJson(deep)).toEqual({ unrecorded: 'nested more than 100 levels deep' });
  });
});

// The lint: every input schema of the shared package refuses such text in every field. A new
// mutation or intake field built on a bare z.string() fails here.
describe('every input schema in shared', () => {
  it('should refuse it in every argument of every mutation', () => {
    const unguarded = Object.values(mutations).flatMap((m) =>
      unguardedTextFields(m.args).map((field) => `${m.name}: ${field}`),
    );
    expect(unguarded).toEqual([]);
  });

  it('should refuse it in every field of the intake form', () => {
    const venue = { timezone: 'Europe/London', capacity: 500, minAttendance: 0, locale: 'en-GB' };
    expect(unguardedTextFields(IntakeFields)).toEqual([]);
    expect(unguardedTextFields(intakeSchemaFor(venue))).toEqual([]);
  });

  it('should leave only the per-mutation parts of a batch to the relay', () => {
    // a batch is never refused whole for one mutation's content: the relay refuses that mutation
    // (unknown_mutation for its name, invalid_arguments for its arguments) and records it escaped
    expect(unguardedTextFields(MutationBatch)).toEqual(['mutations[].name', 'mutations[].args']);
  });

  it('should find a field that lacks the rule', () => {
    const careless = z.object({ ok: storableString(), title: z.string().max(10), tags: z.array(z.string()) });
    expect(unguardedTextFields(careless)).toEqual(['title', 'tags[]']);
  });
});
