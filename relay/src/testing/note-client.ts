// A bare y-websocket client for the relay's own tests (the desktop uses y-websocket itself):
// it syncs one Y.Doc with one room and reports how the connection ended.
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { NOTES_BEARER_PREFIX, NOTES_PROTOCOL, NOTE_SLUGS, type NoteName } from '@promoteros/shared/notes';

export interface NoteTestClient {
  readonly doc: Y.Doc;
  /** resolves once the relay answered our state vector (sync step 2 received) */
  readonly synced: Promise<void>;
  /** resolves with the close code and reason */
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function connectNoteClient(
  relayUrl: string,
  eventId: string,
  name: NoteName,
  token: string | undefined,
  doc = new Y.Doc(),
): NoteTestClient {
  const url = `${relayUrl.replace(/^http/, 'ws')}/v1/notes/${eventId}/${NOTE_SLUGS[name]}`;
  const ws = new WebSocket(url, token ? [NOTES_PROTOCOL, `${NOTES_BEARER_PREFIX}${token}`] : [NOTES_PROTOCOL]);
  ws.binaryType = 'arraybuffer';
  let markSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => {});
  const sendUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    ws.send(encoding.toUint8Array(encoder));
  };
  doc.on('update', sendUpdate);
  ws.on('open', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
  });
  ws.on('message', (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return; // awareness: not needed here
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    const kind = syncProtocol.readSyncMessage(decoder, reply, doc, ws);
    if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
    if (kind === syncProtocol.messageYjsSyncStep2) markSynced();
  });
  return {
    doc,
    synced,
    closed,
    close() {
      doc.off('update', sendUpdate);
      ws.close();
    },
  };
}
