// Where an event's notes live on this computer: every Yjs update of a document, appended to
// `_note_updates` in the organization's replica (a local table: sync never reads or writes it).
// A document is its updates merged, so it opens and takes edits with no relay at all; the
// relay's copy and this one converge when the room connects (Yjs merges in any order).
import * as Y from 'yjs';
import type { NoteName } from '@promoteros/shared/notes';
import type { Replica } from '../replica/open-replica.js';

/** above this many rows a document's updates are merged into one when it opens */
const COMPACT_ABOVE = 100;

export async function ensureNoteUpdatesTable(replica: Replica): Promise<void> {
  await replica.query(`
    CREATE TABLE IF NOT EXISTS _note_updates (
      seq       bigserial PRIMARY KEY,
      event_id  text NOT NULL,
      name      text NOT NULL,
      "update"  bytea NOT NULL,
      saved_at  timestamptz NOT NULL DEFAULT now()
    )`);
  await replica.query(`CREATE INDEX IF NOT EXISTS _note_updates_document_idx ON _note_updates (event_id, name, seq)`);
}

/** the document's whole state as one update (empty document: an update that changes nothing) */
export async function loadNoteUpdates(replica: Replica, eventId: string, name: NoteName): Promise<Uint8Array> {
  const rows = await replica.query<{ seq: number; update: Uint8Array }>(
    `SELECT seq, "update" FROM _note_updates WHERE event_id = $1 AND name = $2 ORDER BY seq`,
    [eventId, name],
  );
  const merged = Y.mergeUpdates(rows.map((row) => row.update));
  if (rows.length > COMPACT_ABOVE) {
    // one row instead of hundreds of keystrokes; in one transaction so a crash keeps either
    await replica.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM _note_updates WHERE event_id = $1 AND name = $2 AND seq <= $3`, [
        eventId,
        name,
        rows[rows.length - 1]!.seq,
      ]);
      await tx.query(`INSERT INTO _note_updates (event_id, name, "update") VALUES ($1, $2, $3)`, [
        eventId,
        name,
        merged,
      ]);
    });
  }
  return merged;
}

export async function saveNoteUpdate(
  replica: Replica,
  eventId: string,
  name: NoteName,
  update: Uint8Array,
): Promise<void> {
  await replica.query(`INSERT INTO _note_updates (event_id, name, "update") VALUES ($1, $2, $3)`, [
    eventId,
    name,
    update,
  ]);
}
