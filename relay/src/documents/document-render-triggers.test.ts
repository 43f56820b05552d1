// Migration 0013: documents follow the door, the shared notes and the venue's and organization's
// names (0009, tested in document-versions.test.ts, covers the event, deal, lines and tasks).
// Renders are queued in the writing transaction, only for documents that exist, one QUEUED per
// event and kind however many rows a burst of check-ins writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADVANCE_NOTES_TEXT } from '@promoteros/shared/notes';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { newWorker, until } from '../testing/job-kit.js';
import { storeNoteState } from '../notes/note-store.js';
import {
  addGuest,
  checkIn,
  createNight,
  flat,
  forgetRenders,
  queuedRenders,
  type Night,
} from '../testing/document-world.js';
import { ensureDocument } from './ensure-document.js';
import { pdfText } from '../testing/pdf-text.js';
import { DOCUMENT_RENDER, renderDocumentJob } from './render-job.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('document_render_triggers');
});
afterAll(() => db.drop());

const queued = (...nights: Night[]) => queuedRenders(db.sql, ...nights);
const clearRenders = () => forgetRenders(db.sql);

const versions = (night: Night, kind: string) =>
  db.sql<{ version: number }[]>`SELECT version FROM documents WHERE event_id = ${night.eventId} AND kind = ${kind}`;

