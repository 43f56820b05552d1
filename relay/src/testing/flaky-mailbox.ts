// For tests: a real SMTP server that fails on purpose, the ways mail servers do. Each message
// (each MAIL FROM) is dealt the next fate of a fixed cycle, so every kind of failure happens in
// every run and half of all tries fail:
//   rcpt-4xx       451 to RCPT TO                           (greylisting, a full mailbox)
//   rcpt-5xx       550 to RCPT TO                           (no such mailbox: not in the cycle)
//   rcpt-5xx-after-first  the first recipient taken, 550 to the others (a mistyped second address:
//                  not in the cycle)
//   hang           the message read, no answer ever         (the sender dies waiting: not in the cycle)
//   drop-mid-data  the connection cut while the message streams in  (a server or network dying)
//   data-4xx       451 after the whole message came in      (a busy queue)
//   accept         kept, then 250
// `acceptThenDrop` adds the ambiguous one: the message kept, the connection cut before the 250,
// so the sender cannot know it arrived.
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';

export type Fate =
  | 'rcpt-4xx'
  | 'rcpt-5xx'
  | 'rcpt-5xx-after-first'
  | 'hang'
  | 'drop-mid-data'
  | 'data-4xx'
  | 'accept'
  | 'accept-then-drop';

export interface KeptMessage {
  readonly messageId: string;
  readonly to: string[];
  readonly subject: string;
}

const CYCLE: readonly Fate[] = ['rcpt-4xx', 'accept', 'drop-mid-data', 'accept', 'data-4xx', 'accept'];

const temporary = (message: string) => Object.assign(new Error(message), { responseCode: 451 });

export class FlakyMailbox {
  readonly kept: KeptMessage[] = [];
  /** how many messages met each fate */
  readonly dealt = new Map<Fate, number>();
  /** messages left waiting for an answer ('hang') */
  hung = 0;
  #fates = new WeakMap<SMTPServerSession, Fate>();
  #sockets = new Map<number, Socket>();
  #next = 0;
  #server: SMTPServer;
  #url = '';

  private constructor(cycle: readonly Fate[]) {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom: (_address, session, callback) => {
        const fate = cycle[this.#next++ % cycle.length]!;
        this.#fates.set(session, fate);
        this.dealt.set(fate, (this.dealt.get(fate) ?? 0) + 1);
        callback();
      },
      onRcptTo: (_address, session, callback) => {
        // session.envelope.rcptTo: the recipients taken so far in this message
        const fate = this.#fates.get(session);
        if (fate === 'rcpt-4xx') return callback(temporary('4.2.1 try again later'));
        const refused = fate === 'rcpt-5xx' || (fate === 'rcpt-5xx-after-first' && session.envelope.rcptTo.length > 0);
        if (refused) return callback(Object.assign(new Error('5.1.1 no such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const fate = this.#fates.get(session);
        const socket = this.#sockets.get(session.remotePort);
        if (fate === 'hang') {
          this.hung += 1;
          stream.resume();
          return;
        }
        if (fate === 'drop-mid-data') {
          stream.once('data', () => socket?.destroy());
          stream.resume();
          return;
        }
        simpleParser(stream).then(
          (parsed) => {
            if (fate === 'data-4xx') return callback(temporary('4.3.0 queue full, try again'));
            this.kept.push({
              messageId: parsed.messageId ?? '',
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
            });
            if (fate === 'accept-then-drop') return void socket?.destroy();
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    this.#server.server.on('connection', (socket: Socket) => {
      const port = socket.remotePort;
      if (port === undefined) return;
      this.#sockets.set(port, socket);
      socket.once('close', () => this.#sockets.delete(port));
    });
  }

  static async start(cycle: readonly Fate[] = CYCLE): Promise<FlakyMailbox> {
    const mailbox = new FlakyMailbox(cycle);
    await new Promise<void>((resolve) => mailbox.#server.listen(0, '127.0.0.1', resolve));
    const { port } = mailbox.#server.server.address() as AddressInfo;
    mailbox.#url = `smtp://127.0.0.1:${port}`;
    return mailbox;
  }

  get url(): string {
    return this.#url;
  }

  stop(): Promise<void> {
    for (const socket of this.#sockets.values()) socket.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
