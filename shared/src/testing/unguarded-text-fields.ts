// For tests: which fields of an input schema let text PostgreSQL cannot store through. Walks the
// schema (objects, arrays, records, unions, optional and nullable wrappers) down to its fields and
// feeds each field, on its own, strings with a NUL and with a lone surrogate: a field that takes
// either is missing the rule of storable-text.ts. A new schema with a bare `z.string()` fails the
// tests that call this (shared/src/storable-text.test.ts, relay/src/http/storable-schemas.test.ts).
import type * as z from 'zod';

/** Strings a field must refuse, in a form each format would otherwise nearly take. */
export const unstorableSamples: readonly string[] = [
  'Night\u0000Shift',
  '\u0000',
  // "Encore 🎸" cut in the middle of its emoji, and a low surrogate on its own
  'Encore 🎸'.slice(0, -1),
  '\udc00tail',
  'a@b.test\u0000',
  '2027-06-14\u0000',
  '00000000-0000-4000-8000-000000000000\u0000',
];

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly keyType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly rest?: z.ZodType | null;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The fields (as paths: `mutations[].name`, `args.title`) that accept an unstorable string. */
export function unguardedTextFields(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => unguardedTextFields(field, at(key)));
    case 'array':
      return unguardedTextFields(def.element!, `${path}[]`);
    case 'record':
      return [
        ...unguardedTextFields(def.keyType!, `${path}{key}`),
        ...unguardedTextFields(def.valueType!, `${path}{}`),
      ];
    case 'union':
      return [...new Set((def.options ?? []).flatMap((option) => unguardedTextFields(option, path)))];
    case 'intersection':
      return [...unguardedTextFields(def.left!, path), ...unguardedTextFields(def.right!, path)];
    case 'tuple':
      return [...(def.items ?? []), ...(def.rest ? [def.rest] : [])].flatMap((item, n) =>
        unguardedTextFields(item, `${path}[${n}]`),
      );
    case 'lazy':
      return [];
    default:
      if (WRAPPERS.has(def.type)) return unguardedTextFields(def.innerType!, path);
      // a field: strings, formats, enums, numbers, preprocessed or piped values alike
      return unstorableSamples.some((sample) => schema.safeParse(sample).success) ? [path || '(the value)'] : [];
  }
}
