// Where the journal's bytes go. The file on disk in the app; the power-cut test puts a disk in
// its place that remembers what was fsync'd and loses the rest (../testing/power-cut-disk.ts).
// The file is written and fsync'd off the event loop (libuv's threads), so the screens' commands
// keep being answered while the disk works.
import { existsSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory, writeFileDurably } from './durable-files.js';

export interface JournalStorage {
  /** the whole file as it is now; empty when there is none */
  read(): Promise<Uint8Array>;
  /** adds bytes at the end: not durable until `sync` */
  append(bytes: Uint8Array): Promise<void>;
  /** everything appended so far is on stable storage */
  sync(): Promise<void>;
  /** replaces the whole file, durably, whole or not at all */
  replace(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** the journal file beside a replica's folder (not in it: a damaged replica is moved aside without it) */
export const journalPathOf = (replicaDir: string) => `${replicaDir}.journal`;

export function fileJournalStorage(path: string): JournalStorage {
  let file: Promise<FileHandle> | undefined;
  const handle = () =>
    (file ??= (async () => {
      const made = !existsSync(path);
      const opened = await open(path, 'a');
      // a new file's name must be on disk before anything in it counts as saved
      if (made) fsyncDirectory(dirname(path));
      return opened;
    })());
  const close = async () => {
    const closing = file;
    file = undefined;
    if (closing) await (await closing).close();
  };
  return {
    async read() {
      return existsSync(path) ? readFile(path) : new Uint8Array();
    },
    async append(bytes) {
      const target = await handle();
      let written = 0;
      while (written < bytes.length) {
        written += (await target.write(bytes, written, bytes.length - written)).bytesWritten;
      }
    },
    async sync() {
      // fsync, not fdatasync: the file grows with each append and its length must be on disk too
      if (file) await (await file).sync();
    },
    async replace(bytes) {
      await close();
      writeFileDurably(path, bytes);
    },
    close,
  };
}
