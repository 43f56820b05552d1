// How the intake routes answer: a page for a browser's form post (sendPage, http/html-page.ts),
// JSON for a script or an API client. A form posted without JavaScript must never land on a JSON
// error.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderConfirmation, renderNotFound, renderProblem } from '@promoteros/intake-page';
import { sendPage } from '../http/html-page.js';
import type { IntakeVenueRow } from './intake-venue.js';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** JSON when the body was JSON or the client asked for JSON, a page otherwise. */
export function wantsJson(request: FastifyRequest): boolean {
  const contentType = request.headers['content-type'];
  if (contentType && JSON_TYPE.test(contentType)) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** A request that could not be taken: `{code, message}`, or a page that leads back to the form. */
export function answerProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
) {
  if (wantsJson(request)) return reply.status(status).send({ code, message });
  const titles: Record<number, string> = {
    413: 'Your request is too large',
    415: 'Your request could not be read',
    429: 'Too many requests',
  };
  const title = titles[status] ?? 'Your request could not be sent';
  return sendPage(reply, status, renderProblem({ title, message, backTo: request.url.split('?')[0] }));
}

/** No venue takes requests at this address. */
export function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
  if (wantsJson(request)) {
    return reply
      .status(404)
      .send({ code: 'not_found', message: `no venue takes requests at ${request.url.split('?')[0]}` });
  }
  return sendPage(reply, 404, renderNotFound());
}

/** The request was sent: its reference (201 filed, 200 the same form again; a bot gets 201 too). */
export function answerSent(
  reply: FastifyReply,
  json: boolean,
  venue: IntakeVenueRow,
  reference: string,
  email: string,
  status: number,
) {
  if (json) {
    return reply.status(status).send({
      reference,
      venueName: venue.name,
      email,
      message: `Request sent to ${venue.name}. Your reference is ${reference}.`,
    });
  }
  return sendPage(reply, status, renderConfirmation({ venueName: venue.name, reference, email }));
}
