// Each vocabulary of the trade (roles, request, event and hold statuses, guest-list kinds, note
// names, …) is declared once, in shared/, and everything else imports it: a copy that agrees
// today is where the next new value gets forgotten. This test finds every vocabulary shared
// exports (a list of codes, or a z.enum of them) and reads every source file of the repository
// for a list of string literals with exactly its values (an array, a z.enum, a union type, an SQL
// IN list); the one allowed is its declaration here in shared/src. Tests are not read: an
// expectation written out is a check, not a declaration. The database's CHECK constraints are
// its own declaration (shared/migrations).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const sharedPackage = fileURLToPath(new URL('../', import.meta.url));

/** folders that hold no source of ours: dependencies, build output, data */
const notSource = new Set(['node_modules', 'dist', 'out', 'coverage', 'test-results', 'playwright-report', 'build']);
const sourceFile = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
const testFile = /\.(?:test|spec|shot)\.[cm]?[jt]sx?$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') || notSource.has(entry.name) ? [] : sourceFiles(path);
    return sourceFile.test(entry.name) && !testFile.test(entry.name) ? [path] : [];
  });
}

interface Vocabulary {
  /** the exports that are it, e.g. "roles, Role" */
  readonly names: string[];
  readonly values: readonly string[];
}

/** every list of codes shared's entry points export, as an array or as a z.enum */
async function sharedVocabularies(): Promise<Vocabulary[]> {
  const { exports } = JSON.parse(readFileSync(join(sharedPackage, 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  const found = new Map<string, Vocabulary>();
  for (const entry of Object.values(exports)) {
    const module = (await import(join(sharedPackage, entry))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      const values = value instanceof z.ZodEnum ? (value.options as unknown[]) : value;
      if (!Array.isArray(values) || values.length < 2 || !values.every((each) => typeof each === 'string')) continue;
      const key = setKey(values);
      const known = found.get(key);
      if (known) {
        if (!known.names.includes(name)) known.names.push(name);
      } else found.set(key, { names: [name], values });
    }
  }
  return [...found.values()];
}

const setKey = (values: readonly string[]) => [...new Set(values)].sort().join('\u0000');

const literal = String.raw`(?:'[^'\n\\]*'|"[^"\n\\]*")`;
/** an array or argument list of string literals only, or a union type of them */
const literalLists = [
  new RegExp(String.raw`\[\s*${literal}(?:\s*,\s*${literal})+\s*,?\s*\]`, 'g'),
  new RegExp(String.raw`\(\s*${literal}(?:\s*,\s*${literal})+\s*,?\s*\)`, 'g'),
  new RegExp(String.raw`${literal}(?:\s*\|\s*${literal})+`, 'g'),
];

interface Place {
  readonly file: string;
  readonly line: number;
}

/** every literal list in the repository's sources, by its set of values */
function literalListsBySet(): Map<string, Place[]> {
  const bySet = new Map<string, Place[]>();
  for (const path of sourceFiles(repository)) {
    const text = readFileSync(path, 'utf8');
    for (const pattern of literalLists) {
      for (const match of text.matchAll(pattern)) {
        const values = [...match[0].matchAll(new RegExp(literal, 'g'))].map(([quoted]) => quoted.slice(1, -1));
        const key = setKey(values);
        const place = { file: relative(repository, path), line: text.slice(0, match.index).split('\n').length };
        bySet.set(key, [...(bySet.get(key) ?? []), place]);
      }
    }
  }
  return bySet;
}

describe('vocabularies', () => {
  let vocabularies: Vocabulary[];
  let lists: Map<string, Place[]>;

  beforeAll(async () => {
    vocabularies = await sharedVocabularies();
    lists = literalListsBySet();
  });

  it('should find the vocabularies shared declares', () => {
    const names = vocabularies.flatMap((vocabulary) => vocabulary.names);
    // a few by name, so that a discovery that finds nothing cannot pass
    expect(names).toEqual(
      expect.arrayContaining([
        'roles',
        'requestStatuses',
        'eventStatuses',
        'holdStatuses',
        'guestListKinds',
        'NOTE_NAMES',
      ]),
    );
  });

  it('should be declared once, in shared/src, and imported everywhere else', () => {
    const copies = vocabularies.flatMap((vocabulary) => {
      const places = lists.get(setKey(vocabulary.values)) ?? [];
      const inShared = places.filter((place) => place.file.startsWith(join('shared', 'src')));
      // declared without a literal list (built from others) is fine; two declarations are not
      const declaration = inShared.length === 1 ? inShared[0] : undefined;
      return places
        .filter((place) => place !== declaration)
        .map(
          (place) =>
            `${place.file}:${place.line} repeats ${vocabulary.names.join(' / ')} (${vocabulary.values.join(', ')})`,
        );
    });
    expect(copies).toEqual([]);
  });
});
