// Where the Electron binary is, or why there is none. `npm i electron` downloads it in a
// postinstall step; with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (this team's machines, CI) the package
// is there without it, and requiring it throws.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary(): { path: string } | { missing: string } {
  let path: string;
  try {
    path = createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  }
  return existsSync(path) ? { path } : { missing: `${path} does not exist` };
}
