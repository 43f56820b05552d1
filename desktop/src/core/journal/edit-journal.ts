// The edit journal: every edit the outbox queues, appended to a file beside the replica and
// fsync'd before the edit counts as saved. The replica (PGlite on Node) never asks the OS to put
// a byte on disk, so after a power cut it may have lost recent edits or not open at all; the
// journal is what survives, and opening replays from it what the replica lacks (replay-journal.ts).
//
// Group commit: records are gathered while an fsync is under way and written and fsync'd
// together by the next one, so a burst of edits costs a few fsyncs rather than one each. An edit
// stays in the journal until the relay has applied it (the relay's database is durable) or the
// user discarded it; the file is rewritten with only those when it has grown mostly settled.
import { decodeJournal, encodeRecord, type JournalEdit, type JournalRecord } from './journal-record.js';
import type { JournalStorage } from './journal-storage.js';

/** rewrite the file once it is this large and at least half of it is settled */
const COMPACT_BYTES = 1 << 20;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export interface JournalOpening {
  /** a damaged tail was cut off (bytes written after the last fsync, never acknowledged) */
  readonly droppedBytes: number;
}

export class EditJournal {
  readonly #storage: JournalStorage;
  /** edits not yet settled, in the order they were queued, with their encoded line */
  readonly #live = new Map<string, { edit: JournalEdit; line: string }>();
  #queued: string[] = [];
  #waiting: Waiter[] = [];
  #flushing: Promise<void> | undefined;
  #fileBytes = 0;
  #liveBytes = 0;
  #closed = false;
  /** how many fsyncs the journal has made (the benchmark reports edits per fsync) */
  syncs = 0;

  private constructor(storage: JournalStorage) {
    this.#storage = storage;
  }

  /** Reads the journal; a torn tail is cut off and settled edits are dropped, durably, before use. */
  static async open(storage: JournalStorage): Promise<{ journal: EditJournal; opening: JournalOpening }> {
    const journal = new EditJournal(storage);
    const decoded = decodeJournal(await storage.read());
    let settled = 0;
    for (const record of decoded.records) {
      if (record.kind === 'edit') journal.#keep(record.edit, encodeRecord(record));
      else {
        journal.#forget(record.id);
        settled += 1;
      }
    }
    const droppedBytes = decoded.totalBytes - decoded.validBytes;
    if (droppedBytes > 0 || settled > 0) await journal.#rewrite();
    else journal.#fileBytes = decoded.totalBytes;
    return { journal, opening: { droppedBytes } };
  }

  /** the edits the journal still holds, in the order they were queued */
  liveEdits(): JournalEdit[] {
    return [...this.#live.values()].map((entry) => entry.edit);
  }

  /** Adds the edit; resolves once it is on stable storage. */
  recordEdit(edit: JournalEdit): Promise<void> {
    const line = encodeRecord({ kind: 'edit', edit });
    this.#keep(edit, line);
    return this.#enqueue(line);
  }

  /** The journal no longer needs these edits; resolves once that is on stable storage. */
  settle(ids: readonly string[]): Promise<void> {
    const lines = ids.filter((id) => this.#forget(id)).map((id) => encodeRecord({ kind: 'settled', id }));
    return lines.length === 0 ? this.durable() : this.#enqueue(lines.join(''));
  }

  /** resolves once everything recorded so far is on stable storage */
  durable(): Promise<void> {
    if (this.#queued.length === 0 && !this.#flushing) return Promise.resolve();
    return this.#enqueue('');
  }

  async close(): Promise<void> {
    await this.durable().catch(() => {});
    this.#closed = true;
    await this.#storage.close();
  }

  #keep(edit: JournalEdit, line: string): void {
    this.#forget(edit.id);
    this.#live.set(edit.id, { edit, line });
    this.#liveBytes += Buffer.byteLength(line);
  }

  #forget(id: string): boolean {
    const entry = this.#live.get(id);
    if (!entry) return false;
    this.#live.delete(id);
    this.#liveBytes -= Buffer.byteLength(entry.line);
    return true;
  }

  #enqueue(text: string): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the edit journal is closed'));
    if (text) this.#queued.push(text);
    const durable = new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
    this.#flushing ??= this.#flush();
    return durable;
  }

  /** writes and fsyncs what is queued, again and again while more arrives during each fsync */
  async #flush(): Promise<void> {
    // let the edits of this turn of the event loop join the first write
    await Promise.resolve();
    while (this.#waiting.length > 0) {
      const text = this.#queued.join('');
      const waiting = this.#waiting;
      this.#queued = [];
      this.#waiting = [];
      try {
        if (text) {
          const bytes = Buffer.from(text);
          await this.#storage.append(bytes);
          this.#fileBytes += bytes.length;
        }
        await this.#storage.sync();
        this.syncs += 1;
        if (this.#fileBytes > COMPACT_BYTES && this.#liveBytes * 2 < this.#fileBytes) await this.#rewrite();
        for (const waiter of waiting) waiter.resolve();
      } catch (error) {
        for (const waiter of waiting) waiter.reject(error);
      }
    }
    this.#flushing = undefined;
  }

  /**
   * The file holds only the live edits again (written aside and renamed: whole or not at all).
   * Those include any queued meanwhile, so the queue is done with; its waiters are answered by
   * the next turn of the flush.
   */
  async #rewrite(): Promise<void> {
    const text = [...this.#live.values()].map((entry) => entry.line).join('');
    this.#queued = [];
    await this.#storage.replace(Buffer.from(text));
    this.#fileBytes = Buffer.byteLength(text);
  }
}

export type { JournalEdit, JournalRecord };
