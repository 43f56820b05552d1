// Two desktop cores and a relay on real PostgreSQL editing an event's notes together: online,
// offline on both sides, across a relay restart. Each core keeps its own PGlite replica on disk;
// the relay's rooms store into PostgreSQL. At the end everyone holds the same document and
// what PostgreSQL stores reloads to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { ADVANCE_NOTES_TEXT, RUN_OF_SHOW_ROWS, type NoteName } from '@promoteros/shared/notes';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { createMember, createOrganization, createVenue, type TestMember } from '@promoteros/relay/testing/fixtures';
import { readEventNotes } from '@promoteros/relay/notes/read-event-notes';
import { openReplica, type Replica } from '../replica/open-replica.js';
import { eventually } from '../testing/sync-fixture.js';
import { EventNotes } from './event-notes.js';
import type { NoteConnection } from './event-note.js';

/** the relay's address as the cores know it; each device's sockets send it to the live relay */
const DEVICE_RELAY = 'http://relay.device';

const fastStores = { storeDebounceMs: 40, storeMaxWaitMs: 200, retryMs: 40, retryMaxMs: 200 };

/** one member's core: a replica on disk, its notes, and a network that can go away */
class NotesDevice {
  online = true;
  replica!: Replica;
  notes!: EventNotes;
  readonly connections = new Map<string, { state: NoteConnection; reason?: string }>();
  readonly #sockets = new Set<WebSocket>();

  constructor(
    readonly dataDir: string,
    readonly member: TestMember,
    readonly relayUrl: () => string,
  ) {}

  async start(): Promise<void> {
    this.replica = await openReplica({ dataDir: this.dataDir });
    const target = () => (this.online ? this.relayUrl().replace(/^http/, 'ws') : 'ws://127.0.0.1:9');
    const sockets = this.#sockets;
    // a WebSocket that reaches the current relay while the device is online, and nothing otherwise
    class DeviceSocket extends WebSocket {
      constructor(address: string, protocols?: string[]) {
        super(address.replace(DEVICE_RELAY.replace(/^http/, 'ws'), target()), protocols);
        sockets.add(this);
        this.on('close', () => sockets.delete(this));
      }
    }
    this.notes = new EventNotes({
      replica: this.replica,
      relayUrl: DEVICE_RELAY,
      getToken: async () => this.member.token,
      WebSocket: DeviceSocket,
      maxBackoffMs: 200,
      onRemoteUpdate: () => {},
      onConnection: (eventId, name, state, reason) =>
        this.connections.set(`${eventId}/${name}`, { state, ...(reason ? { reason } : {}) }),
      log: () => {},
    });
  }

