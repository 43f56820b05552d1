// A local SMTP sink in a process of its own for bench:jobs: an SMTP server stands apart from
// whoever sends to it (another machine, in life), so neither the relay nor the floor's loop shares
// a thread with it. It reads each message's Message-ID and throws the rest away. The parent asks
// over IPC: 'count' → { distinct, duplicates }, 'reset' → forget what arrived.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

const seen = new Map<string, number>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
      seen.set(id, (seen.get(id) ?? 0) + 1);
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as AddressInfo;
  process.send!({ port });
});

process.on('message', (message: unknown) => {
  if (message === 'reset') {
    seen.clear();
    process.send!({ reset: true });
  } else if (message === 'count') {
    let duplicates = 0;
    for (const n of seen.values()) if (n > 1) duplicates += 1;
    process.send!({ distinct: seen.size, duplicates });
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));