describe('document renders that follow the door, the notes and the places', () => {
  it('should queue the settlement render on a check-in, an undo, a guest removed or a list re-kinded', async () => {
    const night = await createNight(db.sql);
    const noDocuments = await createNight(db.sql);
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'ADVANCE' });
    const guest = await addGuest(db.sql, night, 'ARTIST', 2);
    await clearRenders();

    const admitted = await checkIn(db.sql, night, { entryId: guest.entryId, admitted: 2 });
    await checkIn(db.sql, noDocuments, { admitted: 3 });
    // the drop count is on the settlement, not the day sheet; an event without documents queues none
    expect(await queued(night, noDocuments)).toEqual(['0:SETTLEMENT']);

    await clearRenders();
    await checkIn(db.sql, night, { entryId: guest.entryId, admitted: -1, undoes: admitted });
    expect(await queued(night)).toEqual(['0:SETTLEMENT']);

    await clearRenders();
    await db.sql`UPDATE guest_lists SET kind = 'COMP' WHERE id = ${guest.listId}`;
    expect(await queued(night)).toEqual(['0:SETTLEMENT']);

    // removing the guest takes their check-ins with it (ON DELETE CASCADE): the count drops
    await clearRenders();
    await db.sql`DELETE FROM guest_list_entries WHERE id = ${guest.entryId}`;
    expect(await db.sql`SELECT 1 FROM check_ins WHERE event_id = ${night.eventId}`).toHaveLength(0);
    expect(await queued(night)).toEqual(['0:SETTLEMENT']);

    // a rolled-back check-in queues nothing
    await clearRenders();
    await db.sql
      .begin(async (tx) => {
        await checkIn(tx as unknown as typeof db.sql, night, { admitted: 1 });
        throw new Error('the device gave up');
      })
      .catch(() => {});
    expect(await queued(night)).toEqual([]);
  });

  it('should queue one render for a merge of 2,000 check-ins, and draw them all on the next version', async () => {
    const night = await createNight(db.sql);
    const v1 = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    const guests = await addGuest(db.sql, night, 'PROMOTER', 100);
    await clearRenders();

    // a device's queue pushed after a reconnect: 1,000 check-ins, one statement each, one transaction
    await db.sql.begin(async (tx) => {
      for (let i = 0; i < 1_000; i += 1) {
        await tx`
          INSERT INTO check_ins (organization_id, event_id, entry_id, kind, admitted, device_id, occurred_at)
          VALUES (${night.organizationId}, ${night.eventId}, ${i % 2 === 0 ? guests.entryId : null},
                  ${i % 2 === 0 ? 'ADMIT' : 'WALK_UP'}, 1, 'door-2', now())`;
      }
    });
    expect(await queued(night)).toEqual(['0:SETTLEMENT']);
    // and another device's 1,000 in one statement, in its own transaction: still the one render
    await db.sql`
      INSERT INTO check_ins (organization_id, event_id, kind, admitted, device_id, occurred_at)
      SELECT ${night.organizationId}, ${night.eventId}, 'WALK_UP', 1, 'door-3', now() FROM generate_series(1, 1000)`;
    expect(await queued(night)).toEqual(['0:SETTLEMENT']);
    const [renders] = await db.sql<{ jobs: number }[]>`
      SELECT count(*)::int AS jobs FROM jobs
       WHERE kind = ${DOCUMENT_RENDER} AND payload ->> 'eventId' = ${night.eventId}`;
    expect(renders!.jobs).toBe(1);

    const worker = newWorker(db, { [DOCUMENT_RENDER]: renderDocumentJob });
    await worker.start();
    try {
      await until(async () => (await versions(night, 'SETTLEMENT')).length === 2, 'the settlement drawn again');
    } finally {
      await worker.stop();
    }
    const latest = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    expect(latest).toMatchObject({ created: false, version: 2 });
    expect(latest.sha256).not.toBe(v1.sha256);
    const text = flat((await pdfText(latest.bytes)).text);
    // the list by its name (the world's default, "PROMOTER list"), its kind beside it
    expect(text).toContain('PROMOTER list Promoter 500 Walk-ups (counted, not priced) 1,500 Total came in 2,000');
    expect(await queued(night)).toEqual([]);
  });

  it('should draw once the renders that door devices merging at the same moment queue side by side', async () => {
    const night = await createNight(db.sql);
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'ADVANCE' });
    await clearRenders();
    // four devices, each in its own transaction, each writes before any commits: none sees the
    // others' uncommitted render, so each queues one (and only one for its 250 check-ins)
    let arrived = 0;
    let allIn!: () => void;
    const everyoneWrote = new Promise<void>((resolve) => (allIn = resolve));
    await Promise.all(
      [1, 2, 3, 4].map((device) =>
        db.sql.begin(async (tx) => {
          const write = () => checkIn(tx as unknown as typeof db.sql, night, { admitted: 1 });
          await write();
          if (++arrived === 4) allIn();
          await everyoneWrote;
          for (let i = 1; i < 250; i += 1) await write();
          return device;
        }),
      ),
    );
    // the day sheet's render, queued by something else, is not the settlement's to take over
    await db.sql`INSERT INTO event_tasks (organization_id, event_id, title) VALUES (${night.organizationId}, ${night.eventId}, 'Count the float')`;
    expect(await queued(night)).toEqual(['0:ADVANCE', '0:SETTLEMENT', '0:SETTLEMENT', '0:SETTLEMENT', '0:SETTLEMENT']);

    // one lane, so which render runs first is not a race: it takes the other three over
    const worker = newWorker(db, { [DOCUMENT_RENDER]: renderDocumentJob }, { concurrency: 1 });
    await worker.start();
    try {
      await until(async () => (await queued(night)).length === 0, 'every render done');
    } finally {
      await worker.stop();
    }
    const jobs = await db.sql<{ kind: string; status: string; attempts: number }[]>`
      SELECT payload ->> 'kind' AS kind, status, attempts FROM jobs
       WHERE kind = ${DOCUMENT_RENDER} AND payload ->> 'eventId' = ${night.eventId}
       ORDER BY 1, attempts DESC`;
    expect(jobs).toEqual([
      { kind: 'ADVANCE', status: 'DONE', attempts: 1 },
      { kind: 'SETTLEMENT', status: 'DONE', attempts: 1 },
      { kind: 'SETTLEMENT', status: 'DONE', attempts: 0 },
      { kind: 'SETTLEMENT', status: 'DONE', attempts: 0 },
      { kind: 'SETTLEMENT', status: 'DONE', attempts: 0 },
    ]);
    const latest = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    expect(latest).toMatchObject({ created: false, version: 2 });
    expect(flat((await pdfText(latest.bytes)).text)).toContain('Total came in 1,000');
  });

  it('should queue the day sheet render when the shared notes are stored, first and again', async () => {
    const night = await createNight(db.sql);
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'ADVANCE' });
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    await clearRenders();
    const doc = new Y.Doc();
    const key = { organizationId: night.organizationId, eventId: night.eventId, name: 'ADVANCE_NOTES' as const };
    doc.getText(ADVANCE_NOTES_TEXT).insert(0, 'Parking behind the loading dock');
    await storeNoteState(db.sql, key, Y.encodeStateAsUpdate(doc));
    expect(await queued(night)).toEqual(['0:ADVANCE']);

    await clearRenders();
    doc.getText(ADVANCE_NOTES_TEXT).insert(0, 'Settle at 23:30. ');
    await storeNoteState(db.sql, key, Y.encodeStateAsUpdate(doc));
    expect(await queued(night)).toEqual(['0:ADVANCE']);
    // stored twice while QUEUED: still one render
    await storeNoteState(db.sql, key, Y.encodeStateAsUpdate(doc));
    expect(await queued(night)).toEqual(['0:ADVANCE']);
  });

  it("should queue renders of only the existing documents of a venue's events when its name or address changes", async () => {
    const night = await createNight(db.sql);
    const [added] = await db.sql<{ count: number }[]>`
      WITH added AS (
        INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
        SELECT ${night.organizationId}, ${night.venueId}, 'Night ' || n, 'Band ' || n, date '2026-04-01' + n,
               timestamptz '2026-04-02 00:30Z' + n * interval '1 day', timestamptz '2026-04-02 01:30Z' + n * interval '1 day',
               timestamptz '2026-04-02 04:00Z' + n * interval '1 day'
          FROM generate_series(1, 300) AS n RETURNING id)
      SELECT count(*)::int AS count FROM added`;
    expect(added!.count).toBe(300);
    const [drawnToo] = await db.sql<{ id: string }[]>`
      SELECT id FROM events WHERE venue_id = ${night.venueId} AND title = 'Night 7'`;
    const other: Night = { ...night, eventId: drawnToo!.id };
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'ADVANCE' });
    await ensureDocument(db.sql, { eventId: other.eventId, kind: 'CONFIRMATION' });
    const elsewhere = await createNight(db.sql);
    await ensureDocument(db.sql, { eventId: elsewhere.eventId, kind: 'SETTLEMENT' });
    await clearRenders();
    const allRenders = () => db.sql`SELECT 1 FROM jobs WHERE kind = ${DOCUMENT_RENDER}`;

    // nothing a sheet shows: nothing queued
    await db.sql`UPDATE venues SET intake_enabled = false, updated_at = now() WHERE id = ${night.venueId}`;
    expect(await allRenders()).toHaveLength(0);

    await db.sql`UPDATE venues SET address = '3 Harbour Street' WHERE id = ${night.venueId}`;
    expect(await queued(night, other, elsewhere)).toEqual(['0:ADVANCE', '0:SETTLEMENT', '1:CONFIRMATION']);
    // of 301 events, the three documents that exist: no render of a document never drawn
    expect(await allRenders()).toHaveLength(3);

    await clearRenders();
    await db.sql`UPDATE venues SET timezone = 'America/New_York' WHERE id = ${night.venueId}`;
    expect(await allRenders()).toHaveLength(3);
  });

  it("should queue renders of every existing document of an organization's events on a rename, the confirmation alone on a new sending address", async () => {
    const night = await createNight(db.sql, { organizationName: 'Harbour Nights' });
    // a second venue of the same organization
    const [v] = await db.sql<{ id: string }[]>`
      INSERT INTO venues (organization_id, slug, name, timezone, capacity, country)
      VALUES (${night.organizationId}, 'annex', 'The Annex', 'America/Chicago', 150, 'US') RETURNING id`;
    const [e] = await db.sql<{ id: string }[]>`
      INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
      VALUES (${night.organizationId}, ${v!.id}, 'Annex night', 'Quiet Set', '2026-03-20',
              '2026-03-21T01:00:00Z', '2026-03-21T02:00:00Z', '2026-03-21T04:00:00Z') RETURNING id`;
    const annex: Night = { organizationId: night.organizationId, venueId: v!.id, eventId: e!.id };
    const neighbour = await createNight(db.sql, { organizationName: 'Someone Else' });
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    await ensureDocument(db.sql, { eventId: night.eventId, kind: 'CONFIRMATION' });
    await ensureDocument(db.sql, { eventId: annex.eventId, kind: 'ADVANCE' });
    await ensureDocument(db.sql, { eventId: neighbour.eventId, kind: 'SETTLEMENT' });
    await clearRenders();

    await db.sql`UPDATE organizations SET updated_at = now() WHERE id = ${night.organizationId}`;
    expect(await queued(night, annex, neighbour)).toEqual([]);

    await db.sql`UPDATE organizations SET email_from = 'box@harbour.example' WHERE id = ${night.organizationId}`;
    expect(await queued(night, annex, neighbour)).toEqual(['0:CONFIRMATION']);

    await clearRenders();
    await db.sql`UPDATE organizations SET name = 'Harbour Nights Ltd' WHERE id = ${night.organizationId}`;
    expect(await queued(night, annex, neighbour)).toEqual(['0:CONFIRMATION', '0:SETTLEMENT', '1:ADVANCE']);
  });
});
