// The mailer of a relay without SMTP_URL (development, the demo): each message is printed to the
// relay log, as the sign-in code is, so the demo shows what would have been sent. Nothing leaves
// the machine; every message counts as accepted. In production (a relay started without SMTP_URL
// by mistake) only the envelope is logged: a message's text can carry what no log should keep
// (links with tokens, people's details), and a production log travels further than a console.
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from './mailer.js';

export function createLogMailer(log: FastifyBaseLogger, defaultFrom: string, showText = true): Mailer {
  return {
    async send(mail) {
      const to = typeof mail.to === 'string' ? [mail.to] : [...mail.to];
      const attachments = (mail.attachments ?? []).map((a) => `${a.filename} (${a.content.byteLength} bytes)`);
      log.warn(
        [
          `EMAIL (SMTP_URL not set, not sent)`,
          `From: ${mail.from ?? defaultFrom}`,
          `To: ${to.join(', ')}`,
          `Subject: ${mail.subject}`,
          ...(mail.messageId ? [`Message-ID: ${mail.messageId}`] : []),
          ...(attachments.length > 0 ? [`Attachments: ${attachments.join(', ')}`] : []),
          '',
          showText ? mail.text : '(text not logged in production)',
        ].join('\n'),
      );
      return { accepted: to, rejected: [], response: '250 logged' };
    },
    close() {},
  };
}
