// Writing a file so that it survives a power cut: written aside, fsync'd, renamed over the old
// one, and the folder fsync'd so the rename itself is on disk. Without the first fsync the
// rename can reach the disk before the bytes (an empty or torn file after a cut); without the
// second, the old file can come back.
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
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

/** fsyncs every file and folder under `root` (a copied tree, before it is renamed into place) */
export function fsyncTree(root: string): void {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) fsyncTree(path);
    else if (entry.isFile()) {
      const fd = openSync(path, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
  if (statSync(root).isDirectory()) fsyncDirectory(root);
}
