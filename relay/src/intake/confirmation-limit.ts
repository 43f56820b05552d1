// How many confirmation emails ("we received your request") one address gets from the public
// form in a day. The form is public and the address is whatever was typed in it, so without a
// limit anyone could use the venues' mail server to bomb a stranger's inbox. A request beyond the
// limit is still filed, exactly as any other: only its confirmation email is left out, which is
// counted on /metrics and said in the request's audit entry.
import { Counter, type Registry } from 'prom-client';
import type { RateLimit, RateLimits } from '../http/rate-limits.js';

export const CONFIRMATION_LIMIT_WINDOW_SECONDS = 24 * 60 * 60;

export class ConfirmationLimit {
  readonly #perAddress: RateLimit;
  readonly #skipped: Counter;

  constructor(limits: RateLimits, perAddressPerDay: number, registry: Registry) {
    this.#perAddress = limits.limit({
      name: 'intake-confirmation-email',
      points: perAddressPerDay,
      windowSeconds: CONFIRMATION_LIMIT_WINDOW_SECONDS,
    });
    this.#skipped = new Counter({
      name: 'promoteros_intake_confirmations_skipped_total',
      help: 'requests filed from the public form without a confirmation email: their address had its daily share',
      registers: [registry],
    });
  }

  /** Counts one confirmation to this address; false when it has had its share today. */
  async allow(email: string): Promise<boolean> {
    return (await this.#perAddress.count(keyOf(email))).allowed;
  }

  /** A confirmation counted by allow() that was not sent after all (the form had filed its request before). */
  async giveBack(email: string): Promise<void> {
    await this.#perAddress.giveBack(keyOf(email));
  }

  /** A request was filed without its confirmation. */
  skipped(): void {
    this.#skipped.inc();
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();
