// The run of show printed on the day sheet comes from the shared notes (relay/src/notes,
// readEventNotes: rows {at, item} edited together in the app). An event whose shared run of show
// is empty falls back to its notes' timed lines, one "HH:MM what" per line, as events were
// written before the shared notes existed.

export interface RunOfShowItem {
  /** HH:MM on the venue's clock */
  readonly at: string;
  readonly item: string;
}

const TIMED_LINE = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*(?:[-–—:|]\s*)?(.+?)\s*$/;

/** Lines of the notes that start with a time ("18:00 Load-in", "9.30 – Curfew"), in running order. */
export function runOfShowFromNotes(notes: string | null): RunOfShowItem[] {
  if (!notes) return [];
  const rows: RunOfShowItem[] = [];
  for (const line of notes.split(/\r?\n/)) {
    const match = TIMED_LINE.exec(line);
    if (match) rows.push({ at: `${match[1]!.padStart(2, '0')}:${match[2]}`, item: match[3]! });
  }
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.at.localeCompare(b.row.at) || a.index - b.index)
    .map(({ row }) => row);
}

/** The notes without the run-of-show lines: what is left to print as notes. */
export function notesBesidesRunOfShow(notes: string | null): string {
  if (!notes) return '';
  return notes
    .split(/\r?\n/)
    .filter((line) => !TIMED_LINE.test(line))
    .join('\n')
    .trim();
}
