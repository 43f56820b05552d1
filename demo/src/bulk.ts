// One large organization for the sync benchmark: its synced tables hold `rows` rows in total,
// spread like a busy venue group's (mostly tasks, guest list entries and check-ins), written
// set-wise with generate_series (bulk-statements.ts) so that 100,000 rows take seconds, not
// minutes.
import { randomBytes, randomUUID } from 'node:crypto';
import { syncedTables } from '@promoteros/shared';
import { type Sql, hashSessionToken, newSessionToken } from '@promoteros/relay';
import { bulkStatements, bulkVenues, fillerStatement, TEMPLATES } from './bulk-statements.js';

export interface BulkOrganizationOptions {
  /** about how many synced rows the organization should hold (at least ROWS_PER_EVENT + 13) */
  readonly rows: number;
}

export interface BulkOrganization {
  readonly organizationId: string;
  readonly venueIds: readonly string[];
  readonly events: number;
  /** the organization's OWNER, with a working bearer session token */
  readonly owner: {
    readonly userId: string;
    readonly email: string;
    readonly token: string;
    readonly sessionId: string;
  };
  /** rows per synced table, and their sum */
  readonly counts: Readonly<Record<string, number>>;
  readonly total: number;
}

// Rows each event brings: the event, 3 requests, 9 decision logs, 2 holds, 1 deal,
// 6 settlement lines, 8 tasks, 2 guest lists, 20 entries, 14 check-ins, 2 audit entries.
export const ROWS_PER_EVENT = 68;
// organization + 3 venues + 1 membership + the task templates
const FIXED_ROWS = 1 + 3 + 1 + TEMPLATES;

export async function seedBulkOrganization(sql: Sql, options: BulkOrganizationOptions): Promise<BulkOrganization> {
  const { rows } = options;
  if (!Number.isSafeInteger(rows) || rows < FIXED_ROWS + ROWS_PER_EVENT) {
    throw new RangeError(`rows must be a whole number of at least ${FIXED_ROWS + ROWS_PER_EVENT}, got ${rows}`);
  }
  const events = Math.floor((rows - FIXED_ROWS) / ROWS_PER_EVENT);
  // the last few rows are audit entries, so the total comes out exact
  const filler = rows - FIXED_ROWS - events * ROWS_PER_EVENT;
  const organizationId = randomUUID();
  const venueIds = bulkVenues.map(() => randomUUID());
  const suffix = randomBytes(4).toString('hex');
  const email = `bulk-owner-${suffix}@bench.test`;
  const token = newSessionToken();

  const owner = await sql.begin(async (tx) => {
    const fixed = await insertFixedRows(tx as unknown as Sql, { organizationId, venueIds, suffix, email, token });
    // the statements name their inputs $1…$5; all are ids and counts made here, so they are
    // written in as literals (one statement, no parameter bookkeeping)
    const inputs = [
      `'${organizationId}'`,
      String(events),
      `'{${venueIds.join(',')}}'`,
      `'${fixed.userId}'`,
      String(filler),
    ];
    for (const text of filler > 0 ? [...bulkStatements, fillerStatement] : bulkStatements) {
      await tx.unsafe(text.replace(/\$(\d)\b/g, (_, n: string) => inputs[Number(n) - 1]!));
    }
    return fixed;
  });

  const counts = await countSyncedRows(sql, organizationId);
  return {
    organizationId,
    venueIds,
    events,
    owner: { userId: owner.userId, email, token, sessionId: owner.sessionId },
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

/** The organization, its venues, and its OWNER with a session for `token`. */
async function insertFixedRows(
  tx: Sql,
  ids: { organizationId: string; venueIds: readonly string[]; suffix: string; email: string; token: string },
): Promise<{ userId: string; sessionId: string }> {
  const { organizationId, venueIds, suffix, email, token } = ids;
  await tx`INSERT INTO organizations (id, slug, name) VALUES (${organizationId}, ${`bulk-${suffix}`}, 'Bulk Venue Group')`;
  for (const [i, v] of bulkVenues.entries()) {
    await tx`INSERT INTO venues (id, organization_id, slug, name, timezone, capacity)
               VALUES (${venueIds[i]!}, ${organizationId}, ${`bulk-venue-${i + 1}`}, ${v.name}, ${v.tz}, ${v.capacity})`;
  }
  const [user] = await tx<{ id: string }[]>`
      INSERT INTO users (email, display_name) VALUES (${email}, 'Bulk Owner') RETURNING id`;
  const userId = user!.id;
  await tx`INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
             VALUES (${organizationId}, ${userId}, 'OWNER', '', '')`;
  const [session] = await tx<{ id: string }[]>`
      INSERT INTO sessions (user_id, token_hash, device_name, expires_at)
      VALUES (${userId}, ${hashSessionToken(token)}, 'sync benchmark', now() + interval '7 days') RETURNING id`;
  return { userId, sessionId: session!.id };
}

/** rows per synced table of the organization */
async function countSyncedRows(sql: Sql, organizationId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of syncedTables) {
    const [row] = await sql.unsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${table.name} WHERE ${table.organizationColumn} = $1`,
      [organizationId],
    );
    counts[table.name] = row!.n;
  }
  return counts;
}
