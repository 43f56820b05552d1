// The relay's note rooms: WebSocket upgrades on /v1/notes/<event>/<document>, one room per
// (event, document) in memory while anyone edits it, stored in PostgreSQL the Hocuspocus way.
//
//   closed ──first editor joins──► loading ──state read──► open ──last editor leaves──► storing
//     ▲                                                     │ edits: store ~2 s after the last   │
//     └─────────────── stored, nobody came back ────────────┴─ one, at most ~10 s after the first ┘
//
// SPEC (what the tests hold it to):
// - a room's first editor is answered only after the stored state is in memory, so nobody
//   ever syncs against an empty document that PostgreSQL has content for;
// - stores of one document run one at a time (a per-document lock), each writes the whole
//   state merged with what is stored (note-store.ts);
// - a store that fails leaves the document in memory, marked unstored, and is tried again
//   with growing pauses; the room is not dropped while it holds unstored edits;
// - stop() refuses new editors, closes the open connections (1012: clients come back), and
//   stores every unstored document once more before the database closes. It is idempotent.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Counter, Registry } from 'prom-client';
import type { Sql } from '../db/database.js';
import { isNotesPath, resolveNoteAccess } from './note-access.js';
import { NoteConnections, rejectUpgrade, type NoteConnectionsOptions } from './note-connections.js';
import { NoteRoom } from './note-room.js';
import { noteRoomMetrics } from './note-room-metrics.js';
import { NOTES_CHANNEL, loadNoteState, parseNoteStored, storeNoteState, type NoteKey } from './note-store.js';

export interface NoteRoomsOptions extends NoteConnectionsOptions {
  /** a store waits this long after the last edit (Hocuspocus: 2 s) */
  readonly storeDebounceMs: number;
  /** …but no longer than this after the first unstored edit (Hocuspocus: 10 s) */
  readonly storeMaxWaitMs: number;
  /** the pause after a failed store, doubling up to retryMaxMs */
  readonly retryMs: number;
  readonly retryMaxMs: number;
}

export const defaultNoteRoomsOptions: NoteRoomsOptions = {
  storeDebounceMs: 2_000,
  storeMaxWaitMs: 10_000,
  retryMs: 1_000,
  retryMaxMs: 30_000,
  pingMs: 30_000,
  recheckMs: 60_000,
};

interface Log {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** a room and what its persistence knows about it */
interface Entry {
  readonly room: NoteRoom;
  /** edits in memory that PostgreSQL does not have yet */
  unstored: boolean;
  firstUnstoredAt: number;
  timer: NodeJS.Timeout | undefined;
  /** the per-document lock: stores chain on it */
  lock: Promise<void>;
  failures: number;
  /** editors authenticated and waiting for the handshake: the room must not close under them */
  arriving: number;
  /** a store is writing: until it answers, its edits are neither stored nor marked unstored */
  storing: boolean;
}

/** the origin of applying the stored state: loading is not an edit */
const LOADED = Symbol('loaded from PostgreSQL');

export class NoteRooms {
  readonly #options: NoteRoomsOptions;
  readonly #rooms = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<Entry>>();
  readonly #connections: NoteConnections;
  readonly #stores: Counter<'outcome'> | undefined;
  #stopping: Promise<void> | undefined;
  /** tells this relay's stores from other relays' in notifications */
  readonly #relayId = randomUUID();
  #unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly log: Log,
    options: Partial<NoteRoomsOptions> = {},
    registry?: Registry,
  ) {
    this.#options = { ...defaultNoteRoomsOptions, ...options };
    this.#connections = new NoteConnections(sql, log, this.#options, () => this.#stopping !== undefined);
    const rooms = this.#rooms;
    this.#stores = registry && noteRoomMetrics(registry, () => rooms.size);
  }

