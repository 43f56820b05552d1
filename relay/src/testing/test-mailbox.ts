// For tests: a real SMTP server on a loopback port that keeps every message it is sent,
// parsed by mailparser, so tests read mail the way a person's mail client would.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  readonly to: string[];
  readonly parsed: ParsedMail;
}

export class TestMailbox {
  readonly received: ReceivedMail[] = [];
  /** the messages next() has handed out */
  #taken = new Set<ReceivedMail>();
  #waiters: Array<{ fits: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }> = [];
  #server: SMTPServer;
  #url = '';

  private constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        simpleParser(stream).then(
          (parsed) => {
            // recorded before the 250 reply, so a sender that finished sending finds it here
            const mail = { to, parsed };
            this.received.push(mail);
            // each message goes to the longest-waiting reader it fits
            const waiter = this.#waiters.find((w) => w.fits(mail));
            if (waiter) {
              this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
              this.#taken.add(mail);
              waiter.resolve(mail);
            }
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  static async start(): Promise<TestMailbox> {
    const mailbox = new TestMailbox();
    await new Promise<void>((resolve) => mailbox.#server.listen(0, '127.0.0.1', resolve));
    const { port } = mailbox.#server.server.address() as AddressInfo;
    mailbox.#url = `smtp://127.0.0.1:${port}`;
    return mailbox;
  }

  /** the SMTP_URL for a relay that should deliver here */
  get url(): string {
    return this.#url;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /**
   * The next message to this address that has not been taken yet (in arrival order); with
   * `subject`, the next one whose subject matches, leaving the others (a relay also mails
   * notifications: a sign-in code is read past them).
   */
  next(address: string, timeoutMs = 10_000, subject?: RegExp): Promise<ReceivedMail> {
    const wanted = address.toLowerCase();
    const fits = (mail: ReceivedMail) =>
      mail.to.includes(wanted) && !this.#taken.has(mail) && (!subject || subject.test(mail.parsed.subject ?? ''));
    const already = this.received.find(fits);
    if (already) {
      this.#taken.add(already);
      return Promise.resolve(already);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        fits,
        resolve: (mail: ReceivedMail) => {
          clearTimeout(timer);
          resolve(mail);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(
          new Error(`no mail to ${wanted}${subject ? ` with a subject like ${subject}` : ''} within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
