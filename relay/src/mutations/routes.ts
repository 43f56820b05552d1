// POST /v1/mutations: a device's queued edits, applied in order, in one transaction.
//
//   200 {results}: one result per mutation, APPLIED (txid, seq, tables) or REFUSED (code, reason);
//       a refusal does not stop the mutations behind it
//   400 a body that is not a MutationBatch (naming the fields), 401 no session, 413 over 1 MiB
//   403 not_a_member: the caller is not (or no longer) a member of the batch's organization
//   503 the database stopped answering or was too busy (a lock or statement timeout, a deadlock
//       that kept coming back): nothing of the batch is committed; the device sends it again (and
//       a batch whose answer was lost replays from the ledger)
//   500 batch_failed: anything else, which sending the same batch again is unlikely to mend; the
//       device tries a few times, then looks for the one edit the relay fails on and sets it
//       aside (desktop/src/core/outbox/isolate-failing.ts), so the rest of its queue uploads
import type { FastifyPluginAsync } from 'fastify';
import {
  findMutation,
  MAX_MUTATIONS_PER_BATCH,
  MutationBatch,
  type MutationResult,
} from '@promoteros/shared/mutations';
import type { Database } from '../db/database.js';
import { authenticate } from '../auth/caller.js';
import { badRequest, HttpError } from '../http/errors.js';
import { parseBody } from '../http/validate.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/database-trouble.js';
import { applyBatch, type Applied } from './apply-mutation.js';

export interface MutationRouteOptions {
  readonly db: Database;
}

const BODY_LIMIT = 1024 * 1024;

const unavailable = (message: string) =>
  new HttpError(503, 'database_unavailable', message, undefined, {
    'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
  });

/** SQLSTATEs of a database too busy for the batch just now: 55P03 lock_not_available (a lock
 * timeout), 57014 query_canceled (a statement timeout), 40001/40P01 serialization failure and
 * deadlock (after apply-mutation.ts's own retries), class 53 insufficient resources. */
const busyCodes = /^(55P03|57014|40001|40P01|53[0-9A-Z]{3})$/;

/** Whether the same batch sent again later may well apply: the database, not the batch, failed. */
function isPassing(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && busyCodes.test(code);
}

export const mutationRoutes: FastifyPluginAsync<MutationRouteOptions> = async (app, { db }) => {
  const { sql } = db;

  app.post('/v1/mutations', { bodyLimit: BODY_LIMIT }, async (request) => {
    const caller = await authenticate(sql, request).catch((error: unknown) => {
      if (error instanceof HttpError) throw error;
      request.log.error({ err: error }, 'authentication failed');
      throw unavailable('the relay cannot reach its database: send the batch again in a moment');
    });

    // zod's own words for an overlong array are vague; this one says what to do
    const sent = (request.body as { mutations?: unknown } | null)?.mutations;
    if (Array.isArray(sent) && sent.length > MAX_MUTATIONS_PER_BATCH) {
      throw badRequest(
        'too_many_mutations',
        `a batch may carry at most ${MAX_MUTATIONS_PER_BATCH} mutations, this one has ${sent.length}: send them in several batches, in order`,
      );
    }
    const batch = parseBody(MutationBatch, request);
    // removed from the organization (or never in it): the whole batch, at once, so the device
    // learns it has lost the organization instead of collecting a refusal per edit. A removal
    // that commits after this look is still refused edit by edit inside the batch's transaction.
    if (!caller.roles.has(batch.organizationId)) {
      throw new HttpError(
        403,
        'not_a_member',
        `you are not a member of organization ${batch.organizationId} (removed, or never added): nothing of this batch was applied`,
      );
    }

    const scope = { organizationId: batch.organizationId, userId: caller.userId, sessionId: caller.sessionId };
    let applied: Applied[];
    try {
      applied = await applyBatch(sql, scope, batch.mutations);
    } catch (error) {
      request.log.error({ err: error, mutations: batch.mutations.length }, 'mutation batch failed');
      if (isPassing(error)) {
        throw unavailable(
          `the relay could not apply this batch of ${batch.mutations.length}: its database failed, was busy or did not answer; ` +
            'nothing of it was recorded: send the batch again',
        );
      }
      throw new HttpError(
        500,
        'batch_failed',
        `the relay failed on this batch of ${batch.mutations.length} (${describeFailure(error)}); nothing of it was recorded`,
      );
    }
    for (const [index, { outcome }] of applied.entries()) {
      const name = batch.mutations[index]!.name;
      // names the relay does not know are one series, whatever a client sends
      app.metrics.mutations.inc({ name: findMutation(name) ? name : 'unknown', outcome });
    }
    const results: MutationResult[] = applied.map((a) => a.result);
    return { results };
  });
};

/** What went wrong, in a few words a manager can pass on: the SQLSTATE and the first of its message. */
function describeFailure(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.slice(0, 200) : 'unknown error';
  return typeof code === 'string' ? `${code}: ${text}` : text;
}