  /**
   * Hears other relays' stores (PostgreSQL LISTEN), so that editors of one document connected
   * to different relays behind a balancer see each other's edits, a store (~2 s) later.
   */
  async listen(): Promise<void> {
    const listener = await this.sql.listen(NOTES_CHANNEL, (message) => void this.#storedElsewhere(message));
    this.#unlisten = () => listener.unlisten();
  }

  async #storedElsewhere(message: string): Promise<void> {
    const stored = parseNoteStored(message);
    if (!stored || stored.relayId === this.#relayId || this.#stopping) return;
    const entry = this.#rooms.get(keyOf({ eventId: stored.eventId, name: stored.name as NoteKey['name'] }));
    if (!entry) return;
    try {
      const state = await loadNoteState(this.sql, entry.room.key);
      // what PostgreSQL holds is not an edit to store again: merging it sends this relay's
      // editors what they lacked, and nothing else
      if (state) Y.applyUpdate(entry.room.doc, state, LOADED);
    } catch (error) {
      this.log.warn({ err: error }, "reading another relay's note store failed");
    }
  }

  /** takes the upgrades on /v1/notes/ of this HTTP server */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!isNotesPath(request.url)) {
        // another feature's upgrade listener answers its own paths; alone, we answer for all
        if (server.listeners('upgrade').length > 1) return;
        return rejectUpgrade(
          socket,
          404,
          'not_found',
          'only /v1/notes/<event id>/<document> takes WebSocket connections',
        );
      }
      this.#upgrade(request, socket, head).catch((error: unknown) => {
        this.log.error({ err: error }, 'note room upgrade failed');
        rejectUpgrade(socket, 503, 'unavailable', 'the notes are unavailable for a moment; try again');
      });
    });
  }

  /** the document of a room as this relay holds it now (tests, and the day sheet of an open room) */
  openDocument(eventId: string, name: NoteKey['name']): Y.Doc | undefined {
    return this.#rooms.get(keyOf({ eventId, name }))?.room.doc;
  }

  /** stores every unstored document now and waits for it (tests; the day sheet before reading) */
  async flush(): Promise<void> {
    await Promise.all([...this.#rooms.values()].map((entry) => this.#store(entry).then(() => this.#maybeClose(entry))));
  }

  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      await this.#unlisten?.().catch(() => {});
      this.#connections.stopTimers();
      for (const entry of this.#rooms.values()) entry.room.closeAll(1012, 'the relay is restarting');
      await Promise.all(
        [...this.#rooms.values()].map(async (entry) => {
          await this.#store(entry);
          if (entry.unstored) {
            // the editors still hold these edits and send them again to the next relay they reach
            this.log.error(
              { eventId: entry.room.key.eventId, name: entry.room.key.name },
              'note edits left unstored at stop',
            );
          }
          clearTimeout(entry.timer);
          entry.room.destroy();
        }),
      );
      this.#rooms.clear();
      await this.#connections.close();
    })();
    return this.#stopping;
  }

  async #upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (this.#stopping) return rejectUpgrade(socket, 503, 'unavailable', 'the relay is stopping');
    const access = await resolveNoteAccess(this.sql, request);
    if (!access.ok) return this.#connections.refuse(request, socket, head, access.refusal);
    let entry = await this.#open(access.key);
    // the last editor may have left and closed the room while it loaded for this one
    while (this.#rooms.get(keyOf(access.key)) !== entry) entry = await this.#open(access.key);
    entry.arriving++;
    try {
      await this.#connections.join(request, socket, head, {
        tokenHash: access.tokenHash,
        room: entry.room,
        onClose: () => this.#maybeClose(entry),
      });
    } finally {
      entry.arriving--;
      this.#maybeClose(entry);
    }
  }

  #open(key: NoteKey): Promise<Entry> {
    if (this.#stopping) return Promise.reject(new Error('the relay is stopping'));
    const id = keyOf(key);
    const open = this.#rooms.get(id);
    if (open) return Promise.resolve(open);
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = (async () => {
        const state = await loadNoteState(this.sql, key);
        const room = new NoteRoom(key, (error) => this.log.warn({ err: error }, 'malformed message in a note room'));
        if (state) Y.applyUpdate(room.doc, state, LOADED);
        const entry: Entry = {
          room,
          unstored: false,
          firstUnstoredAt: 0,
          timer: undefined,
          lock: Promise.resolve(),
          failures: 0,
          arriving: 0,
          storing: false,
        };
        room.doc.on('update', (_update: Uint8Array, origin: unknown) => {
          if (origin !== LOADED) this.#edited(entry);
        });
        this.#rooms.set(id, entry);
        return entry;
      })().finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    return loading;
  }

  #edited(entry: Entry): void {
    const now = Date.now();
    if (!entry.unstored) {
      entry.unstored = true;
      entry.firstUnstoredAt = now;
    }
    if (entry.failures > 0) return; // a retry is already scheduled
    const { storeDebounceMs, storeMaxWaitMs } = this.#options;
    this.#schedule(entry, Math.min(storeDebounceMs, Math.max(0, entry.firstUnstoredAt + storeMaxWaitMs - now)));
  }

  #schedule(entry: Entry, delayMs: number): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.#store(entry).then(() => this.#maybeClose(entry)), delayMs);
  }

  /** one store under the document's lock; a failure keeps the edits and schedules a retry */
  #store(entry: Entry): Promise<void> {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.lock = entry.lock.then(async () => {
      if (!entry.unstored) return;
      // edits that arrive while this store runs mark the document unstored again
      entry.unstored = false;
      entry.storing = true;
      const state = Y.encodeStateAsUpdate(entry.room.doc);
      try {
        await storeNoteState(this.sql, entry.room.key, state, this.#relayId);
        entry.failures = 0;
        this.#stores?.inc({ outcome: 'stored' });
        if (entry.unstored) this.#edited(entry);
      } catch (error) {
        if (isEventGone(error)) return this.#eventGone(entry);
        if (!entry.unstored) entry.firstUnstoredAt = Date.now();
        entry.unstored = true;
        entry.failures++;
        this.#stores?.inc({ outcome: 'failed' });
        const { retryMs, retryMaxMs } = this.#options;
        const delay = Math.min(retryMs * 2 ** (entry.failures - 1), retryMaxMs);
        this.log.warn(
          { err: error, eventId: entry.room.key.eventId, name: entry.room.key.name, retryInMs: delay },
          'storing a note document failed; it stays in memory and is tried again',
        );
        if (!this.#stopping) this.#schedule(entry, delay);
      } finally {
        entry.storing = false;
      }
    });
    return entry.lock;
  }

  /** the last editor left: store now, and drop the room once nothing of it is unstored */
  #maybeClose(entry: Entry): void {
    // a store in flight has cleared `unstored` before knowing it succeeded: closing now would
    // drop its edits if it fails; whoever started it closes the room when it answers
    if (this.#stopping || entry.room.connectionCount > 0 || entry.arriving > 0 || entry.storing) return;
    if (entry.unstored) {
      if (entry.failures === 0) void this.#store(entry).then(() => this.#maybeClose(entry));
      return;
    }
    const id = keyOf(entry.room.key);
    if (this.#rooms.get(id) !== entry) return;
    clearTimeout(entry.timer);
    this.#rooms.delete(id);
    entry.room.destroy();
  }

  /** the event was deleted under an open room: its notes go with it, and the editors are told */
  #eventGone(entry: Entry): void {
    this.#stores?.inc({ outcome: 'event_gone' });
    entry.unstored = false;
    clearTimeout(entry.timer);
    entry.room.closeAll(4404, 'this event no longer exists');
    const id = keyOf(entry.room.key);
    if (this.#rooms.get(id) === entry) this.#rooms.delete(id);
    entry.room.destroy();
  }
}

/** a foreign key violation on note_documents: the event (or its organization) was deleted */
function isEventGone(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';
}

function keyOf(key: Pick<NoteKey, 'eventId' | 'name'>): string {
  return `${key.eventId}/${key.name}`;
}
