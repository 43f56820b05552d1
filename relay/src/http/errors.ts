// The one error type of the HTTP boundary: a status, a stable code tests can assert, a
// message a person can act on, and optional per-field details.
import type { FastifyInstance, FastifyError } from 'fastify';

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
export const unauthorized = (message = 'sign in first: missing, expired or revoked session') =>
  new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.headers) void reply.headers(error.headers);
      return reply
        .status(error.status)
        .send({ code: error.code, message: error.message, ...(error.errors ? { errors: error.errors } : {}) });
    }
    // fastify's own client errors: bad JSON, body too large, wrong content type, …
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: error.code ?? 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ code: 'internal', message: 'the relay could not complete the request' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` }),
  );
}
