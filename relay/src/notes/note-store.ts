// Where a note room's document lives between relay runs: one row per (event, document) in
// note_documents, holding the whole state as one Yjs update.
import * as Y from 'yjs';
import type { NoteName } from '@promoteros/shared/notes';
import type { Sql } from '../db/database.js';

export interface NoteKey {
  readonly organizationId: string;
  readonly eventId: string;
  readonly name: NoteName;
}

/** the stored state, or undefined for a document nobody has written yet */
export async function loadNoteState(sql: Sql, key: Pick<NoteKey, 'eventId' | 'name'>): Promise<Uint8Array | undefined> {
  const [row] = await sql<{ state: Buffer }[]>`
    SELECT state FROM note_documents WHERE event_id = ${key.eventId} AND name = ${key.name}`;
  return row ? new Uint8Array(row.state) : undefined;
}

/**
 * Writes the room's state merged with what is stored: another relay serving the same room (two
 * relays behind a balancer) may have stored edits this one never saw, and a merge of Yjs
 * updates loses neither side. The row lock makes two relays' stores of one document take turns.
 */
export async function storeNoteState(sql: Sql, key: NoteKey, state: Uint8Array): Promise<void> {
  await sql.begin(async (tx) => {
    const [row] = await tx<{ state: Buffer }[]>`
      SELECT state FROM note_documents WHERE event_id = ${key.eventId} AND name = ${key.name} FOR UPDATE`;
    const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state;
    await tx`
      INSERT INTO note_documents (organization_id, event_id, name, state, updated_at)
      VALUES (${key.organizationId}, ${key.eventId}, ${key.name}, ${Buffer.from(merged)}, now())
      ON CONFLICT (event_id, name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`;
  });
}
