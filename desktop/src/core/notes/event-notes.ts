// The shared notes open in one organization's core: one EventNote per (event, document),
// opened when a screen asks for it and kept while any screen holds it (the event page and the
// show-day screen may show the same one; React's development mode mounts a screen twice), or
// until the organization closes.
import type { NoteName } from '@promoteros/shared/notes';
import type { Replica } from '../replica/open-replica.js';
import { EventNote, type NoteConnection, type NoteSocketClass } from './event-note.js';
import { ensureNoteUpdatesTable } from './note-updates.js';

export interface EventNotesOptions {
  readonly replica: Replica;
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly WebSocket?: NoteSocketClass;
  readonly maxBackoffMs?: number;
  readonly onRemoteUpdate: (eventId: string, name: NoteName, update: Uint8Array) => void;
  readonly onConnection: (eventId: string, name: NoteName, connection: NoteConnection, reason?: string) => void;
  readonly log: (message: string, error?: unknown) => void;
}

export class EventNotes {
  readonly #open = new Map<string, Promise<EventNote>>();
  /** how many screens hold each document */
  readonly #holders = new Map<string, number>();
  #table: Promise<void> | undefined;
  #closed = false;

  constructor(private readonly options: EventNotesOptions) {}

  /** a screen takes the document: opened (from the replica, then joined to its room) if it is not yet */
  async hold(eventId: string, name: NoteName): Promise<EventNote> {
    const key = `${eventId}/${name}`;
    const note = await this.open(eventId, name);
    this.#holders.set(key, (this.#holders.get(key) ?? 0) + 1);
    return note;
  }

  /** the document, opened if it is not yet, without holding it (an edit arriving from a screen) */
  open(eventId: string, name: NoteName): Promise<EventNote> {
    if (this.#closed) return Promise.reject(new Error('the organization is closing'));
    const key = `${eventId}/${name}`;
    let note = this.#open.get(key);
    if (!note) {
      const { replica, relayUrl, getToken, log } = this.options;
      this.#table ??= ensureNoteUpdatesTable(replica);
      note = this.#table.then(() =>
        EventNote.open({
          replica,
          eventId,
          name,
          relayUrl,
          getToken,
          log,
          ...(this.options.WebSocket ? { WebSocket: this.options.WebSocket } : {}),
          ...(this.options.maxBackoffMs ? { maxBackoffMs: this.options.maxBackoffMs } : {}),
          onRemoteUpdate: (update) => this.options.onRemoteUpdate(eventId, name, update),
          onConnection: (connection, reason) => this.options.onConnection(eventId, name, connection, reason),
        }),
      );
      this.#open.set(key, note);
      note.catch(() => this.#open.delete(key));
    }
    return note;
  }

  /** a screen no longer shows the document: the last one to let go leaves its room (its updates stay saved) */
  async release(eventId: string, name: NoteName): Promise<void> {
    const key = `${eventId}/${name}`;
    const holders = (this.#holders.get(key) ?? 0) - 1;
    if (holders > 0) return void this.#holders.set(key, holders);
    this.#holders.delete(key);
    const note = this.#open.get(key);
    this.#open.delete(key);
    await (await note?.catch(() => undefined))?.close();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const notes = [...this.#open.values()];
    this.#open.clear();
    this.#holders.clear();
    await Promise.all(notes.map(async (note) => (await note.catch(() => undefined))?.close()));
  }
}
