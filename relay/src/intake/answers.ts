// How the intake routes answer: a page for a browser's form post (sendPage, http/html-page.ts),
// JSON for a script or an API client. A form posted without JavaScript must never land on a JSON
// error.
import type { FastifyRequest } from 'fastify';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** JSON when the body was JSON or the client asked for JSON, a page otherwise. */
export function wantsJson(request: FastifyRequest): boolean {
  const contentType = request.headers['content-type'];
  if (contentType && JSON_TYPE.test(contentType)) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
