// What the request log may say about a request. Fastify logs every request's URL at info level,
// and some URLs carry secrets: the sign-in email's link (`/sign-in?token=…`) would put a live
// sign-in token in every log line, log shipper and backup of it. So the query of the sign-in
// routes is never logged, and elsewhere the value of any parameter named like a secret is
// replaced. Headers are not logged at all (the serializer below leaves them out), so bearer
// tokens and cookies never are either.
import type { FastifyRequest } from 'fastify';

export const REDACTED = '[redacted]';

/** paths whose whole query is left out of the log (all of sign-in's) */
const SECRET_QUERY_PATHS = /^\/(?:sign-in|v1\/auth)(?:[/?#]|$)/;

/** query parameters whose values are left out of the log, on any path */
const SECRET_PARAMETER = /([?&](?:[^=&#]*(?:token|code|secret|password|session|signinid|key)[^=&#]*)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const path = url.slice(0, query);
  if (SECRET_QUERY_PATHS.test(path)) return `${path}?${REDACTED}`;
  return url.replace(SECRET_PARAMETER, `$1${REDACTED}`);
}

/** Fastify's own request serializer, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
