// The journal's records, one per line: `<sha256 of the JSON, 16 hex> <JSON>\n`. A line is taken
// only when it is whole and its checksum matches, so the tail of a file cut off by a power cut
// (missing, torn, or filled with zeros or another file's bytes) is never read as an edit.
// Everything before the first bad line was fsync'd before anything after it was acknowledged,
// so reading stops there.
import { createHash } from 'node:crypto';

/** one of the edit's writes to a row, as `_pending_writes` keeps it */
export interface JournalWrite {
  readonly position: number;
  readonly table_name: string;
  readonly row_id: string;
  readonly op: 'insert' | 'update' | 'delete';
  readonly patch: Record<string, unknown>;
}

/** an edit as the outbox queued it: enough to queue it again on a replica that lost it */
export interface JournalEdit {
  readonly id: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly name: string;
  /** the arguments as they were sent (what is uploaded) */
  readonly args: unknown;
  readonly at: string;
  readonly description: string;
  readonly writes: readonly JournalWrite[];
}

export type JournalRecord =
  | { readonly kind: 'edit'; readonly edit: JournalEdit }
  /** the journal no longer needs this edit: the relay applied it, the user discarded it, or it was never queued */
  | { readonly kind: 'settled'; readonly id: string };

const checksum = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 16);

export function encodeRecord(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

export interface DecodedJournal {
  readonly records: JournalRecord[];
  /** bytes of whole, checked records from the start; anything after is a damaged tail */
  readonly validBytes: number;
  readonly totalBytes: number;
}

export function decodeJournal(bytes: Uint8Array): DecodedJournal {
  const records: JournalRecord[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) break;
    const line = Buffer.from(bytes.subarray(start, end)).toString('utf8');
    const record = decodeLine(line);
    if (!record) break;
    records.push(record);
    start = end + 1;
  }
  return { records, validBytes: start, totalBytes: bytes.length };
}

function decodeLine(line: string): JournalRecord | undefined {
  const space = line.indexOf(' ');
  if (space !== 16) return undefined;
  const json = line.slice(17);
  if (checksum(json) !== line.slice(0, 16)) return undefined;
  try {
    const record = JSON.parse(json) as JournalRecord;
    return record.kind === 'edit' || record.kind === 'settled' ? record : undefined;
  } catch {
    return undefined;
  }
}
