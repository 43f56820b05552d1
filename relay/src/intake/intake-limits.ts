// How many requests one address may send through the intake pages: a venue's form is public, so
// this is what keeps a script from filling the inbox. Counted in this relay's memory (as the
// sign-in limits are, with the same caveat behind a load balancer). Every POST counts, the
// refused ones too: a bot probing the form is limited as much as one flooding it.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../http/errors.js';

export const INTAKE_LIMIT_WINDOW_SECONDS = 60 * 60;

export class IntakeLimits {
  readonly #perIp: RateLimiterMemory;

  constructor(perIp: number) {
    this.#perIp = new RateLimiterMemory({
      keyPrefix: 'intake-ip',
      points: perIp,
      duration: INTAKE_LIMIT_WINDOW_SECONDS,
    });
  }

  /** Counts one submission; throws 429 with Retry-After when the address has sent too many. */
  async count(ip: string): Promise<void> {
    try {
      await this.#perIp.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.ceil(error.msBeforeNext / 1000);
      const minutes = Math.ceil(seconds / 60);
      throw tooManyRequests(
        `Too many requests have been sent from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        seconds,
      );
    }
  }
}
