// Starting an organization from the app:
//   GET  /v1/organizations/slug?slug=…  (Bearer) → 200 {slug, available, problem?}: checked as typed
//   POST /v1/organizations {name, slug, currency?, locale?, venue} (Bearer)
//        → 201 {organization: {id, slug, name, role: 'OWNER'}, venueId} + the caller's account
//          403 sign_up_closed (SIGN_UP=closed: an operator creates organizations), 409 slug_taken,
//          400 naming the fields
// Whoever creates it becomes its OWNER. With SIGN_UP=open or invite, any signed-in person may
// (with invite, only invited people have an account at all): docs/organizations.md.
import type { FastifyPluginAsync } from 'fastify';
import { columns } from '@promoteros/shared';
import type { Database } from '../db/database.js';
import type { RelayConfig } from '../config.js';
import { authenticate } from '../auth/caller.js';
import { accountOf } from '../auth/sessions.js';
import { HttpError } from '../http/errors.js';
import { parseBody } from '../http/validate.js';
import { NewOrganization } from './new-organization.js';
import { createOrganization, slugAvailable } from './create-organization.js';

export interface OrganizationRouteOptions {
  readonly db: Database;
  readonly config: RelayConfig;
}

export const organizationRoutes: FastifyPluginAsync<OrganizationRouteOptions> = async (app, { db, config }) => {
  const { sql } = db;

  app.get<{ Querystring: { slug?: string } }>('/v1/organizations/slug', async (request) => {
    await authenticate(sql, request);
    const wanted = String(request.query.slug ?? '');
    const wellFormed = columns.slug.safeParse(wanted);
    if (!wellFormed.success) {
      return { slug: wanted, available: false, problem: wellFormed.error.issues[0]?.message ?? 'is not a slug' };
    }
    const available = await slugAvailable(sql, wanted);
    return { slug: wanted, available, ...(available ? {} : { problem: 'is taken by another organization' }) };
  });

  app.post('/v1/organizations', async (request, reply) => {
    const caller = await authenticate(sql, request);
    if (config.SIGN_UP === 'closed') {
      throw new HttpError(
        403,
        'sign_up_closed',
        'this relay does not let people create organizations: its operator creates them (npm run org:create -w relay)',
      );
    }
    const fields = parseBody(NewOrganization, request);
    const created = await createOrganization(sql, fields, caller.userId);
    return reply.status(201).send({
      organization: { id: created.id, slug: created.slug, name: created.name, role: 'OWNER' },
      venueId: created.venueId,
      ...(await accountOf(sql, caller.userId)),
    });
  });
};
