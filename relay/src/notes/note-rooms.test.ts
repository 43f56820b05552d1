// The relay's note rooms against real PostgreSQL and real WebSockets: who gets in, how edits
// meet, what is stored and when, and what happens when storing fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { ADVANCE_NOTES_TEXT, NOTES_PROTOCOL, RUN_OF_SHOW_ROWS } from '@promoteros/shared/notes';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, createVenue, type TestMember } from '../testing/fixtures.js';
import type { Sql } from '../db/database.js';
import { connectNoteClient } from '../testing/note-client.js';
import { readEventNotes } from './read-event-notes.js';
import { loadNoteState } from './note-store.js';

const fast = { storeDebounceMs: 40, storeMaxWaitMs: 200, retryMs: 40, retryMaxMs: 200, recheckMs: 100 };

let db: TestDatabase;
let relay: TestRelay;
let eventId: string;
let otherEventId: string;
let staff: TestMember;
let manager: TestMember;
let promoter: TestMember;
let outsider: TestMember;
let otherOrgManager: TestMember;

async function createEvent(sql: Sql, organizationId: string): Promise<string> {
  const venueId = await createVenue(sql, organizationId);
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
    VALUES (${organizationId}, ${venueId}, 'Night One', 'The Band', '2026-12-04',
            '2026-12-04T18:00:00Z', '2026-12-04T19:00:00Z', '2026-12-04T22:00:00Z')
    RETURNING id`;
  return row!.id;
}

async function organizationOf(event: string): Promise<string> {
  const [row] = await db.sql<{ organization_id: string }[]>`SELECT organization_id FROM events WHERE id = ${event}`;
  return row!.organization_id;
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function storedText(name: 'ADVANCE_NOTES' | 'RUN_OF_SHOW' = 'ADVANCE_NOTES'): Promise<string | undefined> {
  const state = await loadNoteState(db.serving.sql, { organizationId: await organizationOf(eventId), eventId, name });
  if (!state) return undefined;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText(ADVANCE_NOTES_TEXT).toString();
}

beforeAll(async () => {
  db = await createTestDatabase('notes');
  const org = await createOrganization(db.sql, 'Hall Org');
  const otherOrg = await createOrganization(db.sql, 'Other Org');
  eventId = await createEvent(db.sql, org);
  otherEventId = await createEvent(db.sql, otherOrg);
  staff = await createMember(db.sql, [{ organizationId: org, role: 'STAFF' }]);
  manager = await createMember(db.sql, [{ organizationId: org, role: 'MANAGER' }]);
  promoter = await createMember(db.sql, [{ organizationId: org, role: 'PROMOTER' }]);
  outsider = await createMember(db.sql, []);
  otherOrgManager = await createMember(db.sql, [{ organizationId: otherOrg, role: 'MANAGER' }]);
  relay = await startTestRelay(db, {}, { notes: fast });
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

describe('note rooms', () => {
  it('should refuse a connection without a session, with an unknown one, or from a promoter', async () => {
    const none = await connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', undefined).closed;
    expect(none.code).toBe(4401);
    expect(none.reason).toMatch(/sign in first/);
    const unknown = await connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', 'pos_not-a-real-session-token').closed;
    expect(unknown).toEqual({ code: 4401, reason: 'the session is unknown, expired or revoked: sign in again' });
    const asPromoter = await connectNoteClient(relay.url, eventId, 'RUN_OF_SHOW', promoter.token).closed;
    expect(asPromoter.code).toBe(4403);
  });

  it("should refuse a non-member and another organization's member exactly like an event that does not exist", async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const refusals = await Promise.all([
      connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', outsider.token).closed,
      connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', otherOrgManager.token).closed,
      connectNoteClient(relay.url, missing, 'ADVANCE_NOTES', manager.token).closed,
      // and a member of the other organization is let into its own event's room, not ours
      connectNoteClient(relay.url, otherEventId, 'ADVANCE_NOTES', manager.token).closed,
    ]);
    for (const [index, refusal] of refusals.entries()) {
      const asked = [eventId, eventId, missing, otherEventId][index];
      expect(refusal).toEqual({ code: 4404, reason: `there is no event ${asked} in your organizations` });
    }
    // nothing was stored or opened for a refused connection
    expect(relay.notes.openDocument(eventId, 'ADVANCE_NOTES')).toBeUndefined();
  });

  it('should refuse an address that names no document', async () => {
    const ws = new WebSocket(`${relay.url.replace('http', 'ws')}/v1/notes/${eventId}/guest-list`, [
      NOTES_PROTOCOL,
      `bearer.${manager.token}`,
    ]);
    const closed = await new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    expect(closed).toBe(4400);
  });

  it('should answer 404 to a WebSocket upgrade anywhere else', async () => {
    const ws = new WebSocket(`${relay.url.replace('http', 'ws')}/v1/shape`, [NOTES_PROTOCOL]);
    // ending a socket that never opened reports "closed before the connection was established"
    ws.on('error', () => {});
    const status = await new Promise<number | undefined>((resolve) =>
      ws.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode);
        ws.terminate();
      }),
    );
    expect(status).toBe(404);
  });

  it('should merge two editors typing at once and store the merged document', async () => {
    const a = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', staff.token);
    const b = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', manager.token);
    await Promise.all([a.synced, b.synced]);
    const textA = a.doc.getText(ADVANCE_NOTES_TEXT);
    const textB = b.doc.getText(ADVANCE_NOTES_TEXT);
    textA.insert(0, 'Load-in via the back alley. ');
    textB.insert(0, 'Parking: two bus bays. ');
    await until(() => textA.toString() === textB.toString() && textA.length > 40, 'both editors see both edits');
    expect(textA.toString()).toContain('Load-in via the back alley.');
    expect(textA.toString()).toContain('Parking: two bus bays.');
    await until(async () => (await storedText()) === textA.toString(), 'PostgreSQL holds the merged text');
    a.close();
    b.close();
    // the last editor left and everything was stored: the room closes
    await until(() => relay.notes.openDocument(eventId, 'ADVANCE_NOTES') === undefined, 'the room closes');
    // a later editor gets the stored document back
    const c = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', manager.token);
    await c.synced;
    expect(c.doc.getText(ADVANCE_NOTES_TEXT).toString()).toBe(textA.toString());
    c.close();
  });

  it('should keep a document whose store failed in memory and store it when the database takes it again', async () => {
    const before = (await storedText()) ?? '';
    // PostgreSQL refuses every write of a note document until the constraint goes
    await db.sql`ALTER TABLE note_documents ADD CONSTRAINT refuse_stores CHECK (false) NOT VALID`;
    try {
      const editor = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', staff.token);
      await editor.synced;
      editor.doc.getText(ADVANCE_NOTES_TEXT).insert(0, 'Curfew 23:00 sharp. ');
      const failed = async () => {
        const metrics = await relay.app.metrics.registry.getSingleMetricAsString('promoteros_note_stores_total');
        return /outcome="failed"} [1-9]/.test(metrics);
      };
      await until(failed, 'a store has failed');
      editor.close();
      // the editor is gone and the store keeps failing: the document stays in the relay
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(relay.notes.openDocument(eventId, 'ADVANCE_NOTES')?.getText(ADVANCE_NOTES_TEXT).toString()).toBe(
        `Curfew 23:00 sharp. ${before}`,
      );
      expect(await storedText()).toBe(before);
      // and a new editor gets the unstored edit from memory
      const next = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', manager.token);
      await next.synced;
      expect(next.doc.getText(ADVANCE_NOTES_TEXT).toString()).toBe(`Curfew 23:00 sharp. ${before}`);
      next.close();
    } finally {
      await db.sql`ALTER TABLE note_documents DROP CONSTRAINT refuse_stores`;
    }
    await until(async () => (await storedText()) === `Curfew 23:00 sharp. ${before}`, 'a retry stores it');
    await until(() => relay.notes.openDocument(eventId, 'ADVANCE_NOTES') === undefined, 'the room closes once stored');
  });

  it('should keep the edits of a store still in flight when the last editor leaves, if that store fails', async () => {
    await relay.notes.flush();
    await until(() => relay.notes.openDocument(eventId, 'ADVANCE_NOTES') === undefined, 'no room is open');
    const before = (await storedText()) ?? '';
    const editor = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', staff.token);
    await editor.synced;
    // one transaction adds a constraint that refuses every store and holds the table's lock,
    // so the next store waits on it: it is in flight when the editor leaves, then fails
    const blocker = await db.sql.reserve();
    try {
      await blocker`BEGIN`;
      await blocker`ALTER TABLE note_documents ADD CONSTRAINT refuse_in_flight CHECK (false) NOT VALID`;
      editor.doc.getText(ADVANCE_NOTES_TEXT).insert(0, 'Load-in 14:00. ');
      await until(async () => {
        const [row] = await db.sql<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query ILIKE '%note_documents%'`;
        return row!.waiting > 0;
      }, 'a store waits on the lock');
      editor.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await blocker`COMMIT`;
      const failed = async () => {
        const metrics = await relay.app.metrics.registry.getSingleMetricAsString('promoteros_note_stores_total');
        return /outcome="failed"} [1-9]/.test(metrics);
      };
      await until(failed, 'the store in flight has failed');
      expect(relay.notes.openDocument(eventId, 'ADVANCE_NOTES')?.getText(ADVANCE_NOTES_TEXT).toString()).toBe(
        `Load-in 14:00. ${before}`,
      );
    } finally {
      await blocker`ROLLBACK`.catch(() => {});
      await db.sql`ALTER TABLE note_documents DROP CONSTRAINT IF EXISTS refuse_in_flight`;
      blocker.release();
    }
    await until(async () => (await storedText()) === `Load-in 14:00. ${before}`, 'a retry stores it');
    await until(() => relay.notes.openDocument(eventId, 'ADVANCE_NOTES') === undefined, 'the room closes once stored');
  });

  it('should end a connection whose session is revoked or whose member becomes a promoter', async () => {
    const leaving = await createMember(db.sql, [{ organizationId: await organizationOf(eventId), role: 'STAFF' }]);
    const demoted = await createMember(db.sql, [{ organizationId: await organizationOf(eventId), role: 'MANAGER' }]);
    const signedOut = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', leaving.token);
    const lowered = connectNoteClient(relay.url, eventId, 'ADVANCE_NOTES', demoted.token);
    await Promise.all([signedOut.synced, lowered.synced]);
    await db.sql`UPDATE sessions SET revoked_at = now() WHERE id = ${leaving.sessionId}`;
    await db.sql`UPDATE memberships SET role = 'PROMOTER' WHERE user_id = ${demoted.userId}`;
    expect((await signedOut.closed).code).toBe(4401);
    expect((await lowered.closed).code).toBe(4403);
  });

  it('should close a room whose event was deleted, telling its editors, instead of retrying forever', async () => {
    // sessions are not checked again here, so that only the refused store can notice
    const own = await startTestRelay(db, {}, { notes: { ...fast, recheckMs: 600_000 } });
    try {
      const doomed = await createEvent(db.sql, await organizationOf(eventId));
      const editor = connectNoteClient(own.url, doomed, 'ADVANCE_NOTES', staff.token);
      await editor.synced;
      await db.sql`DELETE FROM events WHERE id = ${doomed}`;
      editor.doc.getText(ADVANCE_NOTES_TEXT).insert(0, 'Cancelled?');
      expect(await editor.closed).toEqual({ code: 4404, reason: 'this event no longer exists' });
      expect(own.notes.openDocument(doomed, 'ADVANCE_NOTES')).toBeUndefined();
      const stores = await own.app.metrics.registry.getSingleMetricAsString('promoteros_note_stores_total');
      expect(stores).toMatch(/outcome="event_gone"} 1/);
      expect(stores).not.toMatch(/outcome="failed"/);
    } finally {
      await own.stop();
    }
  });

  it('should let editors on two relays behind a balancer see each other, a store later', async () => {
    const second = await startTestRelay(db, {}, { notes: fast });
    try {
      const here = connectNoteClient(relay.url, eventId, 'RUN_OF_SHOW', staff.token);
      const there = connectNoteClient(second.url, eventId, 'RUN_OF_SHOW', manager.token);
      await Promise.all([here.synced, there.synced]);
      const row = new Y.Map<string>();
      row.set('at', '16:00');
      row.set('item', 'Load-in');
      here.doc.getArray(RUN_OF_SHOW_ROWS).push([row]);
      const other = new Y.Map<string>();
      other.set('at', '18:00');
      other.set('item', 'Dinner for the crew');
      there.doc.getArray(RUN_OF_SHOW_ROWS).push([other]);
      const items = (client: typeof here) =>
        client.doc
          .getArray<Y.Map<string>>(RUN_OF_SHOW_ROWS)
          .toArray()
          .map((r) => r.get('item'))
          .sort();
      await until(
        () => items(here).length === 2 && items(there).length === 2,
        'each relay passes on what the other stored',
      );
      expect(items(here)).toEqual(['Dinner for the crew', 'Load-in']);
      expect(items(there)).toEqual(items(here));
      here.close();
      there.close();
      // cleared again for the next test
      await until(
        () => !relay.notes.openDocument(eventId, 'RUN_OF_SHOW') && !second.notes.openDocument(eventId, 'RUN_OF_SHOW'),
        'both rooms close',
      );
      await db.sql`DELETE FROM note_documents WHERE event_id = ${eventId} AND name = 'RUN_OF_SHOW'`;
    } finally {
      await second.stop();
    }
  });

  it('should store unstored edits when the relay stops, and serve them from the next relay', async () => {
    const slow = await startTestRelay(db, {}, { notes: { storeDebounceMs: 60_000, storeMaxWaitMs: 60_000 } });
    const editor = connectNoteClient(slow.url, eventId, 'RUN_OF_SHOW', manager.token);
    await editor.synced;
    const rows = editor.doc.getArray<Y.Map<string>>(RUN_OF_SHOW_ROWS);
    editor.doc.transact(() => {
      for (const [at, item] of [
        ['21:00', 'Headliner'],
        ['17:00', 'Soundcheck'],
        ['', 'Settlement after curfew'],
        ['19:30', 'Doors'],
      ]) {
        const row = new Y.Map<string>();
        row.set('at', at!);
        row.set('item', item!);
        rows.push([row]);
      }
    });
    await until(
      () => slow.notes.openDocument(eventId, 'RUN_OF_SHOW')?.getArray(RUN_OF_SHOW_ROWS).length === 4,
      'the relay has the rows',
    );
    expect((await readEventNotes(db.sql, eventId)).runOfShow).toEqual([]);
    await slow.stop();
    expect((await editor.closed).code).toBe(1012);
    const notes = await readEventNotes(db.sql, eventId);
    expect(notes.runOfShow).toEqual([
      { at: '17:00', item: 'Soundcheck' },
      { at: '19:30', item: 'Doors' },
      { at: '21:00', item: 'Headliner' },
      { at: '', item: 'Settlement after curfew' },
    ]);
    expect(notes.advanceNotes).toContain('Curfew 23:00 sharp.');
  });
});
