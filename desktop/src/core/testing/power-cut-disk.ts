// A disk for the edit journal that can be cut off at any moment: it keeps a log of every append,
// fsync and whole-file replacement, and gives the file as a power cut at any point of that log
// would leave it. Only what was fsync'd is certain; each write after the last fsync may have
// reached the disk whole, torn (its start, then zeros or junk), not at all while a later one did
// (a hole of zeros), and the file may end anywhere after the fsync'd length. A replacement is
// written aside, fsync'd and renamed (durable-files.ts), so it is all there or the old file is.
import type { SeededRandom } from '@promoteros/demo/random';
import type { JournalStorage } from '../journal/journal-storage.js';

type Operation =
  | { readonly kind: 'append'; readonly bytes: Uint8Array }
  | { readonly kind: 'sync' }
  | { readonly kind: 'replace'; readonly bytes: Uint8Array };

export class PowerCutDisk {
  readonly #log: Operation[] = [];
  #content: Uint8Array = new Uint8Array();

  /** where the log is now: a cut "at" this position loses nothing logged after it */
  position(): number {
    return this.#log.length;
  }

  /** the storage a running journal writes through; every call is logged */
  storage(): JournalStorage {
    return {
      read: async () => this.#content.slice(),
      append: async (bytes) => {
        this.#log.push({ kind: 'append', bytes: bytes.slice() });
        this.#content = concat([this.#content, bytes]);
      },
      sync: async () => {
        this.#log.push({ kind: 'sync' });
      },
      replace: async (bytes) => {
        this.#log.push({ kind: 'replace', bytes: bytes.slice() });
        this.#content = bytes.slice();
      },
      close: async () => {},
    };
  }

  /** the file as found after a cut at `position`, its unsynced writes' fates drawn from `random` */
  afterCut(position: number, random: SeededRandom): Uint8Array {
    let synced: Uint8Array = new Uint8Array();
    let unsynced: Uint8Array[] = [];
    for (const operation of this.#log.slice(0, position)) {
      if (operation.kind === 'append') unsynced.push(operation.bytes);
      else if (operation.kind === 'sync') {
        synced = concat([synced, ...unsynced]);
        unsynced = [];
      } else {
        synced = operation.bytes;
        unsynced = [];
      }
    }
    const tail = unsynced.map((bytes) => fateOf(bytes, random));
    const file = concat([synced, ...tail]);
    // the file's length may have reached the disk for only part of the tail
    return file.subarray(0, random.int(synced.length, file.length));
  }
}

/** what one unsynced write left on the disk */
function fateOf(bytes: Uint8Array, random: SeededRandom): Uint8Array {
  const fate = random.pick(['whole', 'torn', 'hole', 'junk'] as const);
  if (fate === 'whole') return bytes;
  const out = new Uint8Array(bytes.length);
  if (fate === 'torn') out.set(bytes.subarray(0, random.int(0, bytes.length - 1)));
  if (fate === 'junk') for (let i = 0; i < out.length; i += 1) out[i] = random.int(0, 255);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** a storage holding `bytes` (a file found after a cut), for opening a journal on */
export function storageHolding(bytes: Uint8Array): JournalStorage {
  let content: Uint8Array = bytes.slice();
  return {
    read: async () => content.slice(),
    append: async (more) => {
      content = concat([content, more]);
    },
    sync: async () => {},
    replace: async (replacement) => {
      content = replacement.slice();
    },
    close: async () => {},
  };
}
