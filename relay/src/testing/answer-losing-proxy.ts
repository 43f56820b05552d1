// A TCP proxy in front of PostgreSQL that can lose one answer: armed, it lets the server run and
// commit the next statement whose completion tag starts with a given command (UPDATE, INSERT…),
// then closes the client's connection instead of passing the answer on. That is what a connection
// dying at the worst moment looks like to the relay: the write is in the database, the relay
// never hears so.
import net from 'node:net';

export interface AnswerLosingProxy {
  /** a copy of `databaseUrl` pointing at the proxy */
  readonly url: string;
  /** the next answer to a `command` statement is lost; resolves once it has been */
  loseNextAnswer(command: string): Promise<void>;
  close(): Promise<void>;
}

export async function startAnswerLosingProxy(databaseUrl: string): Promise<AnswerLosingProxy> {
  const upstream = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let armed: { command: string; lost: () => void } | undefined;

  const server = net.createServer((client) => {
    const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(server);
    const cut = () => {
      client.destroy();
      server.destroy();
    };
    client.on('close', cut).on('error', cut);
    server.on('close', cut).on('error', cut);
    client.pipe(server);
    // the server's side, read message by message (type byte, int32 length including itself);
    // armed, everything from the completion of the chosen command on is held back, and at the
    // ReadyForQuery that follows it (the statement has committed) the connection is cut
    let pending = Buffer.alloc(0);
    let swallowing = false;
    server.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let forward = 0;
      while (pending.length - forward >= 5) {
        const length = pending.readInt32BE(forward + 1);
        if (pending.length - forward < 1 + length) break;
        const type = String.fromCharCode(pending[forward]!);
        if (!swallowing && armed && type === 'C') {
          const tag = pending.subarray(forward + 5, forward + length).toString();
          if (tag.startsWith(`${armed.command} `)) {
            client.write(pending.subarray(0, forward));
            pending = pending.subarray(forward);
            forward = 0;
            swallowing = true;
          }
        }
        if (swallowing && type === 'Z') {
          const { lost } = armed!;
          armed = undefined;
          cut();
          lost();
          return;
        }
        forward += 1 + length;
      }
      if (swallowing) return;
      client.write(pending.subarray(0, forward));
      pending = pending.subarray(forward);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    loseNextAnswer: (command) => new Promise<void>((lost) => (armed = { command, lost })),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
