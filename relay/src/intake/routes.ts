// The public request page of a venue (intake-page/ renders it, this serves it and files what it
// sends):
//   GET  /request/:orgSlug/:venueSlug        the form, with a fresh signed form token (form-page.ts)
//   POST /request/:orgSlug/:venueSlug        a form post or JSON, checked and filed (submit-request.ts)
//   GET  /request-assets/intake-form.js      the page's script (bundled on first use)
// Every answer is a page for a browser's form post and JSON for a script (answers.ts), errors
// included (intake-errors.ts): 413 too large, 415 neither a form nor JSON, 503 the database away.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { scriptBundle } from '@promoteros/intake-page';
import type { RelayConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { sendPage } from '../http/html-page.js';
import type { RateLimits } from '../http/rate-limits.js';
import { answerNotFound } from './answers.js';
import { ConfirmationLimit } from './confirmation-limit.js';
import { fileRequests } from './file-request.js';
import { FilingRounds } from './filing-rounds.js';
import { formPage, SCRIPT_PATH, serveScript } from './form-page.js';
import { FormTokens } from './form-token.js';
import { intakeErrorHandler } from './intake-errors.js';
import { IntakeLimits } from './intake-limits.js';
import { IntakeSchemas } from './intake-schemas.js';
import { IntakeVenues, renamedVenueSlug } from './intake-venue.js';
import { KnownPeople } from './known-people.js';
import { INTAKE_BODY_LIMIT, submitRequest, type SlugParams } from './submit-request.js';

export interface IntakeRouteOptions {
  readonly db: Database;
  readonly config: RelayConfig;
  /** where the per-address limits are counted (shared by every relay on the database) */
  readonly rateLimits: RateLimits;
}

export const intakeRoutes: FastifyPluginAsync<IntakeRouteOptions> = async (app, { db, config, rateLimits }) => {
  // without AUTH_SECRET (development), forms handed out before a restart are offered again fresh
  const tokens = new FormTokens(
    config.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
    config.INTAKE_MIN_FILL_SECONDS * 1000,
  );
  const limits = new IntakeLimits(rateLimits, config.INTAKE_RATE_LIMIT);
  const confirmations = new ConfirmationLimit(
    rateLimits,
    config.INTAKE_EMAILS_PER_ADDRESS_PER_DAY,
    app.metrics.registry,
  );
  const venues = new IntakeVenues(db.sql);
  // requests sent together are filed together: one commit each round (see filing-rounds.ts)
  const known = new KnownPeople();
  const rounds = new FilingRounds((filings) => fileRequests(db.sql, filings, known), {
    concurrentRounds: 1,
    roundSize: 32,
  });
  const schemas = new IntakeSchemas();
  // bundle the script now, so the first visitor does not wait for esbuild
  scriptBundle().catch((error: unknown) => app.log.warn({ err: error }, 'intake page script not available'));

  // a form posted without JavaScript; the last value of a repeated field counts
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.setErrorHandler(intakeErrorHandler(INTAKE_BODY_LIMIT));

  app.get(SCRIPT_PATH, serveScript);

  app.get<{ Params: SlugParams }>('/request/:orgSlug/:venueSlug', async (request, reply) => {
    const { orgSlug, venueSlug } = request.params;
    const venue = await venues.find(orgSlug, venueSlug);
    if (!venue) {
      // a published link from before the venue was renamed: to its page under the new name
      const renamed = await renamedVenueSlug(db.sql, orgSlug, venueSlug);
      if (renamed) return reply.redirect(`/request/${orgSlug}/${renamed}`, 301);
      return answerNotFound(request, reply);
    }
    return sendPage(reply, 200, await formPage(request, venue, { formToken: tokens.issue(venue.id) }));
  });

  app.post<{ Params: SlugParams }>(
    '/request/:orgSlug/:venueSlug',
    { bodyLimit: INTAKE_BODY_LIMIT },
    submitRequest({ venues, tokens, limits, confirmations, rounds, schemas }),
  );
};
