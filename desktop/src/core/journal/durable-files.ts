// Writing a file so that it survives a power cut: written aside, fsync'd, renamed over the old
// one, and the folder fsync'd so the rename itself is on disk. Without the first fsync the
// rename can reach the disk before the bytes (an empty or torn file after a cut); without the
// second, the old file can come back.
import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** fsyncs a folder, so that the names made, renamed or removed in it are on disk */
export function fsyncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** writes `path` whole or not at all, and durably (`mode` for a new file: 0o600 for a secret) */
export function writeFileDurably(path: string, data: string | Uint8Array, mode = 0o666): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w', mode);
    try {
      // a leftover temporary file keeps its old mode when opened again
      if (mode !== 0o666) fchmodSync(fd, mode);
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(path));
}

/**
 * fsyncs every file and folder under `root` (a copied tree, before it is renamed into place).
 * A replica holds about a thousand files: they are fsync'd a few dozen at a time on libuv's
 * threads, which takes a fraction of doing them one by one.
 */
export async function fsyncTree(root: string): Promise<void> {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      if (entry.isDirectory() || entry.isFile()) paths.push(path);
    }
  };
  walk(root);
  paths.push(root);
  for (let start = 0; start < paths.length; start += FSYNCS_AT_ONCE) {
    await Promise.all(
      paths.slice(start, start + FSYNCS_AT_ONCE).map(async (path) => {
        const handle = await open(path, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
    );
  }
}

const FSYNCS_AT_ONCE = 32;
