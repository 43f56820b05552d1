// Before the specs: the renderer built once (they load exactly what ships), and one empty replica
// template for every desktop the specs start (desktop/src/core/replica/replica-template.ts), so
// that a first sign-in copies a replica instead of creating a PGlite database each time. The
// template is removed when the run ends.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_DIR_VARIABLE } from '../src/core/replica/replica-template.js';

export default function globalSetup(): () => void {
  const desktop = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '-c', 'vite.renderer.config.ts'], {
    cwd: desktop,
    stdio: 'inherit',
  });
  const dir = mkdtempSync(join(tmpdir(), 'promoteros-e2e-replica-template-'));
  process.env[TEMPLATE_DIR_VARIABLE] = join(dir, 'template');
  return () => rmSync(dir, { recursive: true, force: true });
}
