// How often sign-in may be asked for and tried, counted in the database (http/rate-limits.ts)
// so that every relay and every restart sees the same counts:
// - asking for a code, per client address (one office shares one address, so more generous) and
//   per email address (each request sends a mail to a person's inbox);
// - trying a code or a link, per client address (whatever it tries);
// - trying a code that is not bound to a sign-in the client asked for (no signInId, or one that
//   is not this address's), per email address. Bound tries need no such count: each sign-in
//   takes 5 wrong codes at most (sign-in-tokens.ts) and sign-ins per address are limited above.
//   Were they counted per email too, anyone could spend that count and lock the person out.
import { tooManyRequests } from '../http/errors.js';
import { describeWait, type RateLimit, type RateLimits } from '../http/rate-limits.js';

export const SIGN_IN_LIMIT_WINDOW_SECONDS = 15 * 60;

export interface SignInLimitsOptions {
  readonly perIp: number;
  readonly perEmail: number;
  readonly verifyPerIp: number;
  readonly verifyPerEmail: number;
}

export class SignInLimits {
  readonly #perIp: RateLimit;
  readonly #perEmail: RateLimit;
  readonly #verifyPerIp: RateLimit;
  readonly #verifyPerEmail: RateLimit;

  constructor(limits: RateLimits, options: SignInLimitsOptions) {
    const windowSeconds = SIGN_IN_LIMIT_WINDOW_SECONDS;
    this.#perIp = limits.limit({ name: 'sign-in-ip', points: options.perIp, windowSeconds });
    this.#perEmail = limits.limit({ name: 'sign-in-email', points: options.perEmail, windowSeconds });
    this.#verifyPerIp = limits.limit({ name: 'verify-ip', points: options.verifyPerIp, windowSeconds });
    this.#verifyPerEmail = limits.limit({ name: 'verify-email', points: options.verifyPerEmail, windowSeconds });
  }

  /** Counts one request for a code; throws 429 with Retry-After when a limit is reached. */
  async countRequest(ip: string, email: string): Promise<void> {
    await refuseOver(this.#perIp, ip, 'too many sign-in requests from this network');
    await refuseOver(this.#perEmail, email, 'too many sign-in requests for this email address');
  }

  /** Counts one try of a code or a link from this client address. */
  async countTry(ip: string): Promise<void> {
    await refuseOver(this.#verifyPerIp, ip, 'too many sign-in attempts from this network');
  }

  /** Counts one try of a code for this email address that is not bound to a sign-in of the client's. */
  async countUnboundTry(email: string): Promise<void> {
    await refuseOver(this.#verifyPerEmail, email, 'too many sign-in attempts for this email address');
  }
}

async function refuseOver(limit: RateLimit, key: string, what: string): Promise<void> {
  const counted = await limit.count(key);
  if (!counted.allowed) {
    const seconds = counted.retryAfterSeconds;
    throw tooManyRequests(`${what}: try again in ${describeWait(seconds)}`, seconds);
  }
}
