import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import type { ChangeFeed } from '../change-feed.js';
import type { RelayConfig } from '../config.js';

export interface ShapeRouteOptions {
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly config: RelayConfig;
}

// GET /v1/shape is being written (work in progress)
export const shapeRoutes: FastifyPluginAsync<ShapeRouteOptions> = async () => {};
