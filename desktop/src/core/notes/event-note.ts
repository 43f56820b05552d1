// One of an event's shared documents, open in the desktop core:
//
//   local updates (_note_updates) ──load──► Y.Doc ◄──y-websocket──► relay room
//                                            │  ▲
//            every update saved locally ◄────┘  └── the renderer's edits (notes.update)
//
// Edits are saved to the replica before anything else happens to them, so a document edited
// with no network opens again with those edits and sends them when the room answers. The
// connection's states, as the renderer shows them:
//
//   connecting ──synced──► live ──socket lost──► offline ──back──► connecting …
//        ├──── 4404 (the relay has no such event yet: one made offline and not uploaded) ──► offline, retrying
//        └──── refused (4400, 4401, 4403: bad address, no session, not allowed) — no more retries
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import { NOTES_BEARER_PREFIX, NOTES_PROTOCOL, NOTE_SLUGS, type NoteName } from '@promoteros/shared/notes';
import type { SignalPayload } from '../../common/command-map.js';
import type { Replica } from '../replica/open-replica.js';
import { loadNoteUpdates, saveNoteUpdate } from './note-updates.js';

export type NoteConnection = SignalPayload<'notes.connection'>['connection']['state'];

/** how a room's socket is made: `ws` in Node (tests pass one that can go offline) */
export type NoteSocketClass = new (address: string, protocols: string[]) => WebSocket;

export interface EventNoteOptions {
  readonly replica: Replica;
  readonly eventId: string;
  readonly name: NoteName;
  /** the relay's http(s) address */
  readonly relayUrl: string;
  /** read when the room is joined; no token: the document stays local */
  readonly getToken: () => Promise<string | undefined>;
  readonly WebSocket?: NoteSocketClass;
  /** the longest pause between reconnect attempts */
  readonly maxBackoffMs?: number;
  /** updates that came from the relay (not from the renderer), to push to the renderer */
  readonly onRemoteUpdate: (update: Uint8Array) => void;
  readonly onConnection: (connection: NoteConnection, reason?: string) => void;
  readonly log: (message: string, error?: unknown) => void;
}

/** the origins of updates that are not edits arriving from elsewhere */
const LOADED = Symbol('loaded from the replica');
const FROM_RENDERER = Symbol('the renderer');

export class EventNote {
  readonly doc = new Y.Doc();
  #provider: WebsocketProvider | undefined;
  #saving: Promise<void> = Promise.resolve();
  #connection: NoteConnection = 'offline';
  #reason: string | undefined;
  #closed = false;

  private constructor(private readonly options: EventNoteOptions) {}

  static async open(options: EventNoteOptions): Promise<EventNote> {
    const note = new EventNote(options);
    Y.applyUpdate(note.doc, await loadNoteUpdates(options.replica, options.eventId, options.name), LOADED);
    note.doc.on('update', (update: Uint8Array, origin: unknown) => note.#updated(update, origin));
    await note.#connect();
    return note;
  }

  get connection(): { state: NoteConnection; reason?: string } {
    return { state: this.#connection, ...(this.#reason ? { reason: this.#reason } : {}) };
  }

  /** the whole document as one update, for a renderer that opens it */
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** an edit made in the renderer; resolves once it is saved in the replica */
  async apply(update: Uint8Array): Promise<void> {
    Y.applyUpdate(this.doc, update, FROM_RENDERER);
    await this.#saving;
  }

  /** every update saved so far is in the replica */
  saved(): Promise<void> {
    return this.#saving;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#provider?.destroy();
    await this.#saving;
    this.doc.destroy();
  }

  #updated(update: Uint8Array, origin: unknown): void {
    const { replica, eventId, name, log } = this.options;
    this.#saving = this.#saving.then(() =>
      saveNoteUpdate(replica, eventId, name, update).catch((error: unknown) =>
        // the document in memory still has it and the relay gets it; only a restart before
        // the next successful save would lose it on this computer
        log(`saving a note update of event ${eventId} failed`, error),
      ),
    );
    if (origin !== FROM_RENDERER) this.options.onRemoteUpdate(update);
  }

  async #connect(): Promise<void> {
    const { eventId, name, relayUrl } = this.options;
    const token = await this.options.getToken();
    if (!token) return this.#set('offline', 'not signed in: the notes are saved on this computer');
    const serverUrl = `${relayUrl.replace(/^http/, 'ws')}/v1/notes/${eventId}`;
    const provider = new WebsocketProvider(serverUrl, NOTE_SLUGS[name], this.doc, {
      connect: false,
      protocols: [NOTES_PROTOCOL, `${NOTES_BEARER_PREFIX}${token}`],
      WebSocketPolyfill: (this.options.WebSocket ?? WebSocket) as unknown as typeof globalThis.WebSocket,
      maxBackoffTime: this.options.maxBackoffMs ?? 5_000,
      // one process, one socket per document: no cross-tab channel to share
      disableBc: true,
      // an event made on this computer reaches the relay when its edit uploads: until then the
      // room answers 4404, and the notes wait here and try again
      shouldReconnect: (event) => event.code === 4404 || !(event.code >= 4400 && event.code < 4500),
    });

    let lastCloseCode: number | undefined;
    provider.on('connection-close', (event) => {
      lastCloseCode = event?.code;
    });
    provider.on('status', ({ status }) => {
      if (status === 'connected') this.#set('connecting');
      else if (status === 'disconnected')
        this.#set(
          'offline',
          lastCloseCode === 4404 ? 'the relay does not have this event yet; saved on this computer' : undefined,
        );
    });
    provider.on('connection-error', () => {
      if (this.#connection !== 'refused') this.#set('offline');
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) this.#set('live');
    });
    provider.on('closed', ({ code, reason }) => {
      this.options.log(`the relay refused the notes of event ${eventId} (${code})`);
      this.#set('refused', reason || `refused (${code})`);
    });
    this.#provider = provider;
    this.#set('connecting');
    provider.connect();
  }

  #set(connection: NoteConnection, reason?: string): void {
    if (this.#closed || (connection === this.#connection && reason === this.#reason)) return;
    this.#connection = connection;
    this.#reason = reason;
    this.options.onConnection(connection, reason);
  }
}
