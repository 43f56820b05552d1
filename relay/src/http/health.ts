import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import type { ChangeFeed } from '../change-feed.js';

export const healthRoutes: FastifyPluginAsync<{ db: Database; feed: ChangeFeed }> = async (app, { db, feed }) => {
  app.get('/healthz', async (_request, reply) => {
    try {
      await db.sql`SELECT 1`;
      return { status: 'ok', database: db.kind, changeLogHead: feed.head };
    } catch (error) {
      return reply.status(503).send({ status: 'unavailable', database: db.kind, message: String(error) });
    }
  });
};
