// The `document.render` job: {eventId, kind}, queued by a member's request (routes.ts) and by
// the triggers of migrations 0009 and 0013 when the data a document shows changes. It draws the document
// through ensureDocument, which adds a version only when the bytes changed, so running it twice
// (a retry, a relay killed before DONE) stores nothing twice.
import { z } from 'zod';
import { DocumentKind } from '@promoteros/shared';
import type { Sql } from '../db/database.js';
import { PermanentJobFailure, type JobHandler } from '../jobs/job-handlers.js';
import { DocumentUnavailable } from './document-data.js';
import { ensureDocument } from './ensure-document.js';

export const DOCUMENT_RENDER = 'document.render';

export const DocumentRenderPayload = z.object({ eventId: z.uuid(), kind: DocumentKind });
export type DocumentRenderPayload = z.infer<typeof DocumentRenderPayload>;

export const renderDocumentJob: JobHandler = async (payload, { job, sql, tenant, log }) => {
  const parsed = DocumentRenderPayload.safeParse(payload);
  // no retry makes a malformed job well-formed: DEAD at once, for OWNERs to see
  if (!parsed.success) throw new PermanentJobFailure(`document.render: bad payload: ${parsed.error.message}`);
  const absorbed = await absorbQueuedRenders(sql, job.id, parsed.data);
  if (absorbed > 0) log.info({ ...parsed.data, absorbed }, 'queued renders of the same document taken over');
  try {
    // the event's rows, acting for the job's organization
    const stored = await ensureDocument(tenant, parsed.data);
    log.info({ ...parsed.data, version: stored.version, created: stored.created }, 'document rendered');
  } catch (error) {
    // the event was deleted since, or has no deal to settle: nothing to draw, nothing to retry
    if (error instanceof DocumentUnavailable) {
      log.info({ ...parsed.data, reason: error.message }, 'document not rendered');
      return;
    }
    throw error;
  }
};

/**
 * The triggers queue at most one render per document, but two transactions writing at once (door
 * devices merging their check-ins together after a reconnect) cannot see each other's uncommitted
 * job, and each queues one. Any other QUEUED render of this document visible now was queued by a
 * change already committed, which the data this render reads next includes: this render does
 * theirs, so they are marked DONE instead of drawing the same sheet again. One another worker has
 * just claimed (locked) is left to it. Returns how many were taken over.
 */
async function absorbQueuedRenders(sql: Sql, jobId: string, request: DocumentRenderPayload): Promise<number> {
  const taken = await sql`
    UPDATE jobs SET status = 'DONE', last_error = NULL, updated_at = now()
     WHERE id IN (SELECT id FROM jobs
                   WHERE kind = ${DOCUMENT_RENDER} AND status = 'QUEUED'
                     AND payload ->> 'eventId' = ${request.eventId} AND payload ->> 'kind' = ${request.kind}
                     AND id <> ${jobId}
                     FOR UPDATE SKIP LOCKED)`;
  return taken.count;
}

/**
 * Queues a render unless one is already QUEUED for the event and kind (the same rule as the
 * triggers of migration 0009). Returns the queued job's id, new or already there.
 */
export async function requestDocumentRender(
  sql: Sql,
  organizationId: string,
  request: DocumentRenderPayload,
): Promise<string> {
  return sql.begin(async (tx) => {
    // two members asking at once queue one job
    await tx`SELECT pg_advisory_xact_lock(72504145, hashtext(${`${request.eventId}:${request.kind}`}))`;
    const [queued] = await tx<{ id: string }[]>`
      SELECT id FROM jobs
       WHERE kind = ${DOCUMENT_RENDER} AND status = 'QUEUED'
         AND payload ->> 'eventId' = ${request.eventId} AND payload ->> 'kind' = ${request.kind}
       LIMIT 1`;
    if (queued) {
      // a member asked: do not wait out the triggers' grace period
      await tx`UPDATE jobs SET run_at = least(run_at, now()), updated_at = now() WHERE id = ${queued.id}`;
      return String(queued.id);
    }
    const [job] = await tx<{ id: string }[]>`
      INSERT INTO jobs (organization_id, kind, payload)
      VALUES (${organizationId}, ${DOCUMENT_RENDER}, ${tx.json({ eventId: request.eventId, kind: request.kind })})
      RETURNING id`;
    return String(job!.id);
  });
}
