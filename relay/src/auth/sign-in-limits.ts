// How often sign-in may be asked for: per client IP (one office shares one address, so more
// generous) and per email address (each request sends a mail to a person's inbox).
// Counted in this relay's memory: behind a load balancer with N relays the effective limit
// is up to N times higher, and a restart forgets the counts. A shared store (Postgres or
// Redis, both supported by rate-limiter-flexible) is the step up when that matters.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../http/errors.js';

export const SIGN_IN_LIMIT_WINDOW_SECONDS = 15 * 60;

export interface SignInLimitsOptions {
  readonly perIp: number;
  readonly perEmail: number;
}

export class SignInLimits {
  readonly #perIp: RateLimiterMemory;
  readonly #perEmail: RateLimiterMemory;

  constructor({ perIp, perEmail }: SignInLimitsOptions) {
    this.#perIp = new RateLimiterMemory({
      keyPrefix: 'sign-in-ip',
      points: perIp,
      duration: SIGN_IN_LIMIT_WINDOW_SECONDS,
    });
    this.#perEmail = new RateLimiterMemory({
      keyPrefix: 'sign-in-email',
      points: perEmail,
      duration: SIGN_IN_LIMIT_WINDOW_SECONDS,
    });
  }

  /** Counts one sign-in request; throws 429 with Retry-After when a limit is reached. */
  async count(ip: string, email: string): Promise<void> {
    await consume(this.#perIp, ip, 'from this network');
    await consume(this.#perEmail, email, 'for this email address');
  }
}

async function consume(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.ceil(error.msBeforeNext / 1000);
    throw tooManyRequests(`too many sign-in requests ${what}: try again in ${describeWait(seconds)}`, seconds);
  }
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
