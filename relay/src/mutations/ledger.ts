// mutation_ledger: the first answer to each mutation id, kept so that a device sending the same
// mutation again (it never heard the answer, or retries a whole batch) gets that answer and
// changes nothing. Applied mutations keep their transaction id; their seq is looked up in
// change_transactions, which assigns it only at commit.
import type postgres from 'postgres';
import { escapeUnstorable, storableJson, type MutationOutcome } from '@promoteros/shared';
import type { MutationResult, RefusalCode } from '@promoteros/shared/mutations';

type Queryable = Pick<postgres.Sql, 'unsafe'> | Pick<postgres.TransactionSql, 'unsafe'>;

export interface LedgerEntry {
  readonly id: string;
  readonly organization_id: string | null;
  readonly user_id: string | null;
  readonly name: string;
  readonly outcome: MutationOutcome;
  readonly result: Record<string, unknown>;
  /** the xid8 as a decimal string */
  readonly txid: string | null;
}

/** Who recorded a mutation, and in which organization. */
export interface LedgerScope {
  readonly organizationId: string;
  readonly userId: string;
  readonly sessionId: string;
}

/** The entries of these ids, by id: one look-up for a whole batch. */
export async function findEntries(tx: Queryable, ids: readonly string[]): Promise<Map<string, LedgerEntry>> {
  const entries = await tx.unsafe<LedgerEntry[]>(
    `SELECT id, organization_id, user_id, name, outcome, result, txid::text AS txid
       FROM mutation_ledger WHERE id = ANY($1::uuid[])`,
    [`{${ids.join(',')}}`],
  );
  return new Map(entries.map((entry) => [entry.id, entry]));
}

/** Whether a found entry is this mutation sent again, or another mutation under the same id. */
export function isSameMutation(entry: LedgerEntry, scope: LedgerScope, name: string): boolean {
  // a refusal in an organization that does not exist keeps the organization in its result
  const organizationId = entry.organization_id ?? entry.result.organizationId;
  return (
    organizationId === scope.organizationId && entry.user_id === scope.userId && entry.name === escapeUnstorable(name)
  );
}

// What a device sent is recorded as safely as it can be stored: a name, reason or argument holding
// text PostgreSQL cannot store (NUL, a lone surrogate; shared/src/storable-text.ts) is recorded
// escaped, so that recording a refusal of bad input cannot itself fail.

export async function recordRefusal(
  tx: Queryable,
  scope: LedgerScope,
  mutation: { id: string; name: string; args: unknown },
  code: RefusalCode,
  reason: string,
): Promise<void> {
  await tx.unsafe(
    `INSERT INTO mutation_ledger (id, organization_id, user_id, session_id, name, args, outcome, result)
     VALUES ($1, (SELECT id FROM organizations WHERE id = $2::uuid), $3, $4, $5, $6::text::jsonb, 'REFUSED', $7::text::jsonb)`,
    [
      mutation.id,
      scope.organizationId,
      scope.userId,
      scope.sessionId,
      escapeUnstorable(mutation.name),
      JSON.stringify(storableJson(mutation.args)),
      JSON.stringify({ code, reason: escapeUnstorable(reason), organizationId: scope.organizationId }),
    ],
  );
}

/** Records an applied mutation with this transaction's id (the xid8, never wrapping). */
export async function recordApplied(
  tx: Queryable,
  scope: LedgerScope,
  mutation: { id: string; name: string; args: unknown },
  tables: readonly string[],
): Promise<LedgerEntry> {
  const [entry] = await tx.unsafe<LedgerEntry[]>(
    `INSERT INTO mutation_ledger (id, organization_id, user_id, session_id, name, args, outcome, result, txid)
     VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, 'APPLIED', $7::text::jsonb, pg_current_xact_id()::text::bigint)
     RETURNING id, organization_id, user_id, name, outcome, result, txid::text AS txid`,
    [
      mutation.id,
      scope.organizationId,
      scope.userId,
      scope.sessionId,
      escapeUnstorable(mutation.name),
      JSON.stringify(storableJson(mutation.args)),
      JSON.stringify({ tables }),
    ],
  );
  return entry!;
}

/** The ids among these whose mutation was refused. */
export async function refusedAmong(tx: Queryable, ids: readonly string[]): Promise<LedgerEntry[]> {
  if (ids.length === 0) return [];
  return tx.unsafe<LedgerEntry[]>(
    `SELECT id, organization_id, user_id, name, outcome, result, txid::text AS txid
       FROM mutation_ledger WHERE id = ANY($1::uuid[]) AND outcome = 'REFUSED' ORDER BY id`,
    [`{${ids.join(',')}}`],
  );
}

const XID_WRAP = 2n ** 32n;

/** The answer a ledger entry stands for; the same the first time and on every replay. */
export async function answerOf(sql: Queryable, entry: LedgerEntry): Promise<MutationResult> {
  if (entry.outcome === 'REFUSED') {
    return {
      id: entry.id,
      outcome: 'REFUSED',
      code: entry.result.code as RefusalCode,
      reason: String(entry.result.reason),
    };
  }
  const xid8 = entry.txid!;
  const [tx] = await sql.unsafe<{ seq: string | null }[]>(
    `SELECT seq::text AS seq FROM change_transactions WHERE xid = $1::xid8`,
    [xid8],
  );
  return {
    id: entry.id,
    outcome: 'APPLIED',
    // the 32-bit xid, as the shape stream's headers.txids carry it (xid8 without its epoch)
    txid: (BigInt(xid8) % XID_WRAP).toString(),
    seq: tx?.seq ?? null,
    tables: (entry.result.tables as string[] | undefined) ?? [],
  };
}
