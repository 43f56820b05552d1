// Members open documents and ask for renders through the relay: the bytes as a PDF download for
// STAFF and above of the document's organization, nothing for anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { createNight, type Night } from '../testing/document-world.js';
import { ensureDocument } from './ensure-document.js';
import { pdfText } from '../testing/pdf-text.js';

let db: TestDatabase;
let relay: TestRelay;
let night: Night;
let documentId: string;
const members: Record<'owner' | 'manager' | 'staff' | 'promoter' | 'stranger', TestMember> = {} as never;

beforeAll(async () => {
  db = await createTestDatabase('document_routes');
  // no job loop: a queued render stays queued, for the test to see
  relay = await startTestRelay(db, { JOBS_ENABLED: 'false' });
  night = await createNight(db.sql, { title: 'Noche Buena — Año Nuevo' });
  const other = await createOrganization(db.sql, 'Another Org');
  members.owner = await createMember(db.sql, [{ organizationId: night.organizationId, role: 'OWNER' }]);
  members.manager = await createMember(db.sql, [{ organizationId: night.organizationId, role: 'MANAGER' }]);
  members.staff = await createMember(db.sql, [{ organizationId: night.organizationId, role: 'STAFF' }]);
  members.promoter = await createMember(db.sql, [{ organizationId: night.organizationId, role: 'PROMOTER' }]);
  members.stranger = await createMember(db.sql, [{ organizationId: other, role: 'OWNER' }]);
  documentId = (await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' })).documentId;
});
afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

const call = (path: string, who?: TestMember, method = 'GET') =>
  fetch(`${relay.url}${path}`, { method, headers: who ? { authorization: `Bearer ${who.token}` } : {} });
// the relay's JSON answers, loosely typed for the assertions
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();

describe('GET /v1/documents/:id', () => {
  it('should send a member the PDF as a download under its file name', async () => {
    const response = await call(`/v1/documents/${documentId}`, members.staff);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="2026-03-14 Noche Buena Ano Nuevo - Settlement v1.pdf"; filename*=UTF-8''2026-03-14%20Noche%20Buena%20Ano%20Nuevo%20-%20Settlement%20v1.pdf`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const [stored] = await db.sql<{ sha256: string }[]>`SELECT sha256 FROM documents WHERE id = ${documentId}`;
    expect(response.headers.get('etag')).toBe(`"${stored!.sha256}"`);
    expect((await pdfText(bytes)).text).toContain('Settlement');
  });

  it('should answer 404 to a member of another organization, as for an id that does not exist', async () => {
    const stranger = await call(`/v1/documents/${documentId}`, members.stranger);
    const missing = await call(`/v1/documents/${randomUUID()}`, members.owner);
    expect(stranger.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await json(stranger)).toEqual(await json(missing));
  });

  it('should refuse a PROMOTER member, 401 without a session, 400 for an id that is not one', async () => {
    const promoter = await call(`/v1/documents/${documentId}`, members.promoter);
    expect(promoter.status).toBe(403);
    expect((await json(promoter)).message).toBe(
      'only STAFF, MANAGER or OWNER members may open documents; your role here is PROMOTER',
    );
    expect((await call(`/v1/documents/${documentId}`)).status).toBe(401);
    const bad = await call('/v1/documents/42', members.owner);
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors).toEqual({ documentId: 'must be a document id (a UUID)' });
  });
});

describe('POST /v1/events/:id/documents/:kind', () => {
  it('should queue one render for a manager, 202, and list it as pending', async () => {
    const first = await call(`/v1/events/${night.eventId}/documents/confirmation`, members.manager, 'POST');
    expect(first.status).toBe(202);
    const { jobId, kind } = await json(first);
    expect(kind).toBe('CONFIRMATION');
    const second = await call(`/v1/events/${night.eventId}/documents/CONFIRMATION`, members.owner, 'POST');
    expect((await json(second)).jobId).toBe(jobId);
    const pending = await call(`/v1/events/${night.eventId}/documents/renders`, members.staff);
    expect(await json(pending)).toEqual({
      renders: [{ jobId, kind: 'CONFIRMATION', status: 'QUEUED', lastError: null }],
    });
    const [job] = await db.sql<
      { organization_id: string; payload: unknown }[]
    >`SELECT organization_id, payload FROM jobs WHERE id = ${jobId}`;
    expect(job).toEqual({
      organization_id: night.organizationId,
      payload: { eventId: night.eventId, kind: 'CONFIRMATION' },
    });
  });

  it('should bring forward a render the triggers queued for later, not queue a second', async () => {
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'ADVANCE' });
    await db.sql`INSERT INTO event_tasks (organization_id, event_id, title) VALUES (${night.organizationId}, ${night.eventId}, 'Confirm the crew')`;
    const [queued] = await db.sql<{ id: string; due_later: boolean }[]>`
      SELECT id::text AS id, run_at > now() AS due_later FROM jobs
       WHERE kind = 'document.render' AND status = 'QUEUED' AND payload ->> 'kind' = 'ADVANCE'`;
    expect(queued!.due_later).toBe(true);
    const response = await call(`/v1/events/${night.eventId}/documents/advance`, members.manager, 'POST');
    expect((await json(response)).jobId).toBe(queued!.id);
    const [after] = await db.sql<
      { due_now: boolean }[]
    >`SELECT run_at <= now() AS due_now FROM jobs WHERE id = ${queued!.id}`;
    expect(after!.due_now).toBe(true);
  });

  it('should refuse STAFF, answer 404 to another organization, 400 to an unknown kind', async () => {
    const staff = await call(`/v1/events/${night.eventId}/documents/advance`, members.staff, 'POST');
    expect(staff.status).toBe(403);
    expect((await call(`/v1/events/${night.eventId}/documents/advance`, members.stranger, 'POST')).status).toBe(404);
    expect((await call(`/v1/events/${night.eventId}/documents/renders`, members.stranger)).status).toBe(404);
    expect((await call(`/v1/events/${night.eventId}/documents/renders`, members.promoter)).status).toBe(403);
    const unknown = await call(`/v1/events/${night.eventId}/documents/invoice`, members.owner, 'POST');
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).errors).toEqual({ kind: 'must be one of CONFIRMATION, ADVANCE, SETTLEMENT' });
  });

  it('should refuse a settlement for an event without deal terms, 409', async () => {
    await db.sql`DELETE FROM deal_terms WHERE event_id = ${night.eventId}`;
    const response = await call(`/v1/events/${night.eventId}/documents/settlement`, members.owner, 'POST');
    expect(response.status).toBe(409);
    expect((await json(response)).code).toBe('no_deal_terms');
  });
});
