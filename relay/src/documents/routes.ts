// Members open, save and ask for documents:
//
//   GET  /v1/documents/:documentId                   200 the PDF (application/pdf, attachment with its file name)
//   POST /v1/events/:eventId/documents/:kind         202 {jobId, eventId, kind}: a render is queued
//   GET  /v1/events/:eventId/documents/renders       200 {renders: [{jobId, kind, status, lastError}]}:
//                                                    the renders queued or running, for "generating…"
//
// 401 without a session; 400 for an id or kind that is not one; 404 for a document or event of an
// organization the caller is not a member of (indistinguishable from one that does not exist);
// 403 for a member whose role is too low: reading needs STAFF or above (a PROMOTER sees no
// settlement figures of the house), asking for a render MANAGER or above; 409 for a settlement of
// an event without deal terms.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { documentKinds, roleAtLeast, type Role } from '@promoteros/shared';
import type { Database } from '../db/database.js';
import { asOrganizations } from '../db/as-organizations.js';
import { authenticate, type Caller } from '../auth/caller.js';
import { forbidden, HttpError } from '../http/errors.js';
import { parseParams } from '../http/validate.js';
import { DOCUMENT_RENDER, requestDocumentRender } from './render-job.js';

export interface DocumentRouteOptions {
  readonly db: Database;
}

const uuid = (what: string) => z.string().uuid(`must be ${what} id (a UUID)`);
export const DocumentParams = z.object({ documentId: uuid('a document') });
export const EventParams = z.object({ eventId: uuid('an event') });
export const KindParams = EventParams.extend({
  // the path reads better in lower case (…/documents/settlement); both are taken
  kind: z
    .string()
    .transform((k) => k.toUpperCase())
    .pipe(z.enum(documentKinds, `must be one of ${documentKinds.join(', ')}`)),
});

const notFound = (what: string) => new HttpError(404, 'not_found', `no such ${what}`);

/** The caller's role in the organization owning the row; 404 when they are not a member there. */
function roleFor(caller: Caller, organizationId: string | undefined, what: string): Role {
  const role = organizationId ? caller.roles.get(organizationId) : undefined;
  if (!role) throw notFound(what);
  return role;
}

function requireRole(role: Role, minimum: Role, doing: string): void {
  if (roleAtLeast(role, minimum)) return;
  const allowed = minimum === 'STAFF' ? 'STAFF, MANAGER or OWNER' : 'MANAGER or OWNER';
  throw forbidden(`only ${allowed} members may ${doing}; your role here is ${role}`);
}

/** RFC 6266: an ASCII fallback and the exact name in UTF-8. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const documentRoutes: FastifyPluginAsync<DocumentRouteOptions> = async (app, { db }) => {
  const { sql } = db;

  // every read acts for the caller's organizations: another's document or event is not found
  app.get('/v1/documents/:documentId', async (request, reply) => {
    const { documentId } = parseParams(DocumentParams, request);
    const caller = await authenticate(sql, request);
    const doc = await asOrganizations(sql, caller.roles.keys(), async (tx) => {
      const [meta] = await tx<
        { organization_id: string }[]
      >`SELECT organization_id FROM documents WHERE id = ${documentId}`;
      requireRole(roleFor(caller, meta?.organization_id, 'document'), 'STAFF', 'open documents');
      const [found] = await tx<{ file_name: string; sha256: string; bytes: Buffer }[]>`
        SELECT d.file_name, d.sha256, b.bytes FROM documents d JOIN document_blobs b ON b.document_id = d.id
         WHERE d.id = ${documentId}`;
      return found;
    });
    if (!doc) throw notFound('document');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(doc.file_name))
      .header('etag', `"${doc.sha256}"`)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(doc.bytes);
  });

  app.post('/v1/events/:eventId/documents/:kind', async (request, reply) => {
    const { eventId, kind } = parseParams(KindParams, request);
    const caller = await authenticate(sql, request);
    const [event] = await asOrganizations(
      sql,
      caller.roles.keys(),
      (tx) => tx<{ organization_id: string; has_deal: boolean }[]>`
        SELECT e.organization_id, EXISTS (SELECT 1 FROM deal_terms d WHERE d.event_id = e.id) AS has_deal
          FROM events e WHERE e.id = ${eventId}`,
    );
    const role = roleFor(caller, event?.organization_id, 'event');
    requireRole(role, 'MANAGER', 'generate documents');
    if (kind === 'SETTLEMENT' && !event!.has_deal) {
      throw new HttpError(
        409,
        'no_deal_terms',
        'this event has no deal terms yet: enter them before drawing up its settlement',
      );
    }
    const jobId = await requestDocumentRender(sql, event!.organization_id, { eventId, kind });
    return reply.status(202).send({ jobId, eventId, kind });
  });

  app.get('/v1/events/:eventId/documents/renders', async (request) => {
    const { eventId } = parseParams(EventParams, request);
    const caller = await authenticate(sql, request);
    const [event] = await asOrganizations(
      sql,
      caller.roles.keys(),
      (tx) => tx<{ organization_id: string }[]>`SELECT organization_id FROM events WHERE id = ${eventId}`,
    );
    const role = roleFor(caller, event?.organization_id, 'event');
    requireRole(role, 'STAFF', 'see documents');
    // the queue is relay-private: its rows of this event, now known to be the caller's
    const renders = await sql<{ id: string; kind: string; status: string; last_error: string | null }[]>`
      SELECT id, payload ->> 'kind' AS kind, status, last_error FROM jobs
       WHERE kind = ${DOCUMENT_RENDER} AND status = 'QUEUED' AND payload ->> 'eventId' = ${eventId}
      UNION ALL -- two parts, so each finds its rows by its own partial index of 0007 and 0009
      SELECT id, payload ->> 'kind' AS kind, status, last_error FROM jobs
       WHERE kind = ${DOCUMENT_RENDER} AND status = 'RUNNING' AND payload ->> 'eventId' = ${eventId}
       ORDER BY id`;
    return {
      renders: renders.map((r) => ({ jobId: String(r.id), kind: r.kind, status: r.status, lastError: r.last_error })),
    };
  });
};