  goOffline(): void {
    this.online = false;
    for (const socket of this.#sockets) socket.terminate();
  }

  goOnline(): void {
    this.online = true;
  }

  connection(eventId: string, name: NoteName) {
    return this.connections.get(`${eventId}/${name}`)?.state;
  }

  async stop(): Promise<void> {
    await this.notes.close();
    await this.replica.close();
  }
}

const text = (doc: Y.Doc) => doc.getText(ADVANCE_NOTES_TEXT).toString();
const rows = (doc: Y.Doc) =>
  doc.getArray<Y.Map<string>>(RUN_OF_SHOW_ROWS).toJSON() as Array<{ at: string; item: string }>;

function addRow(doc: Y.Doc, at: string, item: string): Uint8Array {
  // the renderer's way: its own Y.Doc makes the edit, the core receives the update
  const renderer = new Y.Doc();
  Y.applyUpdate(renderer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(renderer);
  const row = new Y.Map<string>();
  row.set('at', at);
  row.set('item', item);
  renderer.getArray(RUN_OF_SHOW_ROWS).push([row]);
  const update = Y.encodeStateAsUpdate(renderer, before);
  renderer.destroy();
  return update;
}

function typeAt(doc: Y.Doc, index: number, words: string): Uint8Array {
  const renderer = new Y.Doc();
  Y.applyUpdate(renderer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(renderer);
  renderer.getText(ADVANCE_NOTES_TEXT).insert(index, words);
  const update = Y.encodeStateAsUpdate(renderer, before);
  renderer.destroy();
  return update;
}

describe('shared notes between two desktop cores', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let root: string;
  let eventId: string;
  let otherEventId: string;
  let manager: TestMember;
  let staff: TestMember;
  let promoter: TestMember;
  let otherOrgOwner: TestMember;
  const devices: NotesDevice[] = [];

  const device = async (label: string, member: TestMember) => {
    const made = new NotesDevice(join(root, label), member, () => relay.url);
    await made.start();
    devices.push(made);
    return made;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-notes-'));
    db = await createTestDatabase('desktop_notes');
    const org = await createOrganization(db.sql, 'Northside Live');
    const otherOrg = await createOrganization(db.sql, 'Elsewhere Events');
    const event = async (organizationId: string) => {
      const venueId = await createVenue(db.sql, organizationId);
      const [row] = await db.sql<{ id: string }[]>`
        INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
        VALUES (${organizationId}, ${venueId}, 'Winter Night', 'The Harbour Lights', '2026-12-12',
                '2026-12-12T18:30:00Z', '2026-12-12T19:30:00Z', '2026-12-12T22:30:00Z')
        RETURNING id`;
      return row!.id;
    };
    eventId = await event(org);
    otherEventId = await event(otherOrg);
    manager = await createMember(db.sql, [{ organizationId: org, role: 'MANAGER' }]);
    staff = await createMember(db.sql, [{ organizationId: org, role: 'STAFF' }]);
    promoter = await createMember(db.sql, [{ organizationId: org, role: 'PROMOTER' }]);
    otherOrgOwner = await createMember(db.sql, [{ organizationId: otherOrg, role: 'OWNER' }]);
    relay = await startTestRelay(db, {}, { notes: fastStores });
  });

  afterAll(async () => {
    for (const made of devices) await made.stop().catch(() => {});
    await relay?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    'should converge through online, offline and relay-restart edits, and PostgreSQL should reload the same document',
    { timeout: 120_000 },
    async () => {
      const office = await device('office', manager);
      const door = await device('door', staff);
      let notesA = await office.notes.open(eventId, 'ADVANCE_NOTES');
      const notesB = await door.notes.open(eventId, 'ADVANCE_NOTES');
      let showA = await office.notes.open(eventId, 'RUN_OF_SHOW');
      const showB = await door.notes.open(eventId, 'RUN_OF_SHOW');
      await eventually(
        () =>
          office.connection(eventId, 'ADVANCE_NOTES') === 'live' && door.connection(eventId, 'RUN_OF_SHOW') === 'live',
      );

      // online, at the same moment
      await Promise.all([
        notesA.apply(typeAt(notesA.doc, 0, 'Hospitality: 12 towels, hot water. ')),
        notesB.apply(typeAt(notesB.doc, 0, 'Parking: two bus bays on Dock St. ')),
        showA.apply(addRow(showA.doc, '17:00', 'Soundcheck')),
        showB.apply(addRow(showB.doc, '19:30', 'Doors')),
      ]);
      await eventually(() => text(notesA.doc) === text(notesB.doc) && text(notesA.doc).length > 60);
      await eventually(() => rows(showA.doc).length === 2 && rows(showB.doc).length === 2);

      // both offline; each edits; the office even restarts its core from disk while offline
      office.goOffline();
      door.goOffline();
      await eventually(
        () =>
          office.connection(eventId, 'ADVANCE_NOTES') === 'offline' &&
          door.connection(eventId, 'ADVANCE_NOTES') === 'offline',
      );
      await notesA.apply(typeAt(notesA.doc, text(notesA.doc).length, 'Settlement with Dana after the show.'));
      await showA.apply(addRow(showA.doc, '21:00', 'Headliner'));
      await notesB.apply(typeAt(notesB.doc, 0, 'Door: scan from 19:15. '));
      await showB.apply(addRow(showB.doc, '20:00', 'Support act'));
      await office.stop();
      await office.start();
      notesA = await office.notes.open(eventId, 'ADVANCE_NOTES');
      showA = await office.notes.open(eventId, 'RUN_OF_SHOW');
      expect(text(notesA.doc)).toContain('Settlement with Dana after the show.');
      expect(rows(showA.doc).map((r) => r.item)).toContain('Headliner');
      expect(text(notesA.doc)).not.toContain('Door: scan from 19:15.');

      office.goOnline();
      door.goOnline();
      await eventually(
        () => text(notesA.doc) === text(notesB.doc) && rows(showA.doc).length === 4 && rows(showB.doc).length === 4,
      );
      expect(text(notesB.doc)).toContain('Settlement with Dana after the show.');
      expect(text(notesA.doc)).toContain('Door: scan from 19:15.');

      // the relay restarts mid-session: edits made while it is away arrive at the next one
      await relay.stop();
      await notesA.apply(typeAt(notesA.doc, 0, 'Curfew 23:00. '));
      await showB.apply(addRow(showB.doc, '22:45', 'Curfew'));
      relay = await startTestRelay(db, {}, { notes: fastStores });
      await eventually(
        () => text(notesB.doc).startsWith('Curfew 23:00. ') && rows(showA.doc).some((r) => r.item === 'Curfew'),
        20_000,
      );

      // everyone agrees, and PostgreSQL holds the same thing
      expect(text(notesA.doc)).toBe(text(notesB.doc));
      expect(rows(showA.doc)).toEqual(rows(showB.doc));
      expect(rows(showA.doc)).toHaveLength(5);
      await eventually(async () => {
        const stored = await readEventNotes(db.sql, eventId);
        return stored.advanceNotes === text(notesA.doc) && stored.runOfShow.length === 5;
      });
      const stored = await readEventNotes(db.sql, eventId);
      expect(stored.runOfShow.map((r) => `${r.at} ${r.item}`)).toEqual([
        '17:00 Soundcheck',
        '19:30 Doors',
        '20:00 Support act',
        '21:00 Headliner',
        '22:45 Curfew',
      ]);
      // and a third device, opening from nothing, gets exactly that
      const late = await device('late', manager);
      const notesC = await late.notes.open(eventId, 'ADVANCE_NOTES');
      await eventually(() => late.connection(eventId, 'ADVANCE_NOTES') === 'live');
      expect(text(notesC.doc)).toBe(stored.advanceNotes);
    },
  );

  it(
    "should be refused for a promoter, and get nothing of another organization's event",
    { timeout: 90_000 },
    async () => {
      const promoterDevice = await device('promoter', promoter);
      const outsider = await device('outsider', otherOrgOwner);
      const asPromoter = await promoterDevice.notes.open(eventId, 'ADVANCE_NOTES');
      const asOutsider = await outsider.notes.open(eventId, 'ADVANCE_NOTES');
      await eventually(() => promoterDevice.connection(eventId, 'ADVANCE_NOTES') === 'refused');
      expect(promoterDevice.connections.get(`${eventId}/ADVANCE_NOTES`)?.reason).toBe(
        'the shared notes are for staff, managers and owners',
      );
      // to the relay, another organization's event is one it does not have: the device keeps
      // waiting for it (as for an event made offline and not uploaded yet), and gets nothing
      await eventually(
        () =>
          outsider.connections.get(`${eventId}/ADVANCE_NOTES`)?.reason ===
          'the relay does not have this event yet; saved on this computer',
      );
      expect(outsider.connection(eventId, 'ADVANCE_NOTES')).toBe('offline');
      expect(text(asPromoter.doc)).toBe('');
      expect(text(asOutsider.doc)).toBe('');
      // while the owner of the other organization gets into its own event's room
      await outsider.notes.open(otherEventId, 'ADVANCE_NOTES');
      await eventually(() => outsider.connection(otherEventId, 'ADVANCE_NOTES') === 'live');
    },
  );
});
