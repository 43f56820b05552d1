// The WebSocket side of the note rooms: the handshake (only the room's protocol is echoed, never
// the bearer token offered beside it), a ping that ends a connection which misses its pong, and
// a periodic check of every connection's session and role, so that a sign-out, a removed
// membership or a lowered role ends it with the same close codes as a refused upgrade.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { NOTES_PROTOCOL } from '@promoteros/shared/notes';
import type { Sql } from '../db/database.js';
import { accessOf, type NoteRefusal } from './note-access.js';
import type { NoteRoom } from './note-room.js';

export interface NoteConnectionsOptions {
  /** how often connections are pinged; one missed pong ends a connection */
  readonly pingMs: number;
  /** how often each connection's session and role are checked again */
  readonly recheckMs: number;
}

interface Log {
  warn(object: object, message: string): void;
}

/** A joined editor: the session it runs under, its room, and what to do when it closes. */
export interface Editor {
  readonly tokenHash: string;
  readonly room: NoteRoom;
  readonly onClose: () => void;
}

export class NoteConnections {
  readonly #wss: WebSocketServer;
  readonly #alive = new WeakSet<WebSocket>();
  /** whose session each connection runs under, to check it again */
  readonly #sessions = new Map<WebSocket, { tokenHash: string; room: NoteRoom }>();
  readonly #ping: NodeJS.Timeout;
  readonly #recheck: NodeJS.Timeout;
  #rechecking = false;

  constructor(
    private readonly sql: Sql,
    private readonly log: Log,
    options: NoteConnectionsOptions,
    /** true once the rooms are stopping: no one joins, nothing is checked again */
    private readonly stopping: () => boolean,
  ) {
    // the client offers the room's protocol and its bearer token; only the first is echoed
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: 8 * 1024 * 1024,
      handleProtocols: (offered) => (offered.has(NOTES_PROTOCOL) ? NOTES_PROTOCOL : false),
    });
    this.#ping = setInterval(() => this.#pingAll(), options.pingMs);
    this.#ping.unref();
    this.#recheck = setInterval(() => void this.#recheckAll(), options.recheckMs);
    this.#recheck.unref();
  }

  /**
   * Refused after the handshake, with a 44xx close code, so that a y-websocket client stops
   * retrying and shows why; nothing of the room is ever sent.
   */
  refuse(request: IncomingMessage, socket: Duplex, head: Buffer, refusal: NoteRefusal): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => ws.close(refusal.code, refusal.reason));
  }

  /** Completes the handshake and joins the editor to its room; resolves once answered or abandoned. */
  join(request: IncomingMessage, socket: Duplex, head: Buffer, editor: Editor): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#wss.handleUpgrade(request, socket, head, (ws) => {
        resolve();
        if (this.stopping()) return ws.close(1012, 'the relay is restarting');
        this.#alive.add(ws);
        this.#sessions.set(ws, { tokenHash: editor.tokenHash, room: editor.room });
        ws.on('pong', () => this.#alive.add(ws));
        ws.on('close', () => {
          this.#sessions.delete(ws);
          editor.room.leave(ws);
          editor.onClose();
        });
        editor.room.join(ws);
      });
      // a handshake the client abandoned never calls back
      socket.once('close', () => resolve());
    });
  }

  /** no more pings or checks */
  stopTimers(): void {
    clearInterval(this.#ping);
    clearInterval(this.#recheck);
  }

  /**
   * Ends every connection still open and closes the server. The rooms sent their close frames
   * before: a client that has not answered by now is not waited for (the server's close would
   * otherwise wait for every socket to end).
   */
  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  /** closes the connections whose session or membership no longer lets them in */
  async #recheckAll(): Promise<void> {
    if (this.#rechecking || this.stopping()) return;
    this.#rechecking = true;
    try {
      // one check per (session, document), however many windows share it
      const checks = new Map<string, Promise<Awaited<ReturnType<typeof accessOf>>>>();
      for (const [ws, { tokenHash, room }] of [...this.#sessions]) {
        const { eventId, name } = room.key;
        const id = `${tokenHash}/${eventId}/${name}`;
        if (!checks.has(id)) checks.set(id, accessOf(this.sql, tokenHash, eventId, name));
        const access = await checks.get(id)!;
        if (!access.ok && this.#sessions.has(ws)) {
          this.#sessions.delete(ws);
          room.leave(ws);
          ws.close(access.refusal.code, access.refusal.reason);
        }
      }
    } catch (error) {
      // the database is away: keep the connections, check again next time
      this.log.warn({ err: error }, 'checking note room sessions again failed');
    } finally {
      this.#rechecking = false;
    }
  }

  #pingAll(): void {
    for (const ws of this.#wss.clients) {
      if (!this.#alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.#alive.delete(ws);
      ws.ping();
    }
  }
}

/** Answers an upgrade with a plain HTTP error before any handshake. */
export function rejectUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const reason = status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
