// What the intake routes answer when a request fails before or while it is handled: in the
// visitor's terms, as a page or JSON (answers.ts), never a stack. The database being away is a
// 503 with Retry-After: nothing was filed, and the same form sent again is filed once (its form
// token). A body fastify could not read is named as such: too large, not a form, not JSON.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/database-trouble.js';
import { databaseUnavailable, HttpError } from '../http/errors.js';
import { answerProblem } from './answers.js';

export function intakeErrorHandler(bodyLimit: number) {
  return (error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error instanceof HttpError ? error.status : (error.statusCode ?? 500);
    if (isDatabaseUnavailable(error)) {
      const unavailable = databaseUnavailable();
      void reply.headers(unavailable.headers ?? {});
      return answerProblem(
        request,
        reply,
        503,
        unavailable.code,
        'The request could not be taken just now. Please send it again in a moment.',
      );
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'intake request failed');
      return answerProblem(
        request,
        reply,
        500,
        'internal',
        'The request could not be taken just now. Please try again in a minute.',
      );
    }
    if (error instanceof HttpError) {
      if (error.headers) void reply.headers(error.headers);
      return answerProblem(request, reply, status, error.code, error.message);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return answerProblem(
        request,
        reply,
        413,
        'payload_too_large',
        `The request is too large (more than ${bodyLimit / 1024} KB). Shorten the longest texts and send it again.`,
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return answerProblem(request, reply, 415, 'unsupported_media_type', 'Send the form as a form post or as JSON.');
    }
    const malformed = error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP');
    return answerProblem(
      request,
      reply,
      status,
      malformed ? 'malformed_body' : (error.code ?? 'bad_request'),
      malformed ? 'The request body could not be read: send a form post or a JSON object.' : error.message,
    );
  };
}
