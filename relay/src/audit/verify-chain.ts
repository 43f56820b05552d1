// Walks an organization's audit chain (migration 0019) from its first entry and reports the first
// thing wrong with it, in words: an entry changed after it was written, an entry missing (deleted),
// an entry out of its place (reordered or slipped in), a chain shorter than an anchor shows it was
// (its tail removed), an anchor it does not match. Every hash is computed again here from the
// entry's content (entry-hash.ts); a stored hash is only ever compared, never believed.
//
// Read in pages by (chain_position, id), so a long log is never held in memory at once; the walk
// is one pass, so it reads the log as it is while it runs (entries appended meanwhile may or may
// not be counted, which changes nothing about the entries before them).
import type { Sql } from '../db/database.js';
import { asOrganizations, type Tx } from '../db/as-organizations.js';
import { entryHash, canonicalTimestamp, GENESIS_HASH, type StoredEntry } from './entry-hash.js';

const PAGE = 2_000;
/** how far either side of its place a changed entry's original place is looked for */
const MOVED_SEARCH = 50_000;

export type ChainProblemKind = 'changed' | 'missing' | 'out_of_order' | 'truncated' | 'anchor_mismatch';

export interface ChainProblem {
  readonly kind: ChainProblemKind;
  /** the chain position where the chain stops being trustworthy */
  readonly position: number;
  /** the entry found there, when there is one */
  readonly entryId: string | null;
  readonly message: string;
}

/** A chain head recorded at a moment: from audit_anchors, or given by an operator (from a log). */
export interface ChainAnchor {
  readonly position: number;
  readonly hash: string;
  /** when the relay anchored it; null for an anchor given on the command line */
  readonly anchoredAt: string | null;
}

export interface ChainReport {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly intact: boolean;
  /** entries verified (all of them when intact; those before the problem otherwise) */
  readonly entries: number;
  /** the last verified entry */
  readonly head: { readonly position: number; readonly hash: string } | null;
  /** the anchor furthest along the chain (anchors ≤ head all matched when intact) */
  readonly lastAnchor: ChainAnchor | null;
  readonly problem: ChainProblem | null;
}

export interface AuditVerification {
  readonly intact: boolean;
  readonly checkedAt: string;
  readonly organizations: readonly ChainReport[];
}

export interface VerifyOptions {
  /** only this organization (the endpoint: the caller's) */
  readonly organizationId?: string;
  /** anchors from elsewhere (the relay's log), checked besides the stored ones */
  readonly anchors?: readonly ChainAnchor[];
}

interface EntryRow {
  id: string;
  position: string | null;
  actor: string | null;
  action: string;
  entity_table: string;
  entity_id: string | null;
  details: string;
  micros: string;
  previous_hash: string | null;
  entry_hash: string | null;
}

/**
 * Every organization's chain (or the one asked for), each on its own, in a read-only snapshot
 * acting for that organization alone (row-level security: relay/src/db/as-organizations.ts).
 * Every organization at once lists them through audit_organizations() (migration 0019), which
 * only the tables' owner may run: `npm run audit:verify` connects as the owner.
 */
export async function verifyAuditChains(sql: Sql, options: VerifyOptions = {}): Promise<AuditVerification> {
  const organizations = options.organizationId
    ? await asOrganizations(
        sql,
        [options.organizationId],
        (tx) => tx<{ id: string; name: string }[]>`
          SELECT id::text, name FROM organizations WHERE id = ${options.organizationId!}`,
      )
    : await sql<{ id: string; name: string }[]>`SELECT id::text, name FROM audit_organizations()`;
  if (options.organizationId && organizations.length === 0) {
    throw new Error(`there is no organization ${options.organizationId}`);
  }
  const reports: ChainReport[] = [];
  for (const organization of organizations) {
    reports.push(
      await asOrganizations(sql, [organization.id], (tx) => verifyChain(tx, organization, options.anchors ?? []), {
        mode: 'ISOLATION LEVEL REPEATABLE READ READ ONLY',
      }),
    );
  }
  return { intact: reports.every((r) => r.intact), checkedAt: new Date().toISOString(), organizations: reports };
}

function toEntry(organizationId: string, row: EntryRow): StoredEntry {
  return {
    id: row.id,
    organizationId,
    chainPosition: Number(row.position),
    actorUserId: row.actor,
    action: row.action,
    entityTable: row.entity_table,
    entityId: row.entity_id,
    details: row.details,
    createdAtMicros: BigInt(row.micros),
    previousHash: row.previous_hash ?? '',
    entryHash: row.entry_hash ?? '',
  };
}

/** "entry 17 (hold.release at 2026-12-03 08:30:26 UTC, id …)" */
function describe(entry: StoredEntry): string {
  const at = canonicalTimestamp(entry.createdAtMicros).slice(0, 19).replace('T', ' ');
  return `entry ${entry.chainPosition} (${entry.action} at ${at} UTC, id ${entry.id})`;
}

/** Where an entry that no longer matches its hash was written, if it verifies at another place. */
function originalPosition(entry: StoredEntry, lastPosition: number): number | undefined {
  const from = Math.max(1, entry.chainPosition - MOVED_SEARCH);
  const to = Math.min(lastPosition, entry.chainPosition + MOVED_SEARCH);
  for (let position = from; position <= to; position++) {
    if (position !== entry.chainPosition && entryHash(entry, position) === entry.entryHash) return position;
  }
  return undefined;
}

