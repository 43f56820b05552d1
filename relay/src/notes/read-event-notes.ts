// The notes of an event as plain text and rows, for the day sheet PDF: what PostgreSQL holds
// (a relay stores open rooms within seconds of the last edit; stop() flushes them).
import * as Y from 'yjs';
import {
  ADVANCE_NOTES_TEXT,
  RUN_OF_SHOW_ROWS,
  byRunningOrder,
  type NoteName,
  type RunOfShowRow,
} from '@promoteros/shared/notes';
import type { Queries } from '../db/as-organizations.js';

export interface EventNotes {
  readonly advanceNotes: string;
  /** in running order: by time (HH:MM, venue time), rows without a time last */
  readonly runOfShow: Array<{ at: string; item: string }>;
}

export async function readEventNotes(sql: Queries, eventId: string): Promise<EventNotes> {
  const rows = await sql<{ name: NoteName; state: Buffer }[]>`
    SELECT name, state FROM note_documents WHERE event_id = ${eventId}`;
  const docOf = (name: NoteName) => {
    const doc = new Y.Doc();
    const row = rows.find((r) => r.name === name);
    if (row) Y.applyUpdate(doc, new Uint8Array(row.state));
    return doc;
  };
  const notes = docOf('ADVANCE_NOTES');
  const show = docOf('RUN_OF_SHOW');
  try {
    return {
      advanceNotes: notes.getText(ADVANCE_NOTES_TEXT).toString(),
      runOfShow: byRunningOrder(runOfShowRows(show)).map(({ at, item }) => ({ at, item })),
    };
  } finally {
    notes.destroy();
    show.destroy();
  }
}

/** the rows of a run-of-show document as written (not sorted) */
export function runOfShowRows(doc: Y.Doc): RunOfShowRow[] {
  return doc
    .getArray<Y.Map<unknown>>(RUN_OF_SHOW_ROWS)
    .toArray()
    .filter((row): row is Y.Map<unknown> => row instanceof Y.Map)
    .map((row) => ({ at: String(row.get('at') ?? ''), item: String(row.get('item') ?? '') }));
}
