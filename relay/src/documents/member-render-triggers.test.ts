// Migration 0017: the documents of an organization's coming shows follow its people (the venue
// contacts and the promoter on the sheets): joining, leaving, a new role, name, email or phone.
// Staff, past shows and other organizations are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createMember } from '../testing/fixtures.js';
import { newWorker } from '../testing/job-kit.js';
import { createNight, forgetRenders, queuedRenders, type Night } from '../testing/document-world.js';
import { ensureDocument } from './ensure-document.js';
import { pdfText } from '../testing/pdf-text.js';
import { DOCUMENT_RENDER, renderDocumentJob } from './render-job.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('member_render_triggers');
});
afterAll(() => db.drop());

const queued = (...nights: Night[]) => queuedRenders(db.sql, ...nights);
const clearRenders = () => forgetRenders(db.sql);

/** a show `days` from today, in a new organization */
async function showIn(days: number, organizationName: string): Promise<Night> {
  const night = await createNight(db.sql, { organizationName });
  await db.sql`UPDATE events SET show_date = current_date + ${days}::int WHERE id = ${night.eventId}`;
  return night;
}

describe('document renders that follow the organization’s people', () => {
  it('should queue renders of the coming shows’ documents when a manager joins, is renamed, changes phone or leaves', async () => {
    const coming = await showIn(10, 'Harbour Nights');
    // the same organization's show of last month, and another organization's coming show
    const [e] = await db.sql<{ id: string }[]>`
      INSERT INTO events (organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at)
      VALUES (${coming.organizationId}, ${coming.venueId}, 'Last month', 'Quiet Set', 'CONFIRMED', current_date - 30,
              now() - interval '30 days', now() - interval '30 days' + interval '1 hour',
              now() - interval '30 days' + interval '3 hours') RETURNING id`;
    const past: Night = { organizationId: coming.organizationId, venueId: coming.venueId, eventId: e!.id };
    const neighbour = await showIn(10, 'Someone Else');
    await ensureDocument(db.sql, { eventId: coming.eventId, kind: 'ADVANCE' });
    await ensureDocument(db.sql, { eventId: coming.eventId, kind: 'CONFIRMATION' });
    await ensureDocument(db.sql, { eventId: past.eventId, kind: 'ADVANCE' });
    await ensureDocument(db.sql, { eventId: neighbour.eventId, kind: 'ADVANCE' });
    await clearRenders();
    const nights = [coming, past, neighbour];

    await createMember(db.sql, [{ organizationId: coming.organizationId, role: 'STAFF' }]);
    expect(await queued(...nights)).toEqual([]);

    const manager = await createMember(db.sql, [{ organizationId: coming.organizationId, role: 'MANAGER' }]);
    expect(await queued(...nights)).toEqual(['0:ADVANCE', '0:CONFIRMATION']);

    await clearRenders();
    await db.sql`UPDATE memberships SET updated_at = now() WHERE user_id = ${manager.userId}`;
    expect(await queued(...nights)).toEqual([]);
    await db.sql`UPDATE users SET display_name = 'Morgan Bookings', phone = '+1 312 555 0199' WHERE id = ${manager.userId}`;
    expect(await queued(...nights)).toEqual(['0:ADVANCE', '0:CONFIRMATION']);

    // the day sheet drawn again names the manager as they are now
    const worker = newWorker(db, { [DOCUMENT_RENDER]: renderDocumentJob }, { concurrency: 1 });
    await db.sql`UPDATE jobs SET run_at = now() WHERE kind = ${DOCUMENT_RENDER}`;
    while (await worker.work());
    const [sheet] = await db.sql<{ bytes: Buffer }[]>`
      SELECT b.bytes FROM documents d JOIN document_blobs b ON b.document_id = d.id
       WHERE d.event_id = ${coming.eventId} AND d.kind = 'ADVANCE' ORDER BY d.version DESC LIMIT 1`;
    const { text } = await pdfText(new Uint8Array(sheet!.bytes));
    expect(text).toContain('Morgan Bookings');
    expect(text).toContain('+1 312 555 0199');

    await clearRenders();
    await db.sql`UPDATE users SET phone = '+1 312 555 0100' WHERE id = ${manager.userId}`;
    expect(await queued(...nights)).toEqual(['0:ADVANCE', '0:CONFIRMATION']);

    await clearRenders();
    await db.sql`DELETE FROM memberships WHERE user_id = ${manager.userId}`;
    expect(await queued(...nights)).toEqual(['0:ADVANCE', '0:CONFIRMATION']);
  });
});
