// Outgoing email over SMTP (SMTP_URL), through nodemailer. One transport per relay; the sign-in
// code and the job loop's emails (relay/src/notify) go through the same contract. Without
// SMTP_URL (development, the demo) the log mailer prints each message to the relay log instead.
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';

export interface MailAttachment {
  readonly filename: string;
  readonly content: Uint8Array;
  readonly contentType: string;
}

export interface OutgoingMail {
  /** one address or several (all in To) */
  readonly to: string | readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** the From header; the mailer's default sender when absent */
  readonly from?: string;
  /** `<…@…>`; the same on every try of one job's email, so a resent copy is recognisable */
  readonly messageId?: string;
  readonly attachments?: readonly MailAttachment[];
}

/** What the SMTP server said when it took the message. */
export interface MailReceipt {
  readonly accepted: readonly string[];
  /** recipients the server refused while it accepted others */
  readonly rejected: readonly string[];
  readonly response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<MailReceipt>;
  close(): void;
}

export interface SmtpMailerOptions {
  /** smtp:// or smtps:// with optional user:password@ */
  readonly smtpUrl: string;
  /** the default From header, e.g. "PromoterOS <no-reply@example.com>" */
  readonly from: string;
  /**
   * Keep up to this many SMTP connections open and reuse them (nodemailer's pool): the job loop
   * sends from several lanes at once, and a new connection per message costs a handshake each.
   * Unset: one connection per message (the sign-in code, rare and alone).
   */
  readonly pool?: number;
}

export function createSmtpMailer({ smtpUrl, from, pool }: SmtpMailerOptions): Mailer {
  const url = new URL(smtpUrl);
  if (pool) {
    // nodemailer reads the pool settings from the URL's query when given a URL
    url.searchParams.set('pool', 'true');
    url.searchParams.set('maxConnections', String(pool));
    url.searchParams.set('maxMessages', 'Infinity');
  }
  const transport = nodemailer.createTransport(url.toString());
  // not in nodemailer's types, but its documented way to supply the connection
  Object.assign(transport, { getSocket: connectWithoutDelay });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        ...mail,
        to: typeof mail.to === 'string' ? mail.to : [...mail.to],
        attachments: mail.attachments?.map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: a.contentType,
        })),
      });
      const address = (entry: unknown) =>
        typeof entry === 'string' ? entry : String((entry as { address?: string }).address ?? entry);
      return {
        accepted: (info.accepted ?? []).map(address),
        rejected: (info.rejected ?? []).map(address),
        response: String(info.response ?? ''),
      };
    },
    close() {
      transport.close();
    },
  };
}

const CONNECT_TIMEOUT_MS = 30_000;

type SocketCallback = (error: Error | null, socket?: { connection: Socket }) => void;

/**
 * The TCP connection to the SMTP server, with Nagle's algorithm off (nodemailer's documented
 * getSocket hook; TLS, smtps:// or STARTTLS, is still nodemailer's). nodemailer writes a message's
 * last line ("\r\n.\r\n") as a small write of its own; with Nagle on, the kernel holds it until the
 * server ACKs the previous segment, which servers delay by up to 40 ms: every message would
 * wait that long.
 */
function connectWithoutDelay(
  options: { host?: string; port?: number | string; secure?: boolean },
  callback: SocketCallback,
) {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = connect({ host: options.host ?? 'localhost', port });
  socket.setNoDelay(true);
  // nodemailer times the conversation, not this connect: a server that never answers the SYN
  // would otherwise hold the job until the operating system gives up
  const timer = setTimeout(
    () => socket.destroy(new Error(`no answer from ${options.host}:${port} (connect timeout)`)),
    CONNECT_TIMEOUT_MS,
  );
  const failed = (error: Error) => {
    clearTimeout(timer);
    callback(error);
  };
  socket.once('error', failed);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.off('error', failed);
    callback(null, { connection: socket });
  });
}
