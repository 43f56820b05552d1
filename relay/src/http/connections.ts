// The relay's open client connections, so that shutdown can end the ones that carry no
// request: keep-alive connections that became idle after fastify's one sweep, and sockets a
// client opened but never sent a byte on (Node waits headersTimeout for those, a minute).
import type { Server, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export class Connections {
  readonly #sockets = new Set<Socket>();
  readonly #busy = new WeakSet<Socket>();

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response) => {
      const socket = request.socket;
      this.#busy.add(socket);
      response.once('close', () => this.#busy.delete(socket));
    });
  }

  get open(): number {
    return this.#sockets.size;
  }

  /** Ends every connection that has no request in progress. */
  closeIdle(): void {
    for (const socket of this.#sockets) if (!this.#busy.has(socket)) socket.destroy();
  }
}
