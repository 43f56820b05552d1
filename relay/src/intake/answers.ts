// How the intake routes answer: a page for a browser's form post, JSON for a script or an API
// client. A form posted without JavaScript must never land on a JSON error.
import type { FastifyReply, FastifyRequest } from 'fastify';

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** JSON when the body was JSON or the client asked for JSON, a page otherwise. */
export function wantsJson(request: FastifyRequest): boolean {
  const contentType = request.headers['content-type'];
  if (contentType && JSON_TYPE.test(contentType)) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

// the page carries a form token: no cache may keep it; scripts run only from the relay itself
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src 'self'; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export function sendPage(reply: FastifyReply, status: number, page: string, headers: Record<string, string> = {}) {
  return reply
    .status(status)
    .headers({ ...pageHeaders, ...headers })
    .send(page);
}
