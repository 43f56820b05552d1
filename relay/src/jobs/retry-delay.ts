// How long a failed job waits before its next attempt: exponential backoff with "equal jitter".
//
//   ceiling(n) = min(JOB_RETRY_CAP_MS, JOB_RETRY_BASE_MS * 2^(n-1))   for the n-th failed attempt
//   delay(n)   = ceiling(n) / 2 + random * ceiling(n) / 2             so delay(n) ∈ [ceiling/2, ceiling]
//
// Half of the delay is fixed so that the wait really grows with every failure (an SMTP server
// that is down gets fewer and fewer knocks); the random half spreads the jobs that failed
// together (one outage fails many at once) so they do not all come back in the same second.
// With the defaults: 2–4 s, 4–8 s, 8–16 s … capped at 30–60 min; ten attempts span about 17 hours.

export const JOB_RETRY_BASE_MS = 4_000;
export const JOB_RETRY_CAP_MS = 60 * 60_000;

/** The [least, most] wait after the given attempt (1 = the first) failed. */
export function retryDelayBounds(attempt: number): { minMs: number; maxMs: number } {
  const ceiling = Math.min(JOB_RETRY_CAP_MS, JOB_RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return { minMs: ceiling / 2, maxMs: ceiling };
}

export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const { minMs, maxMs } = retryDelayBounds(attempt);
  return Math.round(minMs + random() * (maxMs - minMs));
}
