// GET /metrics in Prometheus text format, and the hooks that feed it. Registered without
// encapsulation so that its hooks see every route of the relay.
//
// /metrics is unauthenticated, as scrapers expect: keep it off the public internet (the
// proxy in front of the relay should not route it).
import type { FastifyPluginAsync } from 'fastify';
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
}

const plugin: FastifyPluginAsync<MetricsOptions> = async (app, { feed, database }) => {
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

  app.get('/metrics', async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
};

// what fastify-plugin does: the hooks above apply to the whole relay, not just this plugin
export const metricsPlugin = Object.assign(plugin, { [Symbol.for('skip-override')]: true });
