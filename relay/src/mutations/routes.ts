// POST /v1/mutations: a device's queued edits, applied in order, one transaction each.
//
//   200 {results}: one result per mutation, APPLIED (txid, seq, tables) or REFUSED (code, reason);
//       a refusal does not stop the mutations behind it
//   400 a body that is not a MutationBatch (naming the fields), 401 no session, 413 over 1 MiB
//   503 the database stopped answering: the mutations before the failing one are committed and
//       recorded, so the device sends the whole batch again and they replay from the ledger
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
import { applyMutation } from './apply-mutation.js';

export interface MutationRouteOptions {
  readonly db: Database;
}

const BODY_LIMIT = 1024 * 1024;

const unavailable = (message: string) =>
  new HttpError(503, 'database_unavailable', message, undefined, { 'retry-after': '5' });

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

    const scope = { organizationId: batch.organizationId, userId: caller.userId, sessionId: caller.sessionId };
    const results: MutationResult[] = [];
    for (const [index, envelope] of batch.mutations.entries()) {
      try {
        const { result, outcome } = await applyMutation(sql, scope, envelope);
        // names the relay does not know are one series, whatever a client sends
        app.metrics.mutations.inc({ name: findMutation(envelope.name) ? envelope.name : 'unknown', outcome });
        results.push(result);
      } catch (error) {
        request.log.error({ err: error, mutationId: envelope.id, mutation: envelope.name }, 'mutation failed');
        throw unavailable(
          `the relay could not apply mutation ${index + 1} of ${batch.mutations.length} (${envelope.name} ${envelope.id}): ` +
            `its database failed or did not answer; the ${index} before it are recorded: send the batch again`,
        );
      }
    }
    return { results };
  });
};
