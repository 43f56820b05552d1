// The public request page of a venue (intake-page/ renders it, this serves it and files what it
// sends):
//   GET  /request/:orgSlug/:venueSlug        the form, with a fresh signed form token
//   POST /request/:orgSlug/:venueSlug        a form post (urlencoded → pages) or JSON (→ JSON):
//        201 filed (its reference), 200 the same form again (the same reference), 400 the fields
//        or the form token at fault (named), 404 no such venue taking requests, 413 too large,
//        429 too many from this address (Retry-After)
//   GET  /request-assets/intake-form.js      the page's script (bundled on first use)
// Checks in order: the address's rate, the venue, the honeypot, the form token (forged or
// expired), the fields, the fill time (faster than a person can); only then is anything written.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { markUnstorable } from '@promoteros/shared';
import { fieldErrors, intakeSchemaFor, requestReference, zoneLabel } from '@promoteros/shared/intake';
import {
  renderConfirmation,
  renderIntakePage,
  renderNotFound,
  renderProblem,
  scriptBundle,
} from '@promoteros/intake-page';
import type { RelayConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { databaseUnavailable, HttpError } from '../http/errors.js';
import { isDatabaseUnavailable } from '../db/database-trouble.js';
import { sendPage } from '../http/html-page.js';
import { wantsJson } from './answers.js';
import { fileRequests } from './file-request.js';
import { FilingRounds } from './filing-rounds.js';
import { FormTokens } from './form-token.js';
import { KnownPeople } from './known-people.js';
import { IntakeLimits } from './intake-limits.js';
import { ConfirmationLimit } from './confirmation-limit.js';
import type { RateLimits } from '../http/rate-limits.js';
import { IntakeVenues, type IntakeVenueRow } from './intake-venue.js';

/** Room for every field at its longest in any script, percent-encoded; far above a real request. */
export const INTAKE_BODY_LIMIT = 256 * 1024;
const SCRIPT_PATH = '/request-assets/intake-form.js';

export interface IntakeRouteOptions {
  readonly db: Database;
  readonly config: RelayConfig;
  /** where the per-address limits are counted (shared by every relay on the database) */
  readonly rateLimits: RateLimits;
}

interface SlugParams {
  orgSlug: string;
  venueSlug: string;
}

type Body = Record<string, unknown>;

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
  // a zod schema is compiled on its first use: one per venue's rules, not one per request
  const schemas = new Map<string, ReturnType<typeof intakeSchemaFor>>();
  const schemaFor = (venue: IntakeVenueRow) => {
    const key = `${venue.timezone}|${venue.capacity}|${venue.minAttendance}|${venue.locale}`;
    let schema = schemas.get(key);
    if (!schema) {
      if (schemas.size >= 1000) schemas.clear();
      schemas.set(key, (schema = intakeSchemaFor(venue)));
    }
    return schema;
  };
  // bundle the script now, so the first visitor does not wait for esbuild
  scriptBundle().catch((error: unknown) => app.log.warn({ err: error }, 'intake page script not available'));

  // a form posted without JavaScript; the last value of a repeated field counts
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const status = error instanceof HttpError ? error.status : (error.statusCode ?? 500);
    if (isDatabaseUnavailable(error)) {
      // nothing was filed; the same form sent again is filed once (its form token)
      const unavailable = databaseUnavailable();
      void reply.headers(unavailable.headers ?? {});
      return answerProblem(
        request,
        reply,
        503,
        unavailable.code,
        'The request could not be taken just now. Please send it again in a moment.',
      );
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'intake request failed');
      return answerProblem(
        request,
        reply,
        500,
        'internal',
        'The request could not be taken just now. Please try again in a minute.',
      );
    }
    if (error instanceof HttpError) {
      if (error.headers) void reply.headers(error.headers);
      return answerProblem(request, reply, status, error.code, error.message);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return answerProblem(
        request,
        reply,
        413,
        'payload_too_large',
        `The request is too large (more than ${INTAKE_BODY_LIMIT / 1024} KB). Shorten the longest texts and send it again.`,
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return answerProblem(request, reply, 415, 'unsupported_media_type', 'Send the form as a form post or as JSON.');
    }
    const malformed = error instanceof SyntaxError || error.code?.startsWith('FST_ERR_CTP');
    return answerProblem(
      request,
      reply,
      status,
      malformed ? 'malformed_body' : (error.code ?? 'bad_request'),
      malformed ? 'The request body could not be read: send a form post or a JSON object.' : error.message,
    );
  });

  function answerProblem(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
    if (wantsJson(request)) return reply.status(status).send({ code, message });
    const titles: Record<number, string> = {
      413: 'Your request is too large',
      415: 'Your request could not be read',
      429: 'Too many requests',
    };
    const title = titles[status] ?? 'Your request could not be sent';
    return sendPage(reply, status, renderProblem({ title, message, backTo: request.url.split('?')[0] }));
  }

  app.get(SCRIPT_PATH, async (request, reply) => {
    const bundle = await scriptBundle();
    const { v } = request.query as { v?: string };
    return reply
      .headers({
        'content-type': 'text/javascript; charset=utf-8',
        'x-content-type-options': 'nosniff',
        // the page links a versioned URL: that exact code never changes
        'cache-control': v === bundle.version ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      .send(bundle.code);
  });

  async function scriptUrl(): Promise<string | undefined> {
    try {
      return `${SCRIPT_PATH}?v=${(await scriptBundle()).version}`;
    } catch {
      return undefined; // the form works without its script
    }
  }

  async function page(
    request: FastifyRequest,
    venue: IntakeVenueRow,
    extra: { formToken: string; values?: Record<string, string>; errors?: Record<string, string>; notice?: string },
  ): Promise<string> {
    return renderIntakePage({
      organizationName: venue.organizationName,
      venueName: venue.name,
      timezone: venue.timezone,
      zoneLabel: zoneLabel(venue.timezone),
      capacity: venue.capacity,
      minAttendance: venue.minAttendance,
      locale: venue.locale,
      action: request.url.split('?')[0]!,
      scriptUrl: await scriptUrl(),
      ...extra,
    });
  }

  function notFound(request: FastifyRequest, reply: FastifyReply) {
    if (wantsJson(request)) {
      return reply
        .status(404)
        .send({ code: 'not_found', message: `no venue takes requests at ${request.url.split('?')[0]}` });
    }
    return sendPage(reply, 404, renderNotFound());
  }

  app.get<{ Params: SlugParams }>('/request/:orgSlug/:venueSlug', async (request, reply) => {
    const venue = await venues.find(request.params.orgSlug, request.params.venueSlug);
    if (!venue) return notFound(request, reply);
    return sendPage(reply, 200, await page(request, venue, { formToken: tokens.issue(venue.id) }));
  });

  app.post<{ Params: SlugParams }>(
    '/request/:orgSlug/:venueSlug',
    { bodyLimit: INTAKE_BODY_LIMIT },
    async (request, reply) => {
      // Every post counts against its address. The count is taken with the confirmation's below in
      // one statement (the limits count what one turn of the event loop asks together), so it is
      // awaited only before the answer or the filing, whichever comes first.
      const counted = limits.count(request.ip);
      counted.catch(() => {}); // awaited on every path below
      const answer = async <T>(send: () => T | Promise<T>): Promise<T> => {
        await counted;
        return send();
      };
      const venue = await venues.find(request.params.orgSlug, request.params.venueSlug);
      if (!venue) return answer(() => notFound(request, reply));
      const json = wantsJson(request);
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return answer(() =>
          answerProblem(request, reply, 400, 'invalid_body', 'Send the form as a form post or as a JSON object.'),
        );
      }
      const fields = body as Body;
      // what the person typed, for a page that shows the form again (a filed request needs none);
      // a character that cannot be stored shows as �, where its field's message says to fix it
      const values = () =>
        Object.fromEntries(
          Object.entries(fields)
            .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
            .map(([k, v]) => [k, markUnstorable(String(v))]),
        );

      // the honeypot: a field people never see, so never fill. A bot is told it worked.
      if (typeof fields.website === 'string' && fields.website.trim() !== '') {
        request.log.info('intake: honeypot filled, nothing filed');
        return answer(() =>
          confirm(reply, json, venue, requestReference(randomUUID()), String(values().email ?? ''), 201),
        );
      }

      // a forged or expired token first; the fill time only once the fields are right, so that
      // a person who sends too soon still sees what to fix
      const token = fields.formToken;
      const checked = tokens.check(token, venue.id);
      if (!checked.ok && checked.problem !== 'too_fast') {
        const fresh = tokens.issue(venue.id);
        const notice =
          checked.problem === 'expired'
            ? 'This form was open for a long time and has expired. Check your details and send it again.'
            : 'This form could not be checked (it may be from an old page). Check your details and send it again.';
        const code = checked.problem === 'expired' ? 'form_expired' : 'form_token_invalid';
        if (json) return answer(() => reply.status(400).send({ code, message: notice, formToken: fresh }));
        return answer(async () =>
          sendPage(reply, 400, await page(request, venue, { formToken: fresh, values: values(), notice })),
        );
      }

      const parsed = schemaFor(venue).safeParse(fields);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        if (json) {
          const message = Object.entries(errors)
            .map(([field, text]) => `${field}: ${text}`)
            .join('; ');
          return answer(() => reply.status(400).send({ code: 'invalid_request', message, errors }));
        }
        return answer(async () =>
          sendPage(reply, 400, await page(request, venue, { formToken: String(token), values: values(), errors })),
        );
      }

      if (!checked.ok && checked.problem === 'too_fast') {
        const wait = checked.waitSeconds;
        const notice = `Please take a moment to check your request before sending it, then send it again in ${wait} second${wait === 1 ? '' : 's'}.`;
        if (json) return answer(() => reply.status(400).send({ code: 'too_fast', message: notice }));
        return answer(async () =>
          sendPage(reply, 400, await page(request, venue, { formToken: String(token), values: values(), notice })),
        );
      }

      const email = parsed.data.email;
      const [address, confirmation] = await Promise.allSettled([counted, confirmations.allow(email)]);
      if (address.status === 'rejected') {
        // refused (429) or not counted: nothing is filed, so nothing is mailed either
        if (confirmation.status === 'fulfilled' && confirmation.value) await confirmations.giveBack(email);
        throw address.reason;
      }
      if (confirmation.status === 'rejected') throw confirmation.reason;
      const confirming = confirmation.value;
      const filed = await rounds.file({ venue, fields: parsed.data, formToken: String(token), confirm: confirming });
      // a form sent again filed nothing, so mailed nothing: its count is given back
      if (filed.again && confirming) await confirmations.giveBack(email);
      if (!filed.again && !confirming) {
        confirmations.skipped();
        request.log.info(`intake: request ${filed.reference} filed without a confirmation email (daily limit)`);
      }
      return confirm(reply, json, venue, filed.reference, parsed.data.email, filed.again ? 200 : 201);
    },
  );

  function confirm(
    reply: FastifyReply,
    json: boolean,
    venue: IntakeVenueRow,
    reference: string,
    email: string,
    status: number,
  ) {
    if (json) {
      return reply.status(status).send({
        reference,
        venueName: venue.name,
        email,
        message: `Request sent to ${venue.name}. Your reference is ${reference}.`,
      });
    }
    return sendPage(reply, status, renderConfirmation({ venueName: venue.name, reference, email }));
  }
};
