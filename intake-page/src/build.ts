// npm run build -w intake-page: writes the page's script to dist/, for relays run without esbuild.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildScript, builtScriptPath } from './script-bundle.js';

const code = await buildScript();
await mkdir(dirname(builtScriptPath), { recursive: true });
await writeFile(builtScriptPath, code);
console.log(
  `intake-page: ${builtScriptPath} (${(code.length / 1024).toFixed(1)} KB, ${(gzipSync(code).length / 1024).toFixed(1)} KB gzipped)`,
);
