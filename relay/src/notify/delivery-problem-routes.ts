// The owners' view of delivery problems (delivery-problems.ts), for one organization at a time:
//
//   GET  /v1/organizations/:organizationId/delivery-problems               200 {problems}
//   POST /v1/organizations/:organizationId/delivery-problems/:jobId/retry  200 {jobId, status: 'QUEUED'}
//
// 401 without a session; 403 unless the caller is an OWNER of that organization (a member of
// another organization learns nothing, not even whether the id exists); 400 for an id that is
// not one; 404 a job that is not this organization's; 409 a job that is not a problem (running,
// done, or waiting without a failed email).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { authenticate } from '../auth/caller.js';
import { forbidden, HttpError } from '../http/errors.js';
import { parseParams } from '../http/validate.js';
import { listDeliveryProblems, retryDeliveryProblem } from './delivery-problems.js';

export interface DeliveryProblemRouteOptions {
  readonly db: Database;
}

export const OrganizationParams = z.object({ organizationId: z.string().uuid('must be an organization id (a UUID)') });
export const JobParams = OrganizationParams.extend({
  jobId: z.string().regex(/^[1-9]\d{0,17}$/, 'must be a job id (a positive whole number)'),
});

export const deliveryProblemRoutes: FastifyPluginAsync<DeliveryProblemRouteOptions> = async (app, { db }) => {
  const { sql } = db;

  const ownerOf = async (request: Parameters<typeof authenticate>[1], organizationId: string) => {
    const caller = await authenticate(sql, request);
    if (caller.roles.get(organizationId) !== 'OWNER') {
      throw forbidden("only the organization's OWNERs see and retry its delivery problems");
    }
  };

  app.get('/v1/organizations/:organizationId/delivery-problems', async (request) => {
    const { organizationId } = parseParams(OrganizationParams, request);
    await ownerOf(request, organizationId);
    return { problems: await listDeliveryProblems(sql, organizationId) };
  });

  app.post('/v1/organizations/:organizationId/delivery-problems/:jobId/retry', async (request) => {
    const { organizationId, jobId } = parseParams(JobParams, request);
    await ownerOf(request, organizationId);
    const outcome = await retryDeliveryProblem(sql, organizationId, jobId);
    if (outcome === 'not_found')
      throw new HttpError(404, 'not_found', `job ${jobId} is not one of this organization's`);
    if (outcome === 'not_a_problem') {
      throw new HttpError(
        409,
        'not_a_problem',
        `job ${jobId} is running, done or waiting without a failure: nothing to retry`,
      );
    }
    return { jobId, status: 'QUEUED' as const };
  });
};
