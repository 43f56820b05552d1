// Names and messages of the ElectricSQL shape protocol (docs/shape-protocol.md).
//
// Offsets: `<seq>_inf`, where seq is the change log's commit sequence number: "every change
// of every transaction up to and including seq". The unmodified client treats offsets as
// opaque strings and compares them as (a, b) tuples; `inf` is what Electric itself uses for
// "the whole of a", so our offsets order the same way under either reading.

export const electricHeaders = [
  'electric-handle',
  'electric-offset',
  'electric-schema',
  'electric-cursor',
  'electric-up-to-date',
];

export type Offset =
  { readonly kind: 'start' } | { readonly kind: 'now' } | { readonly kind: 'at'; readonly seq: number };

const OFFSET = /^(\d{1,15})_(inf|\d{1,15})$/;

export function parseOffset(raw: string): Offset | undefined {
  if (raw === '-1') return { kind: 'start' };
  if (raw === 'now') return { kind: 'now' };
  const match = OFFSET.exec(raw);
  if (!match) return undefined;
  return { kind: 'at', seq: Number(match[1]) };
}

export function formatOffset(seq: number): string {
  return `${seq}_inf`;
}

export function upToDateMessage(head: number): string {
  return `{"headers":{"control":"up-to-date","global_last_seen_lsn":"${head}"}}`;
}

export const mustRefetchBody = '[{"headers":{"control":"must-refetch"}}]';

/** The key Electric gives a row: `"schema"."table"/"pk"`. */
export function rowKey(table: string, id: string): string {
  return `"public"."${table}"/"${id}"`;
}

/** Changes cursor for live responses: only busts caches, its value carries no meaning. */
export function liveCursor(now = Date.now()): string {
  return String(Math.floor(now / 20_000));
}
