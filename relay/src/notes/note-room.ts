// One open document and the connections editing it, speaking the y-websocket protocol:
// message type 0 is Yjs sync (step 1, step 2, update), type 1 is awareness (who is here,
// where their cursor is). Every change a connection makes is sent to all the others.
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { NoteKey } from './note-store.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export class NoteRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** each connection → the awareness client ids it speaks for, removed when it leaves */
  readonly #connections = new Map<WebSocket, Set<number>>();

  constructor(
    readonly key: NoteKey,
    private readonly onMessageError: (error: unknown) => void,
  ) {
    // the relay itself is nobody in the room
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.#broadcast(encoding.toUint8Array(encoder));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const ids = this.#connections.get(origin as WebSocket);
        if (ids) {
          for (const id of added) ids.add(id);
          for (const id of removed) ids.delete(id);
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]),
        );
        this.#broadcast(encoding.toUint8Array(encoder));
      },
    );
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** a new editor: send it our state vector (sync step 1) and who else is here */
  join(socket: WebSocket): void {
    this.#connections.set(socket, new Set());
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => this.#receive(socket, toBytes(data)));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.#send(socket, encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      const presence = encoding.createEncoder();
      encoding.writeVarUint(presence, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        presence,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]),
      );
      this.#send(socket, encoding.toUint8Array(presence));
    }
  }

  /** the connection went away: forget its presence */
  leave(socket: WebSocket): void {
    const ids = this.#connections.get(socket);
    if (!ids) return;
    this.#connections.delete(socket);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /** every connection closed with this code and reason (relay stopping) */
  closeAll(code: number, reason: string): void {
    for (const socket of [...this.#connections.keys()]) {
      this.leave(socket);
      socket.close(code, reason);
    }
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  #receive(socket: WebSocket, message: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MESSAGE_SYNC);
        // the socket is the update's origin, so the broadcast echoes it to the others too
        syncProtocol.readSyncMessage(decoder, reply, this.doc, socket);
        if (encoding.length(reply) > 1) this.#send(socket, encoding.toUint8Array(reply));
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), socket);
      }
      // other types (auth, queries) are not spoken here and are ignored, as y-websocket does
    } catch (error) {
      // a malformed message ends that connection, never the room or the relay
      this.onMessageError(error);
      this.leave(socket);
      socket.close(4400, 'malformed y-websocket message');
    }
  }

  #broadcast(message: Uint8Array): void {
    for (const socket of this.#connections.keys()) this.#send(socket, message);
  }

  #send(socket: WebSocket, message: Uint8Array): void {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(message, (error) => {
      if (error) {
        this.leave(socket);
        socket.terminate();
      }
    });
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
