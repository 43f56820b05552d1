// Where a note room's document lives between relay runs: one row per (event, document) in
// note_documents, holding the whole state as one Yjs update.
import * as Y from 'yjs';
import type { NoteName } from '@promoteros/shared/notes';
import { asOrganizations } from '../db/as-organizations.js';
import type { Sql } from '../db/database.js';

export interface NoteKey {
  readonly organizationId: string;
  readonly eventId: string;
  readonly name: NoteName;
}

/** the stored state, or undefined for a document nobody has written yet */
export async function loadNoteState(sql: Sql, key: NoteKey): Promise<Uint8Array | undefined> {
  const [row] = await asOrganizations(
    sql,
    [key.organizationId],
    (tx) => tx<{ state: Buffer }[]>`
      SELECT state FROM note_documents WHERE event_id = ${key.eventId} AND name = ${key.name}`,
  );
  return row ? new Uint8Array(row.state) : undefined;
}

/**
 * Writes the room's state merged with what is stored: another relay serving the same room (two
 * relays behind a balancer) may have stored edits this one never saw, and a merge of Yjs
 * updates loses neither side. A transaction-level advisory lock on the document makes two
 * relays' stores take turns, also for its first store, when there is no row yet to lock (two
 * first inserts would otherwise both read nothing and the later would overwrite the earlier).
 */
/** the channel on which a store tells the other relays that a document changed */
export const NOTES_CHANNEL = 'promoteros_notes';

/** what a store notifies: `<eventId>/<name>/<the storing relay's id>` */
export function noteStoredMessage(key: Pick<NoteKey, 'eventId' | 'name'>, relayId: string): string {
  return `${key.eventId}/${key.name}/${relayId}`;
}

export function parseNoteStored(message: string): { eventId: string; name: string; relayId: string } | undefined {
  const [eventId, name, relayId] = message.split('/');
  return eventId && name && relayId ? { eventId, name, relayId } : undefined;
}

export async function storeNoteState(sql: Sql, key: NoteKey, state: Uint8Array, relayId = ''): Promise<void> {
  await asOrganizations(sql, [key.organizationId], async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`note:${key.eventId}/${key.name}`}, 0))`;
    const [row] = await tx<{ state: Buffer }[]>`
      SELECT state FROM note_documents WHERE event_id = ${key.eventId} AND name = ${key.name}`;
    const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state;
    await tx`
      INSERT INTO note_documents (organization_id, event_id, name, state, updated_at)
      VALUES (${key.organizationId}, ${key.eventId}, ${key.name}, ${Buffer.from(merged)}, now())
      ON CONFLICT (event_id, name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`;
    // delivered at commit, to every relay listening (none on embedded PGlite, which is one relay)
    await tx`SELECT pg_notify(${NOTES_CHANNEL}, ${noteStoredMessage(key, relayId)})`;
  });
}
