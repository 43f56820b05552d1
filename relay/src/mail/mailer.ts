// Outgoing email over SMTP (SMTP_URL), through nodemailer. One transport per relay; the
// relay's other mail (invitations, documents) goes through the same contract.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpMailerOptions {
  /** smtp:// or smtps:// with optional user:password@ */
  readonly smtpUrl: string;
  /** the From header, e.g. "PromoterOS <no-reply@example.com>" */
  readonly from: string;
}

export function createSmtpMailer({ smtpUrl, from }: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close() {
      transport.close();
    },
  };
}
