// The PDF drawing worker: a worker thread (node:worker_threads) started by pdf-drawing-pool.ts. It
// draws one sheet per message with drawDocument and sends the bytes back, their ArrayBuffer
// transferred rather than copied. A sheet that fails to draw is answered with its error, and the
// worker goes on; anything else that goes wrong ends the thread, and the pool starts another.
import { parentPort } from 'node:worker_threads';
import type { DocumentData } from './document-data.js';
import { drawDocument } from './draw-document.js';

/** What the pool asks: draw `data` (after structured clone: see pdf-drawing-pool.ts). */
export interface DrawingRequest {
  readonly id: number;
  readonly data: DocumentData;
}

export type DrawingReply =
  | { readonly id: number; readonly bytes: ArrayBuffer; readonly sha256: string }
  | {
      readonly id: number;
      readonly error: { readonly name: string; readonly message: string; readonly stack?: string };
    };

/** An ArrayBuffer holding exactly `bytes`, that no other Buffer shares, so it can be transferred. */
function ownArrayBuffer(bytes: Buffer): ArrayBuffer {
  // small Buffers are slices of Node's shared pool: transferring that would take it from the others
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs as a worker thread of the PDF drawing pool, not on its own');

port.on('message', async ({ id, data }: DrawingRequest) => {
  let reply: DrawingReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const { bytes, sha256 } = await drawDocument(data);
    const buffer = ownArrayBuffer(bytes);
    reply = { id, bytes: buffer, sha256 };
    transfer = [buffer];
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    reply = { id, error: { name, message, stack } };
  }
  port.postMessage(reply, transfer);
});
