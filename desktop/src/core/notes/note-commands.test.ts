// The notes.* commands on a real replica with no relay at all: who may open a note, which
// events it may belong to, bad updates refused, and edits kept on disk across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Role } from '@promoteros/shared';
import { ADVANCE_NOTES_TEXT } from '@promoteros/shared/notes';
import { openReplica, type Replica } from '../replica/open-replica.js';
import { CommandFailure } from '../app/command-failure.js';
import { EventNotes } from './event-notes.js';
import { fromBase64, noteCommands, toBase64 } from './note-commands.js';

const ORG = '6f1c3f7e-0000-4000-8000-000000000001';
const EVENT = '6f1c3f7e-0000-4000-8000-0000000000e1';
const OTHER_ORG_EVENT = '6f1c3f7e-0000-4000-8000-0000000000e2';

describe('notes commands on this computer', () => {
  let dir: string;
  let replica: Replica;
  let notes: EventNotes;
  let role: Role = 'STAFF';
  const commands = () => noteCommands(() => ({ organizationId: ORG, replica, notes, role }));
  const open = async () => {
    replica = await openReplica({ dataDir: dir });
    // no token: the notes stay on this computer (no relay is asked)
    notes = new EventNotes({
      replica,
      relayUrl: 'http://127.0.0.1:9',
      getToken: async () => undefined,
      onRemoteUpdate: () => {},
      onConnection: () => {},
      log: () => {},
    });
  };
  const close = async () => {
    await notes.close();
    await replica.close();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promoteros-note-commands-'));
    await open();
    await replica.query(`
      INSERT INTO synced.events (id, organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
      VALUES ('${EVENT}', '${ORG}', gen_random_uuid(), 'Winter Night', 'The Harbour Lights', '2026-12-12',
              '2026-12-12T18:30:00Z', '2026-12-12T19:30:00Z', '2026-12-12T22:30:00Z'),
             ('${OTHER_ORG_EVENT}', gen_random_uuid(), gen_random_uuid(), 'Elsewhere', 'Someone', '2026-12-12',
              '2026-12-12T18:30:00Z', '2026-12-12T19:30:00Z', '2026-12-12T22:30:00Z')`);
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should keep edits made with no relay, and open them again after a restart', async () => {
    const opened = await commands()['notes.open']({ eventId: EVENT, name: 'ADVANCE_NOTES' });
    expect(opened.connection).toEqual({
      state: 'offline',
      reason: 'not signed in: the notes are saved on this computer',
    });
    const editor = new Y.Doc();
    Y.applyUpdate(editor, fromBase64(opened.state));
    const before = Y.encodeStateVector(editor);
    editor.getText(ADVANCE_NOTES_TEXT).insert(0, 'Rider: 24 waters, no glass on stage.');
    await commands()['notes.update']({
      eventId: EVENT,
      name: 'ADVANCE_NOTES',
      update: toBase64(Y.encodeStateAsUpdate(editor, before)),
    });

    await close();
    await open();
    const again = await commands()['notes.open']({ eventId: EVENT, name: 'ADVANCE_NOTES' });
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, fromBase64(again.state));
    expect(reopened.getText(ADVANCE_NOTES_TEXT).toString()).toBe('Rider: 24 waters, no glass on stage.');
  });

  it("should refuse an event this organization does not have, and a promoter's request", async () => {
    await expect(commands()['notes.open']({ eventId: OTHER_ORG_EVENT, name: 'RUN_OF_SHOW' })).rejects.toMatchObject({
      code: 'not_found',
    });
    role = 'PROMOTER';
    try {
      await expect(commands()['notes.open']({ eventId: EVENT, name: 'RUN_OF_SHOW' })).rejects.toBeInstanceOf(
        CommandFailure,
      );
      await expect(commands()['notes.open']({ eventId: EVENT, name: 'RUN_OF_SHOW' })).rejects.toMatchObject({
        code: 'forbidden',
      });
    } finally {
      role = 'STAFF';
    }
  });

  it('should keep a document open until the last screen holding it lets go', async () => {
    await commands()['notes.open']({ eventId: EVENT, name: 'RUN_OF_SHOW' });
    await commands()['notes.open']({ eventId: EVENT, name: 'RUN_OF_SHOW' });
    const first = await notes.open(EVENT, 'RUN_OF_SHOW');
    await commands()['notes.release']({ eventId: EVENT, name: 'RUN_OF_SHOW' });
    expect(await notes.open(EVENT, 'RUN_OF_SHOW')).toBe(first);
    await commands()['notes.release']({ eventId: EVENT, name: 'RUN_OF_SHOW' });
    expect(await notes.open(EVENT, 'RUN_OF_SHOW')).not.toBe(first);
  });

  it("should merge a document's many keystrokes into one row when it opens again", async () => {
    const opened = await commands()['notes.open']({ eventId: EVENT, name: 'ADVANCE_NOTES' });
    const editor = new Y.Doc();
    Y.applyUpdate(editor, fromBase64(opened.state));
    const typed = ' Backline: drum riser 8x8.';
    for (const letter of typed) {
      const before = Y.encodeStateVector(editor);
      const text = editor.getText(ADVANCE_NOTES_TEXT);
      text.insert(text.length, letter);
      await commands()['notes.update']({
        eventId: EVENT,
        name: 'ADVANCE_NOTES',
        update: toBase64(Y.encodeStateAsUpdate(editor, before)),
      });
    }
    const rows = async () =>
      Number(
        (
          await replica.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM _note_updates WHERE event_id = $1 AND name = 'ADVANCE_NOTES'`,
            [EVENT],
          )
        )[0]!.n,
      );
    // below the threshold: kept as they are
    expect(await rows()).toBeGreaterThan(typed.length);
    for (let i = 0; i < 4; i++) {
      for (const letter of typed) {
        const before = Y.encodeStateVector(editor);
        const text = editor.getText(ADVANCE_NOTES_TEXT);
        text.insert(text.length, letter);
        await commands()['notes.update']({
          eventId: EVENT,
          name: 'ADVANCE_NOTES',
          update: toBase64(Y.encodeStateAsUpdate(editor, before)),
        });
      }
    }
    expect(await rows()).toBeGreaterThan(100);
    await close();
    await open();
    const again = await commands()['notes.open']({ eventId: EVENT, name: 'ADVANCE_NOTES' });
    expect(await rows()).toBe(1);
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, fromBase64(again.state));
    expect(reopened.getText(ADVANCE_NOTES_TEXT).toString()).toBe(editor.getText(ADVANCE_NOTES_TEXT).toString());
    await commands()['notes.release']({ eventId: EVENT, name: 'ADVANCE_NOTES' });
  });

  it('should refuse bytes that are not a Yjs update and leave the document as it was', async () => {
    const textNow = async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, fromBase64((await commands()['notes.open']({ eventId: EVENT, name: 'ADVANCE_NOTES' })).state));
      return doc.getText(ADVANCE_NOTES_TEXT).toString();
    };
    const before = await textNow();
    expect(before).toMatch(/^Rider: 24 waters, no glass on stage\./);
    const garbage = toBase64(new Uint8Array([200, 1, 2, 3, 4, 5, 6, 7]));
    await expect(
      commands()['notes.update']({ eventId: EVENT, name: 'ADVANCE_NOTES', update: garbage }),
    ).rejects.toMatchObject({ code: 'invalid_arguments' });
    expect(await textNow()).toBe(before);
  });
});
