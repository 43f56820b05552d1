// Reads a JSON request body, or a route's path parameters, through a zod schema. Anything else is
// a 4xx that names the problem: no body, a body that is not JSON, or the fields that are wrong and why.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { problemsByField } from '@promoteros/shared';
import { badRequest, unsupportedMediaType } from './errors.js';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

export function parseBody<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  const { body } = request;
  const contentType = request.headers['content-type'];
  // fastify also parses text/plain; these routes speak only JSON
  if (contentType !== undefined && !JSON_TYPE.test(contentType)) {
    throw unsupportedMediaType('unsupported Content-Type: send JSON with "Content-Type: application/json"');
  }
  if (body === undefined || body === null) {
    throw badRequest('missing_body', 'send a JSON object as the body, with "Content-Type: application/json"');
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('invalid_body', 'the request body must be a JSON object');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidRequest(parsed.error, 'body');
}

/** The path parameters (`/v1/events/:eventId`): 400 naming each one that is not what it must be. */
export function parseParams<S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> {
  const parsed = schema.safeParse(request.params);
  if (parsed.success) return parsed.data;
  throw invalidRequest(parsed.error, 'params');
}

/** 400 invalid_request: the first problem of each field, and all of them in one sentence. */
function invalidRequest(error: z.ZodError, whole: string) {
  const errors = problemsByField(error, whole);
  const summary = Object.entries(errors)
    .map(([field, message]) => `${field} ${message}`)
    .join('; ');
  return badRequest('invalid_request', summary, errors);
}