async function verifyChain(
  sql: Tx,
  organization: { id: string; name: string },
  given: readonly ChainAnchor[],
): Promise<ChainReport> {
  const organizationId = organization.id;
  const stored = await sql<{ position: string; hash: string; anchored_at: string }[]>`
    SELECT chain_position::text AS position, entry_hash AS hash,
           to_char(anchored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS anchored_at
      FROM audit_anchors WHERE organization_id = ${organizationId}
     ORDER BY chain_position, anchored_at`;
  const anchors: ChainAnchor[] = [
    ...stored.map((a) => ({ position: Number(a.position), hash: a.hash, anchoredAt: a.anchored_at })),
    ...given,
  ].sort((a, b) => a.position - b.position);
  const anchored = new Set(anchors.map((a) => a.position));
  const [bounds] = await sql<{ last: string | null }[]>`
    SELECT max(chain_position)::text AS last FROM audit_logs WHERE organization_id = ${organizationId}`;
  const lastPosition = Number(bounds?.last ?? 0);

  let expected = 1;
  let previous = GENESIS_HASH;
  const hashAt = new Map<number, string>();
  let problem: ChainProblem | null = null;
  let after: { position: string; id: string } = { position: '0', id: '00000000-0000-0000-0000-000000000000' };

  const check = (entry: StoredEntry): ChainProblem | null => {
    const position = entry.chainPosition;
    if (position < expected) {
      return {
        kind: 'out_of_order',
        position,
        entryId: entry.id,
        message: `${describe(entry)} takes a place the chain already filled: it was inserted out of order`,
      };
    }
    if (position > expected) {
      return {
        kind: 'missing',
        position: expected,
        entryId: null,
        message:
          position === expected + 1
            ? `entry ${expected} is missing: it was deleted (the chain goes on at ${position})`
            : `entries ${expected} to ${position - 1} are missing: they were deleted (the chain goes on at ${position})`,
      };
    }
    if (entryHash(entry) !== entry.entryHash) {
      const moved = originalPosition(entry, lastPosition);
      return moved !== undefined
        ? {
            kind: 'out_of_order',
            position,
            entryId: entry.id,
            message: `${describe(entry)} was written as entry ${moved}: the entries were reordered`,
          }
        : {
            kind: 'changed',
            position,
            entryId: entry.id,
            message: `${describe(entry)} was changed after it was written: its content no longer matches its hash`,
          };
    }
    if (entry.previousHash !== previous) {
      return {
        kind: 'missing',
        position,
        entryId: entry.id,
        message: `${describe(entry)} does not follow the entry before it: an entry before it was deleted or replaced`,
      };
    }
    return null;
  };

  walk: for (;;) {
    const rows = await sql<EntryRow[]>`
      SELECT id::text, chain_position::text AS position, actor_user_id::text AS actor, action, entity_table,
             entity_id::text, details::text AS details,
             (extract(epoch FROM created_at) * 1000000)::bigint::text AS micros, previous_hash, entry_hash
        FROM audit_logs
       WHERE organization_id = ${organizationId} AND chain_position IS NOT NULL
         AND chain_position >= ${after.position}::bigint -- where the index takes up the walk
         AND (chain_position, id) > (${after.position}::bigint, ${after.id}::uuid)
       ORDER BY chain_position, id
       LIMIT ${PAGE}`;
    for (const row of rows) {
      const entry = toEntry(organizationId, row);
      problem = check(entry);
      if (problem) break walk;
      previous = entry.entryHash;
      if (anchored.has(expected)) hashAt.set(expected, previous);
      expected += 1;
    }
    if (rows.length < PAGE) break;
    const last = rows.at(-1)!;
    after = { position: last.position!, id: last.id };
  }
  const end = expected - 1;

  if (!problem) problem = await unplacedEntry(sql, organizationId, end);
  if (!problem) problem = anchorProblem(anchors, end, hashAt);

  const lastAnchor = anchors.filter((a) => a.anchoredAt !== null).at(-1) ?? null;
  return {
    organizationId,
    organizationName: organization.name,
    intact: problem === null,
    entries: end,
    head: end > 0 ? { position: end, hash: previous } : null,
    lastAnchor,
    problem,
  };
}

/** An entry with no place in the chain at all (written with the chain's trigger switched off). */
async function unplacedEntry(sql: Tx, organizationId: string, end: number): Promise<ChainProblem | null> {
  const [row] = await sql<{ id: string }[]>`
    SELECT id::text FROM audit_logs
     WHERE organization_id = ${organizationId} AND (chain_position IS NULL OR entry_hash IS NULL)
     ORDER BY created_at, id LIMIT 1`;
  if (!row) return null;
  return {
    kind: 'out_of_order',
    position: end + 1,
    entryId: row.id,
    message: `entry ${row.id} has no place in the chain: it was inserted without being chained`,
  };
}

function anchorProblem(
  anchors: readonly ChainAnchor[],
  end: number,
  hashAt: ReadonlyMap<number, string>,
): ChainProblem | null {
  const when = (anchor: ChainAnchor) =>
    anchor.anchoredAt
      ? `the anchor of ${anchor.anchoredAt.replace('T', ' ').replace('Z', ' UTC')}`
      : 'the given anchor';
  for (const anchor of anchors) {
    if (anchor.position > end) {
      const furthest = anchors.at(-1)!;
      return {
        kind: 'truncated',
        position: end + 1,
        entryId: null,
        message: `the chain ends at entry ${end}, but ${when(furthest)} shows it reached entry ${furthest.position}: entries after ${end} were removed`,
      };
    }
    if (hashAt.get(anchor.position) !== anchor.hash) {
      return {
        kind: 'anchor_mismatch',
        position: anchor.position,
        entryId: null,
        message: `entry ${anchor.position} does not match ${when(anchor)}: the chain was rewritten up to there`,
      };
    }
  }
  return null;
}
