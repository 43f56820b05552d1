// Whether an error means "the database cannot be reached right now" (a connection dropped,
// PostgreSQL restarting or refusing connections) rather than "this request is wrong" or "the
// relay has a bug". Such errors pass by themselves: callers answer 503 with Retry-After, the job
// loop waits, and nothing is recorded as failed because of them.

/** postgres.js's own codes for a connection it lost or could not open */
const driverCodes = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/** Node's socket errors: the server went away or is not listening */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * SQLSTATEs (PostgreSQL appendix A) of a server going away or not taking connections:
 * 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, in recovery), 53300 too_many_connections.
 * Class 08 (connection exception) is matched by its prefix.
 */
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300']);

/** How long a client should wait before trying again, in seconds (the Retry-After header). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  if (typeof code === 'string') {
    if (driverCodes.has(code) || socketCodes.has(code) || serverCodes.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof errno === 'string' && (driverCodes.has(errno) || socketCodes.has(errno))) return true;
  // an AggregateError (a connect to several addresses, e.g. localhost's ::1 and 127.0.0.1)
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.every(isDatabaseUnavailable);
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause);
}

/**
 * postgres.js options for riding out an outage: a connect that gets no answer fails after
 * connect_timeout seconds (default 30: a request would hang that long), and a connection that
 * failed to connect tries again after at most a second (by default the wait grows to 20 s, so
 * the relay would lag that far behind a database that is back).
 */
export const outageConnectionOptions = {
  connect_timeout: 5,
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
};
