// POST /request/:orgSlug/:venueSlug: a form post (urlencoded → pages) or JSON (→ JSON).
//   201 filed (its reference), 200 the same form again (the same reference), 400 the fields or the
//   form token at fault (named), 404 no such venue taking requests, 429 too many from this address
// Checks in order: the address's rate, the venue, the honeypot, the form token (forged or
// expired), the fields, the fill time (faster than a person can); only then is anything written.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { markUnstorable } from '@promoteros/shared';
import { fieldErrors, requestReference, type IntakeFields } from '@promoteros/shared/intake';
import { sendPage } from '../http/html-page.js';
import { answerNotFound, answerProblem, answerSent, wantsJson } from './answers.js';
import type { ConfirmationLimit } from './confirmation-limit.js';
import type { FilingRounds } from './filing-rounds.js';
import { formPage } from './form-page.js';
import type { FormTokens } from './form-token.js';
import type { IntakeLimits } from './intake-limits.js';
import type { IntakeSchemas } from './intake-schemas.js';
import type { IntakeVenueRow, IntakeVenues } from './intake-venue.js';

/** Room for every field at its longest in any script, percent-encoded; far above a real request. */
export const INTAKE_BODY_LIMIT = 256 * 1024;

export interface SlugParams {
  orgSlug: string;
  venueSlug: string;
}

export interface SubmitRequestDeps {
  readonly venues: IntakeVenues;
  readonly tokens: FormTokens;
  readonly limits: IntakeLimits;
  readonly confirmations: ConfirmationLimit;
  readonly rounds: FilingRounds;
  readonly schemas: IntakeSchemas;
}

type Body = Record<string, unknown>;

/** One post being answered, and how its answers wait for the address's count. */
interface Post {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly venue: IntakeVenueRow;
  readonly json: boolean;
  /** what the person typed, for a page that shows the form again (a filed request needs none) */
  readonly values: () => Record<string, string>;
  /** sends an answer once the address's count is in */
  readonly answer: <T>(send: () => T | Promise<T>) => Promise<T>;
}

export function submitRequest(deps: SubmitRequestDeps) {
  return async (request: FastifyRequest<{ Params: SlugParams }>, reply: FastifyReply) => {
    // Every post counts against its address. The count is taken with the confirmation's below in
    // one statement (the limits count what one turn of the event loop asks together), so it is
    // awaited only before the answer or the filing, whichever comes first.
    const counted = deps.limits.count(request.ip);
    counted.catch(() => {}); // awaited on every path below
    const answer = async <T>(send: () => T | Promise<T>): Promise<T> => {
      await counted;
      return send();
    };
    const venue = await deps.venues.find(request.params.orgSlug, request.params.venueSlug);
    if (!venue) return answer(() => answerNotFound(request, reply));
    const json = wantsJson(request);
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return answer(() =>
        answerProblem(request, reply, 400, 'invalid_body', 'Send the form as a form post or as a JSON object.'),
      );
    }
    const fields = body as Body;
    // a character that cannot be stored shows as �, where its field's message says to fix it
    const values = () =>
      Object.fromEntries(
        Object.entries(fields)
          .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
          .map(([k, v]) => [k, markUnstorable(String(v))]),
      );
    const post: Post = { request, reply, venue, json, values, answer };

    // the honeypot: a field people never see, so never fill. A bot is told it worked.
    if (typeof fields.website === 'string' && fields.website.trim() !== '') {
      request.log.info('intake: honeypot filled, nothing filed');
      return answer(() =>
        answerSent(reply, json, venue, requestReference(randomUUID()), String(values().email ?? ''), 201),
      );
    }

    // a forged or expired token first; the fill time only once the fields are right, so that
    // a person who sends too soon still sees what to fix
    const token = fields.formToken;
    const checked = deps.tokens.check(token, venue.id);
    if (!checked.ok && checked.problem !== 'too_fast') {
      return refuseFormToken(post, deps.tokens.issue(venue.id), checked.problem);
    }
    const parsed = deps.schemas.for(venue).safeParse(fields);
    if (!parsed.success) return refuseFields(post, String(token), fieldErrors(parsed.error));
    if (!checked.ok && checked.problem === 'too_fast') return refuseTooSoon(post, String(token), checked.waitSeconds);
    return file(deps, post, counted, parsed.data, String(token));
  };
}

/** A forged or expired form: the page again with a fresh token, or the fresh token in JSON. */
function refuseFormToken(post: Post, fresh: string, problem: 'invalid' | 'expired') {
  const { request, reply, venue, json, values, answer } = post;
  const notice =
    problem === 'expired'
      ? 'This form was open for a long time and has expired. Check your details and send it again.'
      : 'This form could not be checked (it may be from an old page). Check your details and send it again.';
  const code = problem === 'expired' ? 'form_expired' : 'form_token_invalid';
  if (json) return answer(() => reply.status(400).send({ code, message: notice, formToken: fresh }));
  return answer(async () =>
    sendPage(reply, 400, await formPage(request, venue, { formToken: fresh, values: values(), notice })),
  );
}

/** Fields to fix: each named with its message, beside the field on the page. */
function refuseFields(post: Post, formToken: string, errors: Record<string, string>) {
  const { request, reply, venue, json, values, answer } = post;
  if (json) {
    const message = Object.entries(errors)
      .map(([field, text]) => `${field}: ${text}`)
      .join('; ');
    return answer(() => reply.status(400).send({ code: 'invalid_request', message, errors }));
  }
  return answer(async () =>
    sendPage(reply, 400, await formPage(request, venue, { formToken, values: values(), errors })),
  );
}

/** Sent sooner than a person fills the form in: asked to check it and send it again shortly. */
function refuseTooSoon(post: Post, formToken: string, wait: number) {
  const { request, reply, venue, json, values, answer } = post;
  const notice = `Please take a moment to check your request before sending it, then send it again in ${wait} second${wait === 1 ? '' : 's'}.`;
  if (json) return answer(() => reply.status(400).send({ code: 'too_fast', message: notice }));
  return answer(async () =>
    sendPage(reply, 400, await formPage(request, venue, { formToken, values: values(), notice })),
  );
}

/** Files the request once the address's count is in, with its confirmation email if the address has its share left. */
async function file(
  deps: SubmitRequestDeps,
  post: Post,
  counted: Promise<unknown>,
  fields: IntakeFields,
  formToken: string,
) {
  const { request, reply, venue, json } = post;
  const { confirmations, rounds } = deps;
  const email = fields.email;
  const [address, confirmation] = await Promise.allSettled([counted, confirmations.allow(email)]);
  if (address.status === 'rejected') {
    // refused (429) or not counted: nothing is filed, so nothing is mailed either
    if (confirmation.status === 'fulfilled' && confirmation.value) await confirmations.giveBack(email);
    throw address.reason;
  }
  if (confirmation.status === 'rejected') throw confirmation.reason;
  const confirming = confirmation.value;
  const filed = await rounds.file({ venue, fields, formToken, confirm: confirming });
  // a form sent again filed nothing, so mailed nothing: its count is given back
  if (filed.again && confirming) await confirmations.giveBack(email);
  if (!filed.again && !confirming) {
    confirmations.skipped();
    request.log.info(`intake: request ${filed.reference} filed without a confirmation email (daily limit)`);
  }
  return answerSent(reply, json, venue, filed.reference, fields.email, filed.again ? 200 : 201);
}
