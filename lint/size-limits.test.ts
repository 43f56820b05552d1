// Size limits for the code the programs run: no function over 120 lines, no file over 400. A
// long component or a long file hides several ideas in one place, and the next reader has to
// hold all of them to change one; past these sizes the code is split (sub-components, hooks,
// helpers) rather than excused. Tests, test helpers (`testing/`, e2e folders), benchmarks and
// generated files are not held to the limits.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

const limits = { functionLines: 120, fileLines: 400 };

/** where the programs' code lives */
const productionRoots = ['shared', 'relay/src', 'demo/src', 'desktop/src', 'intake-page'];

/** folders that hold no production code, whatever they contain */
const skippedFolder = /^(?:node_modules|dist|out|coverage|testing|bench|e2e(?:-.+)?|\..+)$/;
const skippedFile = /\.(?:test|spec|shot)\.|\.d\.ts$/;
const generatedMark = /@generated|do not edit/i;

/** every production .ts/.tsx file under the roots, relative to the repository */
function productionFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skippedFolder.test(entry.name)) walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !skippedFile.test(entry.name)) {
        found.push(path);
      }
    }
  };
  for (const folder of productionRoots) walk(folder);
  return found.sort();
}

/** a file whose first lines say a tool wrote it */
function isGenerated(text: string): boolean {
  return generatedMark.test(text.split('\n', 5).join('\n'));
}

type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.AccessorDeclaration;

/** a function with a body: signatures and overloads have nothing to split */
function isFunctionWithBody(node: ts.Node): node is FunctionLike {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** what a reader would call the function: its own name, or the name it is assigned to */
function nameOf(node: FunctionLike): string {
  if (node.name && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return '(anonymous)';
}

/** each breach of the limits in one file, as `file:line …` */
function sizeBreaches(file: string, text: string): string[] {
  const breaches: string[] = [];
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  if (lines > limits.fileLines) breaches.push(`${file}:1 the file is ${lines} lines (limit ${limits.fileLines})`);

  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (position: number): number => source.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node)) {
      const start = lineOf(node.getStart(source));
      const length = lineOf(node.getEnd()) - start + 1;
      if (length > limits.functionLines) {
        breaches.push(`${file}:${start} ${nameOf(node)} is ${length} lines (limit ${limits.functionLines})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return breaches;
}

/** `count` lines of statements, to fill a probe function's body */
function lines(count: number): string {
  return Array.from({ length: count }, (_, n) => `  const line${n} = ${n};\n`).join('');
}

describe('size limits', () => {
  const files = productionFiles();

  it('walks the production code and none of the tests, test helpers or benchmarks', () => {
    expect(files).toContain('desktop/src/renderer/src/shell/shell.tsx');
    expect(files).toContain('relay/src/app.ts');
    expect(files).toContain('intake-page/src/html.ts');
    expect(files.filter((file) => /\.(?:test|spec|shot)\.|\/(?:testing|e2e[^/]*|bench)\//.test(file))).toEqual([]);
  });

  it('holds every production file and function to them', () => {
    const breaches = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return isGenerated(text) ? [] : sizeBreaches(file, text);
    });
    expect(breaches).toEqual([]);
  });

  it('lets a 120-line function and a 400-line file through', () => {
    const fn = `export function atTheLimit(): void {\n${lines(118)}}\n`;
    expect(fn.split('\n').length - 1).toBe(120);
    expect(sizeBreaches('probe.ts', fn + '\n'.repeat(400 - 120))).toEqual([]);
  });

  it.each([
    ['a function declaration', `export function declared(): void {\n${lines(119)}}\n`, 'declared is 121'],
    ['an arrow function', `export const arrow = (): void => {\n${lines(119)}};\n`, 'arrow is 121'],
    ['a function expression', `export const expressed = function (): void {\n${lines(119)}};\n`, 'expressed is 121'],
    ['a method', `export class Desk {\n  method(): void {\n${lines(119)}  }\n}\n`, 'method is 121'],
    ['a getter', `export class Desk {\n  get count(): number {\n${lines(118)}    return 1;\n  }\n}\n`, 'count is 121'],
  ])('names the file, line and length of %s over the limit', (_kind, text, breach) => {
    const line = text.startsWith('export class') ? 2 : 1;
    expect(sizeBreaches('desk/probe.ts', '// a probe\n' + text)).toEqual([
      `desk/probe.ts:${line + 1} ${breach} lines (limit 120)`,
    ]);
  });

  it('names a React component over the limit, and a long function nested in another as well as the other', () => {
    const component = `export function Door(): JSX.Element {\n${lines(119)}  return <div />;\n}\n`;
    expect(sizeBreaches('door.tsx', component)).toEqual(['door.tsx:1 Door is 122 lines (limit 120)']);
    const nested = `export function outer(): void {\n  const inner = () => {\n${lines(119)}  };\n  inner();\n}\n`;
    expect(sizeBreaches('outer.ts', nested)).toEqual([
      'outer.ts:1 outer is 124 lines (limit 120)',
      'outer.ts:2 inner is 121 lines (limit 120)',
    ]);
  });

  it('leaves out a file whose head says a tool wrote it', () => {
    expect(isGenerated('// @generated by the schema tool\nexport const a = 1;\n')).toBe(true);
    expect(isGenerated('// Generated documents: the sheets the relay draws\nexport const a = 1;\n')).toBe(false);
  });

  it('names a file over 400 lines', () => {
    expect(sizeBreaches('long.ts', 'export const a = 1;\n'.repeat(401))).toEqual([
      'long.ts:1 the file is 401 lines (limit 400)',
    ]);
  });
});
