// The mailer of a relay without SMTP_URL (development, the demo): each message is written to the
// relay log, so the demo shows what would have been sent. Nothing leaves the machine; every
// message counts as accepted. In development that is routine, logged at info (`npm start` keeps
// it in its log file, out of the terminal). In production (a relay started without SMTP_URL by
// mistake) it is a warning, and only the envelope is logged: a message's text can carry what no
// log should keep (links with tokens, people's details), and a production log travels further.
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from './mailer.js';

export function createLogMailer(log: FastifyBaseLogger, defaultFrom: string, development = true): Mailer {
  return {
    async send(mail) {
      const to = typeof mail.to === 'string' ? [mail.to] : [...mail.to];
      const attachments = (mail.attachments ?? []).map((a) => `${a.filename} (${a.content.byteLength} bytes)`);
      const write = development ? log.info.bind(log) : log.warn.bind(log);
      write(
        [
          `EMAIL (SMTP_URL not set, not sent)`,
          `From: ${mail.from ?? defaultFrom}`,
          `To: ${to.join(', ')}`,
          `Subject: ${mail.subject}`,
          ...(mail.messageId ? [`Message-ID: ${mail.messageId}`] : []),
          ...(attachments.length > 0 ? [`Attachments: ${attachments.join(', ')}`] : []),
          '',
          development ? mail.text : '(text not logged in production)',
        ].join('\n'),
      );
      return { accepted: to, rejected: [], response: '250 logged' };
    },
    close() {},
  };
}
