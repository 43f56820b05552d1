// The relay's public HTML pages (the intake page, the sign-in link's page) answer with the same
// headers: no cache keeps them (they carry a form token or a sign-in token), nothing sniffs their
// type, no other site frames them, and scripts run only from the relay itself. A page sets the
// headers it needs tighter (the sign-in page: no referrer, no script at all).
import type { FastifyReply } from 'fastify';

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
