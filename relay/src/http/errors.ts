// The one error type of the HTTP boundary: a status, a stable code tests can assert, a
// message a person can act on, and optional per-field details.
import type { FastifyInstance, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { RouteTable } from './route-table.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/database-trouble.js';
import type { DatabaseWatch } from '../db/database-watch.js';

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, errors?: Record<string, string>) =>
  new HttpError(400, code, message, errors);
export const unauthorized = (message = 'sign in first: missing, expired or revoked session', code = 'unauthorized') =>
  new HttpError(401, code, message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const unsupportedMediaType = (message: string) => new HttpError(415, 'unsupported_media_type', message);
/** The database cannot be reached for a moment: nothing was done, the same request may be sent again. */
export const databaseUnavailable = (
  message = 'the relay cannot reach its database for a moment: nothing was done, try again shortly',
) =>
  new HttpError(503, 'database_unavailable', message, undefined, {
    'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
  });
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new HttpError(429, 'rate_limited', message, undefined, { 'retry-after': String(Math.max(1, retryAfterSeconds)) });

// fastify's own client errors, renamed to codes and messages in the relay's voice
const clientErrors: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: 'the request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_json',
    message: 'the request body is empty but Content-Type says application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: 'the request body is larger than the relay accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'unsupported Content-Type: send JSON with "Content-Type: application/json"',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_content_length',
    message: 'the request body does not match its Content-Length',
  },
};

/**
 * Fastify's own answer to a URL it cannot decode (a broken percent escape such as `/request/%`),
 * given before any route or error handler runs: in the relay's words and shape instead.
 * Pass it as the `frameworkErrors` option when building the app.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.status(400).send({ code: 'bad_url', message: 'the address has a broken percent escape (such as %zz)' });
    return;
  }
  void reply.status(error.statusCode ?? 400).send({ code: error.code ?? 'bad_request', message: error.message });
}

export interface ErrorHandlerOptions {
  /** told of every connection-class error a route meets, so it knows the database is down */
  readonly database?: DatabaseWatch;
}

export function installErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions = {}): void {
  // every route, so that a wrong method on a known path is 405 with Allow, not 404
  const routes = new RouteTable();
  app.addHook('onRoute', (route) => routes.add(route.method, route.url));
  // every route's errors, also those of plugins with an error handler of their own (intake)
  const { database } = options;
  if (database) app.addHook('onError', async (_request, _reply, error) => void database.noteTrouble(error));

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.headers) void reply.headers(error.headers);
      return reply
        .status(error.status)
        .send({ code: error.code, message: error.message, ...(error.errors ? { errors: error.errors } : {}) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = error.code ? clientErrors[error.code] : undefined;
      // a JSON syntax error carries its own statusCode 400 and no fastify code
      const malformed = !known && error instanceof SyntaxError ? clientErrors.FST_ERR_CTP_INVALID_JSON_BODY : undefined;
      const { code, message } = known ?? malformed ?? { code: error.code ?? 'bad_request', message: error.message };
      return reply.status(status).send({ code, message });
    }
    // A connection dropped or PostgreSQL is restarting: 503, never 500. Reads are not retried
    // here: the request may have written before the connection died, and every client of the
    // relay already sends again on 503 (the desktop's outbox resends its batch, which replays
    // from the mutation ledger; the shape client backs off and retries; a request form sent
    // again is filed once, by its form token).
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      const unavailable = databaseUnavailable();
      return reply
        .status(unavailable.status)
        .headers(unavailable.headers ?? {})
        .send({ code: unavailable.code, message: unavailable.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ code: 'internal', message: 'the relay could not complete the request' });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = routes.methodsFor(path);
    if (allowed.length > 0) {
      return reply
        .status(405)
        .header('allow', allowed.join(', '))
        .send({
          code: 'method_not_allowed',
          message: `${request.method} is not allowed on ${path}: use ${allowed.join(', ')}`,
        });
    }
    return reply.status(404).send({ code: 'not_found', message: `no route for ${request.method} ${path}` });
  });
}
