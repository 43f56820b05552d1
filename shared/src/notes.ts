// The shared notes of an event: which documents there are and how each is laid out in Yjs.
// The relay (rooms, the day sheet's reader) and the desktop (core and editors) all read and
// write the same shared types, so their names live here, once.

/** the documents every event has, as stored (note_documents.name) */
export const NOTE_NAMES = ['ADVANCE_NOTES', 'RUN_OF_SHOW'] as const;
export type NoteName = (typeof NOTE_NAMES)[number];

/** how a document is named in a room's address: /v1/notes/<eventId>/<slug> */
export const NOTE_SLUGS: Readonly<Record<NoteName, string>> = {
  ADVANCE_NOTES: 'advance-notes',
  RUN_OF_SHOW: 'run-of-show',
};

export function noteNameOfSlug(slug: string): NoteName | undefined {
  return NOTE_NAMES.find((name) => NOTE_SLUGS[name] === slug);
}

/** ADVANCE_NOTES: one Y.Text of this name holds the notes */
export const ADVANCE_NOTES_TEXT = 'text';

/** RUN_OF_SHOW: one Y.Array of this name, each item a Y.Map with the fields below */
export const RUN_OF_SHOW_ROWS = 'rows';
export interface RunOfShowRow {
  /** HH:MM on the show's day, in the venue's timezone */
  readonly at: string;
  readonly item: string;
}

/** a time of day on the venue's clock, 00:00–23:59 */
export const VENUE_TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** the order the run of show is shown in: by time (rows without a valid time last), then as written */
export function byRunningOrder<T extends RunOfShowRow>(rows: readonly T[]): T[] {
  const key = (row: RunOfShowRow) => (VENUE_TIME_OF_DAY.test(row.at) ? row.at : '99:99');
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => key(a.row).localeCompare(key(b.row)) || a.index - b.index)
    .map(({ row }) => row);
}

/** the subprotocol the rooms speak; the session token travels as a second one, `bearer.<token>` */
export const NOTES_PROTOCOL = 'promoteros-notes.v1';
export const NOTES_BEARER_PREFIX = 'bearer.';
