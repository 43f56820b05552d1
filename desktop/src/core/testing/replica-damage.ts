// What a power cut can do to a replica's folder (PGlite never fsyncs, so its writes reach the
// disk in any order, or not at all): the control file garbled, relation files cut short, files
// back at an older state while others are new. The tests damage copies on purpose with these.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SeededRandom } from '@promoteros/demo/random';

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : entry.isFile() ? [relative(root, path)] : [];
  });
}

/** the cluster's control file overwritten with junk where its checksum and checkpoint are */
export function corruptControlFile(dataDir: string): void {
  const path = join(dataDir, 'global', 'pg_control');
  const bytes = readFileSync(path);
  bytes.fill(0x5a, 0, Math.min(bytes.length, 256));
  writeFileSync(path, bytes);
}

/** relation files of the databases over 8 KiB (one page) cut to the length `cutTo` gives (undefined: left whole) */
export function truncateRelations(dataDir: string, cutTo: (size: number) => number | undefined): string[] {
  const cut: string[] = [];
  for (const file of filesUnder(dataDir).filter((name) => name.startsWith('base'))) {
    const size = statSync(join(dataDir, file)).size;
    const length = size > 8192 ? cutTo(size) : undefined;
    if (length === undefined) continue;
    truncateSync(join(dataDir, file), length);
    cut.push(file);
  }
  return cut;
}

/** some files of the folder put back as they were in an older copy: writes that never reached the disk */
export function revertSomeFiles(dataDir: string, olderCopy: string, random: SeededRandom): string[] {
  const reverted = filesUnder(olderCopy).filter((file) => existsSync(join(dataDir, file)) && random.chance(0.3));
  for (const file of reverted) cpSync(join(olderCopy, file), join(dataDir, file));
  return reverted;
}
