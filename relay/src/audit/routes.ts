// The owners' check of their organization's audit log (verify-chain.ts):
//
//   GET /v1/organizations/:organizationId/audit/verification   200 {checkedAt, ...ChainReport}
//
// 401 without a session; 403 unless the caller is an OWNER of that organization (a member of
// another organization learns nothing, not even whether the id exists); 400 for an id that is
// not one. The answer speaks of this organization's chain only.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { authenticate } from '../auth/caller.js';
import { forbidden } from '../http/errors.js';
import { parseParams } from '../http/validate.js';
import { verifyAuditChains } from './verify-chain.js';

export interface AuditRouteOptions {
  readonly db: Database;
}

const OrganizationParams = z.object({ organizationId: z.string().uuid('must be an organization id (a UUID)') });

export const auditRoutes: FastifyPluginAsync<AuditRouteOptions> = async (app, { db }) => {
  const { sql } = db;

  app.get('/v1/organizations/:organizationId/audit/verification', async (request) => {
    const { organizationId } = parseParams(OrganizationParams, request);
    const caller = await authenticate(sql, request);
    if (caller.roles.get(organizationId) !== 'OWNER') {
      throw forbidden("only the organization's OWNERs verify its audit log");
    }
    const { checkedAt, organizations } = await verifyAuditChains(sql, { organizationId });
    return { checkedAt, ...organizations[0]! };
  });
};
