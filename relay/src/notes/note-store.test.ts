// Storing note documents from several relays at once against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADVANCE_NOTES_TEXT } from '@promoteros/shared/notes';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createOrganization, createVenue } from '../testing/fixtures.js';
import { loadNoteState, storeNoteState, type NoteKey } from './note-store.js';

let db: TestDatabase;
let key: NoteKey;

beforeAll(async () => {
  db = await createTestDatabase('note_store');
  const organizationId = await createOrganization(db.sql);
  const venueId = await createVenue(db.sql, organizationId);
  const [event] = await db.sql<{ id: string }[]>`
    INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
    VALUES (${organizationId}, ${venueId}, 'Night', 'Band', '2026-12-04',
            '2026-12-04T18:00:00Z', '2026-12-04T19:00:00Z', '2026-12-04T22:00:00Z')
    RETURNING id`;
  key = { organizationId, eventId: event!.id, name: 'ADVANCE_NOTES' };
});
afterAll(async () => {
  await db?.drop();
});

describe('note store', () => {
  it("should keep every relay's edits when many store the same new document at once", async () => {
    // eight relays' rooms, each with its own line, none of them stored yet
    const lines = Array.from({ length: 8 }, (_, i) => `line ${i}`);
    const states = lines.map((line) => {
      const doc = new Y.Doc();
      doc.getText(ADVANCE_NOTES_TEXT).insert(0, `${line}\n`);
      return Y.encodeStateAsUpdate(doc);
    });
    await Promise.all(states.map((state, i) => storeNoteState(db.sql, key, state, `relay-${i}`)));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadNoteState(db.sql, key))!);
    const text = stored.getText(ADVANCE_NOTES_TEXT).toString();
    for (const line of lines) expect(text).toContain(line);
  });
});
