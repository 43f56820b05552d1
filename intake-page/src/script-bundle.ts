// The page's script as the relay serves it. Built by esbuild on first use and kept in memory, so
// the relay serves it with no build step (tests, `npm start`); where esbuild is not installed
// (a production image without dev tools) the file `npm run build` wrote to dist/ is served.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface ScriptBundle {
  readonly code: string;
  /** a short hash of the code, for the URL: a new build is a new URL, so it may be cached for good */
  readonly version: string;
}

const entry = fileURLToPath(new URL('./browser/intake-form.ts', import.meta.url));
export const builtScriptPath = fileURLToPath(new URL('../dist/intake-form.js', import.meta.url));

/** The minified bundle, made by esbuild. */
export async function buildScript(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022'],
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}

let cached: Promise<ScriptBundle> | undefined;

export function scriptBundle(): Promise<ScriptBundle> {
  cached ??= (async () => {
    let code: string;
    try {
      code = await buildScript();
    } catch (error) {
      // no esbuild here: the file built ahead of time
      code = await readFile(builtScriptPath, 'utf8').catch(() => {
        throw error;
      });
    }
    return { code, version: createHash('sha256').update(code).digest('hex').slice(0, 12) };
  })();
  cached.catch(() => (cached = undefined));
  return cached;
}
