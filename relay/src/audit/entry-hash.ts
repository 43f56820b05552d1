// An audit entry's hash, computed here from its content alone, the way migration 0019's
// audit_entry_hash() computes it in the database: verification must not take the database's
// word (or the stored hashes) for it. The bytes are UTF-8 lines: a version tag, organization,
// chain position, id, actor (empty when none), action, entity table, entity id (empty when none),
// details, created_at and the previous entry's hash. Free text carries its length in bytes first
// (`12:hold.release`), so no field can pass for two; details are jsonb's text form (sorted keys,
// one spelling per value); created_at is UTC with microseconds.
import { createHash } from 'node:crypto';

/** the "previous hash" of an organization's first entry */
export const GENESIS_HASH = '0'.repeat(64);

const VERSION = 'promoteros-audit-v1';

/** An entry as stored, read as text so nothing is lost or reformatted on the way. */
export interface StoredEntry {
  readonly id: string;
  readonly organizationId: string;
  readonly chainPosition: number;
  readonly actorUserId: string | null;
  readonly action: string;
  readonly entityTable: string;
  readonly entityId: string | null;
  /** `details::text`: jsonb's canonical text */
  readonly details: string;
  /** created_at as microseconds since 1970 (UTC) */
  readonly createdAtMicros: bigint;
  readonly previousHash: string;
  readonly entryHash: string;
}

/** `2026-12-03T08:30:26.170000Z`: what to_char(created_at AT TIME ZONE 'UTC', …) writes. */
export function canonicalTimestamp(micros: bigint): string {
  const fraction = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const seconds = (micros - fraction) / 1_000_000n;
  const iso = new Date(Number(seconds) * 1000).toISOString(); // 2026-12-03T08:30:26.000Z
  return `${iso.slice(0, 19)}.${fraction.toString().padStart(6, '0')}Z`;
}

const sized = (text: string) => `${Buffer.byteLength(text, 'utf8')}:${text}`;

/** The bytes hashed for an entry at `position` after `previousHash` (by default its stored ones). */
export function canonicalEntry(
  entry: StoredEntry,
  position: number = entry.chainPosition,
  previousHash: string = entry.previousHash,
): string {
  return [
    VERSION,
    entry.organizationId,
    String(position),
    entry.id,
    entry.actorUserId ?? '',
    sized(entry.action),
    sized(entry.entityTable),
    entry.entityId ?? '',
    sized(entry.details),
    canonicalTimestamp(entry.createdAtMicros),
    previousHash,
  ].join('\n');
}

export function entryHash(entry: StoredEntry, position?: number, previousHash?: string): string {
  return createHash('sha256')
    .update(canonicalEntry(entry, position, previousHash), 'utf8')
    .digest('hex');
}
