// The SMTP mailer against a real SMTP server: the message as given (sender, recipients,
// Message-ID, both parts, attachment), over pooled connections; a server that is not there is an
// error for the caller to retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { createSmtpMailer } from './mailer.js';
import { TestMailbox } from '../testing/test-mailbox.js';
import { isPermanentSmtpFailure } from '../notify/smtp-failure.js';

describe('SMTP mailer', () => {
  let mailbox: TestMailbox;
  beforeAll(async () => {
    mailbox = await TestMailbox.start();
  });
  afterAll(async () => {
    await mailbox?.stop();
  });

  it('should deliver each message as given, several at once over the pool', async () => {
    const mailer = createSmtpMailer({ smtpUrl: mailbox.url, from: 'PromoterOS <no-reply@promoteros.test>', pool: 3 });
    try {
      const receipts = await Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          mailer.send({
            to: [`a${n}@example.test`, 'b@example.test'],
            from: '"Harbour Live" <bookings@harbour.example>',
            subject: `Hello ${n}`,
            text: `plain ${n}`,
            html: `<p>html ${n}</p>`,
            messageId: `<job-${n}.test@promoteros.test>`,
            attachments: [
              { filename: 'a.pdf', content: new TextEncoder().encode('%PDF'), contentType: 'application/pdf' },
            ],
          }),
        ),
      );
      expect(receipts.map((r) => r.accepted)).toEqual(
        Array.from({ length: 6 }, (_, n) => [`a${n}@example.test`, 'b@example.test']),
      );
      for (let n = 0; n < 6; n++) {
        const mail = await mailbox.next(`a${n}@example.test`);
        expect(mail.parsed.messageId).toBe(`<job-${n}.test@promoteros.test>`);
        expect(mail.parsed.from?.text).toBe('"Harbour Live" <bookings@harbour.example>');
        expect(mail.parsed.subject).toBe(`Hello ${n}`);
        expect(mail.parsed.text?.trim()).toBe(`plain ${n}`);
        expect(mail.parsed.html).toBe(`<p>html ${n}</p>`);
        expect(mail.parsed.attachments.map((a) => a.filename)).toEqual(['a.pdf']);
      }
    } finally {
      mailer.close();
    }
  });

  it('should fail, as a temporary failure, when nothing answers at the address', async () => {
    // a port that was free a moment ago: nothing listens there
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const mailer = createSmtpMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'x@promoteros.test', pool: 1 });
    try {
      const failure = await mailer.send({ to: 'a@example.test', subject: 's', text: 't', html: '<p>t</p>' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/ECONNREFUSED/);
      expect(isPermanentSmtpFailure(failure)).toBe(false);
    } finally {
      mailer.close();
    }
  });
});
