// Builds the renderer once before the specs: they load exactly what ships.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildRenderer(): void {
  const desktop = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '-c', 'vite.renderer.config.ts'], {
    cwd: desktop,
    stdio: 'inherit',
  });
}
