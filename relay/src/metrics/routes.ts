// GET /metrics in Prometheus text format, and the hooks that feed it. Registered without
// encapsulation so that its hooks see every route of the relay.
//
// With METRICS_TOKEN set (required in production) /metrics answers only a scraper that sends
// `Authorization: Bearer <METRICS_TOKEN>`; without it (development) it is open.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../http/errors.js';
import type { ChangeFeed } from '../change-feed.js';
import type { DatabaseWatch } from '../db/database-watch.js';
import { RelayMetrics } from './relay-metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** this relay's metrics, for routes that count things of their own */
    readonly metrics: RelayMetrics;
  }
}

export interface MetricsOptions {
  readonly feed: ChangeFeed;
  readonly database?: DatabaseWatch;
  /** the bearer token a scrape must carry; unset: /metrics is open */
  readonly token?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the token, compared in constant time (of equal-length digests). */
function carriesToken(authorization: string | undefined, token: string): boolean {
  const offered = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  return offered !== undefined && timingSafeEqual(digest(offered), digest(token));
}

const plugin: FastifyPluginAsync<MetricsOptions> = async (app, { feed, database, token }) => {
  const metrics = new RelayMetrics(feed, database);
  app.decorate('metrics', metrics);

  app.server.on('connection', (socket) => {
    metrics.openConnections.inc();
    socket.once('close', () => metrics.openConnections.dec());
  });

  app.addHook('onResponse', async (request, reply) => {
    // the route pattern, not the URL: one series per route, however many ids are asked for
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.requestSeconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', async (request, reply) => {
    if (token !== undefined && !carriesToken(request.headers.authorization, token)) {
      throw new HttpError(
        401,
        'metrics_token_required',
        'send the metrics token: Authorization: Bearer <METRICS_TOKEN>',
        undefined,
        { 'www-authenticate': 'Bearer realm="metrics"' },
      );
    }
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
};

// what fastify-plugin does: the hooks above apply to the whole relay, not just this plugin
export const metricsPlugin = Object.assign(plugin, { [Symbol.for('skip-override')]: true });
