// How many requests one address may send through the intake pages: a venue's form is public, so
// this is what keeps a script from filling the inbox. Counted in the database (http/rate-limits.ts),
// so every relay and every restart sees the same counts. Every POST counts, the refused ones too:
// a bot probing the form is limited as much as one flooding it.
import { tooManyRequests } from '../http/errors.js';
import type { RateLimit, RateLimits } from '../http/rate-limits.js';

export const INTAKE_LIMIT_WINDOW_SECONDS = 60 * 60;

export class IntakeLimits {
  readonly #perIp: RateLimit;

  constructor(limits: RateLimits, perIp: number) {
    this.#perIp = limits.limit({ name: 'intake-ip', points: perIp, windowSeconds: INTAKE_LIMIT_WINDOW_SECONDS });
  }

  /** Counts one submission; throws 429 with Retry-After when the address has sent too many. */
  async count(ip: string): Promise<void> {
    const counted = await this.#perIp.count(ip);
    if (counted.allowed) return;
    const seconds = counted.retryAfterSeconds;
    const minutes = Math.ceil(seconds / 60);
    throw tooManyRequests(
      `Too many requests have been sent from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      seconds,
    );
  }
}
