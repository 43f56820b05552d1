// Versions follow the data: the same data draws the same bytes and adds no version; a change
// the document shows queues a render (once, in the change's transaction) and the job loop
// stores a new version with a new SHA-256.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { insertJob, newWorker, readJob, until } from '../testing/job-kit.js';
import { createNight } from '../testing/document-world.js';
import { ensureDocument } from './ensure-document.js';
import { loadDocumentData } from './document-data.js';
import { renderDocument } from './render-document.js';
import { DOCUMENT_RENDER, renderDocumentJob } from './render-job.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('document_versions');
});
afterAll(() => db.drop());

const queuedRenders = (eventId: string) =>
  db.sql<{ kind: string }[]>`
    SELECT payload ->> 'kind' AS kind FROM jobs
     WHERE kind = ${DOCUMENT_RENDER} AND status = 'QUEUED' AND payload ->> 'eventId' = ${eventId}
     ORDER BY 1`.then((rows) => rows.map((r) => r.kind));

const versions = (eventId: string, kind: string) =>
  db.sql<{ version: number; sha256: string; byte_size: number; file_name: string }[]>`
    SELECT version, sha256, byte_size, file_name FROM documents WHERE event_id = ${eventId} AND kind = ${kind} ORDER BY version`;

describe('document versions', () => {
  it('should draw the same bytes from the same data, and store no second version', async () => {
    const night = await createNight(db.sql);
    const first = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    const again = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, version: 1, documentId: first.documentId, sha256: first.sha256 });
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const rendered = await renderDocument(await loadDocumentData(db.sql, night.eventId, 'SETTLEMENT'));
    expect(rendered.bytes.equals(first.bytes)).toBe(true);
    expect(await versions(night.eventId, 'SETTLEMENT')).toEqual([
      {
        version: 1,
        sha256: first.sha256,
        byte_size: first.bytes.length,
        file_name: '2026-03-14 Night Drive at the Ballroom - Settlement v1.pdf',
      },
    ]);
    const [blob] = await db.sql<
      { bytes: Buffer }[]
    >`SELECT bytes FROM document_blobs WHERE document_id = ${first.documentId}`;
    expect(blob!.bytes.equals(first.bytes)).toBe(true);
  });

  it('should store one version when two relays draw the same change at once', async () => {
    const night = await createNight(db.sql);
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'CONFIRMATION' });
    await db.sql`UPDATE deal_terms SET guarantee_cents = 260000 WHERE event_id = ${night.eventId}`;
    const both = await Promise.all([
      ensureDocument(db.sql, { eventId: night.eventId, kind: 'CONFIRMATION' }),
      ensureDocument(db.sql, { eventId: night.eventId, kind: 'CONFIRMATION' }),
    ]);
    expect(both.map((d) => d.created).sort()).toEqual([false, true]);
    expect(both[0]!.documentId).toBe(both[1]!.documentId);
    expect((await versions(night.eventId, 'CONFIRMATION')).map((v) => v.version)).toEqual([1, 2]);
  });

  it('should queue one render per document the change shows, in the change transaction, and none twice', async () => {
    const night = await createNight(db.sql);
    const untouched = await createNight(db.sql);
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'ADVANCE' });
    await ensureDocument(db.sql, { eventId: untouched.eventId, kind: 'SETTLEMENT' });
    expect(await queuedRenders(night.eventId)).toEqual([]);

    // a rolled-back change queues nothing
    await db.sql
      .begin(async (tx) => {
        await tx`UPDATE deal_terms SET guarantee_cents = 1 WHERE event_id = ${night.eventId}`;
        throw new Error('changed my mind');
      })
      .catch(() => {});
    expect(await queuedRenders(night.eventId)).toEqual([]);

    await db.sql`UPDATE deal_terms SET guarantee_cents = 300000 WHERE event_id = ${night.eventId}`;
    await db.sql`UPDATE settlement_lines SET quantity = 310 WHERE event_id = ${night.eventId} AND label = 'Advance tickets'`;
    // the deal shows on the confirmation too, but this event has none: only the settlement
    expect(await queuedRenders(night.eventId)).toEqual(['SETTLEMENT']);
    await db.sql`INSERT INTO event_tasks (organization_id, event_id, title) VALUES (${night.organizationId}, ${night.eventId}, 'Call the promoter')`;
    expect(await queuedRenders(night.eventId)).toEqual(['ADVANCE', 'SETTLEMENT']);
    await db.sql`UPDATE events SET title = 'Night Drive, second night' WHERE id = ${night.eventId}`;
    expect(await queuedRenders(night.eventId)).toEqual(['ADVANCE', 'SETTLEMENT']);
    expect(await queuedRenders(untouched.eventId)).toEqual([]);
  });

  it('should store a new version with a new SHA-256 when the job loop renders a changed deal', async () => {
    const night = await createNight(db.sql);
    const v1 = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    await db.sql`UPDATE deal_terms SET guarantee_cents = 320000 WHERE event_id = ${night.eventId}`;
    const worker = newWorker(db, { [DOCUMENT_RENDER]: renderDocumentJob });
    await worker.start();
    try {
      await until(
        async () => (await versions(night.eventId, 'SETTLEMENT')).length === 2,
        'a second settlement version',
      );
    } finally {
      await worker.stop();
    }
    const [first, second] = await versions(night.eventId, 'SETTLEMENT');
    expect(first!.sha256).toBe(v1.sha256);
    expect(second!.version).toBe(2);
    expect(second!.sha256).not.toBe(v1.sha256);
    expect(second!.file_name).toBe('2026-03-14 Night Drive at the Ballroom - Settlement v2.pdf');
    const latest = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    expect(latest).toMatchObject({ created: false, version: 2, sha256: second!.sha256 });
    expect(await queuedRenders(night.eventId)).toEqual([]);
  });

  it('should finish a render of an event that is gone without a document, and refuse a malformed one at once', async () => {
    const gone = await insertJob(db.sql, DOCUMENT_RENDER, { eventId: randomUUID(), kind: 'CONFIRMATION' });
    const malformed = await insertJob(db.sql, DOCUMENT_RENDER, { eventId: 'not-an-id', kind: 'INVOICE' });
    const worker = newWorker(db, { [DOCUMENT_RENDER]: renderDocumentJob });
    await worker.start();
    try {
      await until(async () => (await readJob(db.sql, gone)).status === 'DONE', 'the render of a deleted event done');
      await until(async () => (await readJob(db.sql, malformed)).status === 'DEAD', 'the malformed render dead');
    } finally {
      await worker.stop();
    }
    const dead = await readJob(db.sql, malformed);
    expect(dead.attempts).toBe(1);
    expect(dead.last_error).toMatch(/document.render: bad payload/);
  });
});
