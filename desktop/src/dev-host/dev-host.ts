// The browser dev host: where Electron cannot run (CI, this container), the renderer is served
// over HTTP on 127.0.0.1 and reaches the app service through the same command map, carried by
// a WebSocket on the same port instead of Electron IPC.
//
// Guarded like a local credential: a random secret, handed over only in the printed URL's
// fragment (never in a response), must come with the WebSocket upgrade; Host and Origin must be
// loopback. A wrong or missing secret, or a foreign Host/Origin, gets a plain refusal.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SignalName } from '../common/command-map.js';
import type { DesktopApp } from '../core/app/desktop-app.js';
import { isLoopbackHost, isLoopbackOrigin } from './loopback.js';
import { serveRenderer } from './static-renderer.js';
import { BRIDGE_PATH, SECRET_PARAM, type CommandMessage, type SignalMessage, type ReplyMessage } from './wire.js';

export interface DevHostOptions {
  /** what commands go to and signals come from */
  readonly app: Pick<DesktopApp, 'dispatch' | 'onAny'>;
  /** the built renderer (desktop/out/renderer) */
  readonly rendererDir: string;
  /** default 0: a random free port */
  readonly port?: number;
  /** default a fresh random one */
  readonly secret?: string;
}

export interface DevHost {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** the page to open, with the secret in its fragment */
  readonly pageUrl: string;
  /** the WebSocket address, with the secret */
  readonly bridgeUrl: string;
  readonly secret: string;
  close(): Promise<void>;
}

// one command message is small; this only stops a runaway page from filling memory
const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(secret);
  const sockets = new Set<WebSocket>();

  const server = createServer((request, response) => {
    if (!isLoopbackHost(request.headers.host)) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('the dev host answers loopback addresses only');
      return;
    }
    serveRenderer(options.rendererDir, request, response);
  });
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const refusal = refuseUpgrade(request, expected);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      const message = isBinary ? undefined : parseCommand(data.toString());
      if (!message) {
        reply(ws, {
          id: null,
          outcome: {
            ok: false,
            error: { code: 'invalid_arguments', message: 'expected a JSON message {id, name, args}' },
          },
        });
        return;
      }
      void options.app.dispatch(message.name, message.args).then((outcome) => reply(ws, { id: message.id, outcome }));
    });
  }

  const stopSignals = options.app.onAny((signal: SignalName, payload: unknown) => {
    const text = JSON.stringify({ signal, payload } satisfies SignalMessage);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    pageUrl: `${origin}/#${SECRET_PARAM}=${encodeURIComponent(secret)}`,
    bridgeUrl: `ws://127.0.0.1:${port}${BRIDGE_PATH}?${SECRET_PARAM}=${encodeURIComponent(secret)}`,
    secret,
    close() {
      closing ??= (async () => {
        stopSignals();
        for (const ws of sockets) ws.terminate();
        webSockets.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}

/** the HTTP status line refusing this upgrade, or undefined to accept it */
function refuseUpgrade(request: IncomingMessage, expected: Buffer): string | undefined {
  if (!isLoopbackHost(request.headers.host)) return '403 Forbidden';
  // browsers always send Origin; a Node client (tests, tools) sends none and still needs the secret
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return '403 Forbidden';
  const url = new URL(request.url ?? '/', 'http://dev-host');
  if (url.pathname !== BRIDGE_PATH) return '404 Not Found';
  const given = Buffer.from(url.searchParams.get(SECRET_PARAM) ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '401 Unauthorized';
  return undefined;
}

function parseCommand(text: string): CommandMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, name, args } = value as Record<string, unknown>;
  if ((typeof id !== 'number' && typeof id !== 'string') || typeof name !== 'string') return undefined;
  return { id, name, args };
}

function reply(ws: WebSocket, message: ReplyMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
