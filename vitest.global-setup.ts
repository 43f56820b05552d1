// Once per `vitest run`: one empty replica template for every test's new replicas
// (desktop/src/core/replica/replica-template.ts). Each test that opens a replica would otherwise
// create a PGlite database from scratch, seconds each; a copy opens far sooner. Made by the
// first replica that needs it, removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_DIR_VARIABLE } from './desktop/src/core/replica/replica-template.js';

export default function shareReplicaTemplate(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'promoteros-replica-template-'));
  process.env[TEMPLATE_DIR_VARIABLE] = join(dir, 'template');
  return () => rmSync(dir, { recursive: true, force: true });
}
