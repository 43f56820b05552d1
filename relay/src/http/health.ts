// GET /healthz: whether this relay can serve, for load balancers and orchestrators. 200 with
// database "up" when a `SELECT 1` answers; 503 with database "down" and Retry-After when it fails
// or has not answered within HEALTH_PROBE_TIMEOUT_MS, so a probe never hangs on a database that
// does not answer.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import type { DatabaseWatch } from '../db/database-watch.js';
import type { ChangeFeed } from '../change-feed.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/database-trouble.js';

export const HEALTH_PROBE_TIMEOUT_MS = 2000;

export interface HealthOptions {
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly database: DatabaseWatch;
}

export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { db, feed, database }) => {
  app.get('/healthz', async (_request, reply) => {
    if (await database.probe(HEALTH_PROBE_TIMEOUT_MS)) {
      return { status: 'ok', database: 'up', kind: db.kind, changeLogHead: feed.head };
    }
    return reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)).send({
      status: 'unavailable',
      database: 'down',
      kind: db.kind,
      message: 'the relay cannot reach its database; it reconnects by itself when the database is back',
    });
  });
};
