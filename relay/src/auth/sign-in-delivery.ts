// Sending the sign-in code's email. It is not a job of the queue: the code must not rest in the
// database in clear (sign_in_tokens holds it HMAC-hashed), and it is worth nothing once its
// SIGN_IN_VALID_MINUTES are up. So it goes from memory, at once, and is tried again a few times
// within the first minute when the mail server says "try again later" or the connection breaks
// (a greylisting server, a mail relay restarting): the person waiting at the sign-in screen gets
// the code instead of pressing Resend into the same blip. A permanent refusal (smtp-failure.ts)
// is not tried again. Every try is counted on /metrics with the job loop's emails, kind "sign-in".
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer, OutgoingMail } from '../mail/mailer.js';
import type { EmailMetrics } from '../notify/email-metrics.js';
import { describeSmtpFailure, isPermanentSmtpFailure } from '../notify/smtp-failure.js';

/** the waits before the second, third and fourth tries: all within the code's first minute */
export const SIGN_IN_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000];

const KIND = 'sign-in';

export interface SignInDeliveryOptions {
  readonly mailer: Mailer;
  readonly log: FastifyBaseLogger;
  readonly metrics?: EmailMetrics;
  readonly retryDelaysMs?: readonly number[];
}

export class SignInDelivery {
  readonly #sending = new Set<Promise<void>>();
  /** wakes the waits between tries at close, which then gives up on them */
  readonly #closing = new AbortController();

  constructor(private readonly options: SignInDeliveryOptions) {}

  /** Sends in the background (the caller has answered already); close() waits for it. */
  send(mail: OutgoingMail): void {
    const sending: Promise<void> = this.#deliver(mail).finally(() => this.#sending.delete(sending));
    this.#sending.add(sending);
  }

  /** Stops trying again, and waits for the tries on the wire. */
  async close(): Promise<void> {
    this.#closing.abort();
    await Promise.allSettled([...this.#sending]);
  }

  async #deliver(mail: OutgoingMail): Promise<void> {
    const { mailer, log, metrics, retryDelaysMs = SIGN_IN_RETRY_DELAYS_MS } = this.options;
    const to = String(mail.to);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await mailer.send(mail);
        metrics?.sent.inc({ kind: KIND });
        if (attempt > 1) log.info(`sign-in email to ${to} sent on try ${attempt}`);
        return;
      } catch (error) {
        const permanent = isPermanentSmtpFailure(error);
        metrics?.failed.inc({ kind: KIND, failure: permanent ? 'permanent' : 'temporary' });
        const delay = retryDelaysMs[attempt - 1];
        if (permanent || delay === undefined || this.#closing.signal.aborted) {
          const why = permanent
            ? 'refused for good'
            : this.#closing.signal.aborted
              ? 'the relay is stopping'
              : 'out of tries';
          log.error({ err: error }, `sign-in email to ${to} failed (${why}): ${describeSmtpFailure(error)}`);
          return;
        }
        log.warn({ err: error }, `sign-in email to ${to} failed; trying again in ${delay / 1000} s`);
        if (!(await this.#wait(delay))) {
          log.error(`sign-in email to ${to} not sent: the relay stopped before the next try`);
          return;
        }
      }
    }
  }

  /** true after the delay; false when the relay closes first */
  #wait(ms: number): Promise<boolean> {
    const signal = this.#closing.signal;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', stop);
        resolve(true);
      }, ms);
      const stop = () => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', stop, { once: true });
    });
  }
}
