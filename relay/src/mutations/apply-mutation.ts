// A device's batch, start to finish, in one transaction, each mutation in its own savepoint:
//   1. the ledger: a mutation id seen before gets its first answer again (or id_reused);
//   2. the gate: a known name, valid arguments, a member whose role (read now, not at sign-in)
//      may do it (gateMutation, shared with the device), and no refused mutation it builds on; a
//      refusal is recorded in the ledger;
//   3. the plan, run against the organization's rows under lock, its writes, one audit row and
//      the ledger row, all in one savepoint, committed with the batch. A RuleViolation or an
//      error of the mutation's own making (isMutationFault: a broken constraint, a value a column
//      cannot hold) undoes all of it and is recorded as a refusal instead, in the same
//      transaction: sending it again could not succeed.
// A refusal is recorded in a savepoint of its own, and what it records of the input is escaped
// where PostgreSQL could not store it: recording a refusal never fails the batch.
// Anything else (the database went away) is thrown: nothing of the batch is committed, and the
// device sends it again.
//
// Why one transaction per batch and not per mutation: a device coming back online sends its
// backlog, hundreds of edits; a commit each (a WAL flush each) makes that several times slower
// than the same edits written straight to PostgreSQL, and a batch half committed when the relay
// dies is a state the device must then untangle. All of a batch's mutations share a txid, which
// is what the shape stream then shows for all of them.
import type { z } from 'zod';
import type postgres from 'postgres';
import { escapeUnstorable, storableJson, type Role } from '@promoteros/shared';
import {
  findMutation,
  gateMutation,
  isRowWrite,
  RuleViolation,
  type MutationDefinition,
  type MutationEnvelope,
  type MutationResult,
  type RefusalCode,
} from '@promoteros/shared/mutations';
import type { Sql } from '../db/database.js';
import { setOrganizations } from '../db/as-organizations.js';
import { PgRowReader } from './pg-row-reader.js';
import { enqueueJob, writeRow } from './row-writer.js';
import { constraintReason, isLedgerRace, isMutationFault, isRetryable } from './constraint-reason.js';
import {
  answerOf,
  findEntries,
  isSameMutation,
  recordApplied,
  recordRefusal,
  refusedAmong,
  type LedgerEntry,
  type LedgerScope,
} from './ledger.js';

/** a mutation as the route parsed it (`after` defaulted) */
export type Envelope = z.output<typeof MutationEnvelope>;

/** What happened, for the answer and the metrics. */
export interface Applied {
  readonly result: MutationResult;
  /** applied | replayed | the refusal code */
  readonly outcome: 'applied' | 'replayed' | RefusalCode;
}

/** An organization's batches queue behind this lock (key space apart from the change log's); so
 * does anything else that changes its holds by rule (relay/src/holds). Taken as
 * pg_advisory_xact_lock(ORGANIZATION_LOCK_CLASS, hashtext(organization id)). */
export const ORGANIZATION_LOCK_CLASS = 72504143;
const ATTEMPTS = 3;

type Step =
  | { readonly kind: 'replay'; readonly entry: LedgerEntry }
  | { readonly kind: 'refused'; readonly code: RefusalCode; readonly reason: string }
  | { readonly kind: 'applied'; readonly entry: LedgerEntry };

/** The membership role, read in the batch's transaction: a demotion counts from its commit. */
async function currentRole(tx: postgres.TransactionSql, scope: LedgerScope): Promise<Role | undefined> {
  // Not locked: plans may lock membership rows FOR UPDATE (assignees), and a shared lock taken
  // here by two requests of the same person would deadlock them there.
  const [membership] = await tx.unsafe<{ role: Role }[]>(
    `SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`,
    [scope.organizationId, scope.userId],
  );
  return membership?.role;
}

export async function applyBatch(
  sql: Sql,
  scope: LedgerScope,
  envelopes: readonly Envelope[],
  /** the registry; tests pass definitions of their own to reach failures no real mutation has */
  find: (name: string) => MutationDefinition | undefined = findMutation,
): Promise<Applied[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const steps = await sql.begin(async (tx) => {
        // first: row-level security shows this batch the rows of its organization and no other
        // (a caller who is not a member finds no membership below and is refused)
        await setOrganizations(tx, isOrganizationId(scope.organizationId) ? [scope.organizationId] : []);
        // plans read timestamps as ISO strings with offset; one zone makes them the same on every relay
        await tx.unsafe(`SET LOCAL TimeZone = 'UTC'`);
        // One organization's batches apply one at a time. Row locks alone cannot protect rules
        // over rows that do not exist yet: two devices placing a hold on the same empty date
        // would both read "no holds" and both take rank 1. A venue group's edit rate is far below
        // what one writer at a time sustains, and organizations still apply in parallel. It also
        // makes a replayed id wait for the batch that is recording it.
        await tx.unsafe(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [
          ORGANIZATION_LOCK_CLASS,
          scope.organizationId,
        ]);
        const known = await findEntries(
          tx,
          envelopes.map((e) => e.id),
        );
        let role = await currentRole(tx, scope);
        const done: Step[] = [];
        for (const envelope of envelopes) {
          const step = await applyInTransaction(tx, scope, envelope, known, role, find);
          if (step.kind === 'applied') known.set(envelope.id, step.entry);
          // a member who left, or lowered their own role, earlier in the batch makes the rest of
          // it with the role they have now
          if (step.kind === 'applied' && tablesOf(step.entry).includes('memberships'))
            role = await currentRole(tx, scope);
          done.push(step);
        }
        return done;
      });
      return await answers(sql, envelopes, steps);
    } catch (error) {
      // a racing request recorded an id first (the organization lock leaves only another
      // organization reusing an id): the next attempt finds its entry; a deadlock wrote nothing
      if (attempt < ATTEMPTS && (isLedgerRace(error) || isRetryable(error))) continue;
      throw error;
    }
  }
}

/** One mutation on its own, in a batch of one. */
export async function applyMutation(
  sql: Sql,
  scope: LedgerScope,
  envelope: Envelope,
  find: (name: string) => MutationDefinition | undefined = findMutation,
): Promise<Applied> {
  const [applied] = await applyBatch(sql, scope, [envelope], find);
  return applied!;
}

async function answers(sql: Sql, envelopes: readonly Envelope[], steps: readonly Step[]): Promise<Applied[]> {
  // the batch's applied mutations share one transaction: one look-up of its seq serves them all
  const byTxid = new Map<string, Promise<MutationResult>>();
  return Promise.all(
    steps.map(async (step, index): Promise<Applied> => {
      const id = envelopes[index]!.id;
      if (step.kind === 'refused') {
        return { result: { id, outcome: 'REFUSED', code: step.code, reason: step.reason }, outcome: step.code };
      }
      if (step.entry.outcome === 'REFUSED' || !step.entry.txid) {
        return { result: await answerOf(sql, step.entry), outcome: step.kind === 'replay' ? 'replayed' : 'applied' };
      }
      let shared = byTxid.get(step.entry.txid);
      if (!shared) byTxid.set(step.entry.txid, (shared = answerOf(sql, step.entry)));
      const { seq, txid } = (await shared) as Extract<MutationResult, { outcome: 'APPLIED' }>;
      return {
        result: { id, outcome: 'APPLIED', txid, seq, tables: tablesOf(step.entry) },
        outcome: step.kind === 'replay' ? 'replayed' : 'applied',
      };
    }),
  );
}

function tablesOf(entry: LedgerEntry): string[] {
  const tables = entry.result.tables;
  return Array.isArray(tables) ? tables.map(String) : [];
}

async function applyInTransaction(
  tx: postgres.TransactionSql,
  scope: LedgerScope,
  envelope: Envelope,
  known: ReadonlyMap<string, LedgerEntry>,
  role: Role | undefined,
  find: (name: string) => MutationDefinition | undefined,
): Promise<Step> {
  const entry = known.get(envelope.id);
  if (entry) {
    if (isSameMutation(entry, scope, envelope.name)) return { kind: 'replay', entry };
    // not recorded: the id already stands for the other mutation
    return {
      kind: 'refused',
      code: 'id_reused',
      reason: 'this mutation id was already used for a different mutation: the device must make a new id',
    };
  }

  const refuse = (code: RefusalCode, reason: string) => recordRefused(tx, scope, envelope, code, reason);

  const definition = find(envelope.name);
  if (!definition) {
    return refuse(
      'unknown_mutation',
      `the relay knows no mutation called “${escapeUnstorable(envelope.name)}” (is the relay older than the app?)`,
    );
  }
  const gate = gateMutation(definition, envelope.args, role);
  if (!gate.passed) return refuse(gate.code, gate.reason);

  const [refused] = await refusedAmong(tx, envelope.after);
  if (refused) {
    return refuse(
      'depends_on_refused',
      `it builds on an earlier change (${refused.name} ${refused.id}) that was refused`,
    );
  }

  // the mutation's whole effect in one savepoint: its writes, its audit row and its ledger entry
  // stay together or go together
  try {
    const entry = await tx.savepoint(async (sp) => {
      const tables = await planAndWrite(sp, scope, envelope, definition, gate.args, gate.role);
      return recordApplied(sp, scope, envelope, tables);
    });
    return { kind: 'applied', entry };
  } catch (error) {
    const reason = refusalReason(error);
    if (reason === undefined) throw error;
    // a rule about who may do it (a manager changing an owner) is refused as the gate refuses a role
    return refuse(error instanceof RuleViolation ? error.code : 'rule', reason);
  }
}

/**
 * Records a refusal in a savepoint of its own, so that a refusal that cannot be recorded never
 * fails the batch: then a plainer entry is tried (no arguments, a general reason), and failing
 * that the mutation is answered REFUSED unrecorded (a resend decides it again, the same way).
 */
async function recordRefused(
  tx: postgres.TransactionSql,
  scope: LedgerScope,
  envelope: Envelope,
  code: RefusalCode,
  reason: string,
): Promise<Step> {
  const refused: Step = { kind: 'refused', code, reason };
  try {
    await tx.savepoint((sp) => recordRefusal(sp, scope, envelope, code, reason));
    return refused;
  } catch (error) {
    if (!isMutationFault(error)) throw error;
  }
  const plain = { id: envelope.id, name: escapeUnstorable(envelope.name), args: { unrecorded: 'could not be stored' } };
  try {
    await tx.savepoint((sp) =>
      recordRefusal(sp, scope, plain, code, `refused (${code}); the details could not be stored`),
    );
  } catch (error) {
    if (!isMutationFault(error)) throw error;
  }
  return refused;
}

/** The reason a failed plan or write is refused with; undefined when it is not the mutation's fault. */
function refusalReason(error: unknown): string | undefined {
  if (error instanceof RuleViolation) return error.message;
  if (!isMutationFault(error)) return undefined;
  if (error.code.startsWith('23')) return constraintReason(error);
  // a value the column cannot hold (too long, out of range, a NUL): sending it again will not help
  return `a value cannot be stored: ${error.message}`;
}

/** Runs the plan and its writes; returns the synced tables written, the audit log included. */
async function planAndWrite(
  sp: postgres.TransactionSql,
  scope: LedgerScope,
  envelope: Envelope,
  definition: MutationDefinition,
  args: unknown,
  role: Role,
): Promise<string[]> {
  const context = { organizationId: scope.organizationId, userId: scope.userId, role, at: envelope.at };
  const writes = await definition.plan(args, context, new PgRowReader(sp, scope.organizationId));
  for (const write of writes) {
    if (isRowWrite(write)) await writeRow(sp, scope.organizationId, write);
    else await enqueueJob(sp, scope.organizationId, write);
  }
  // every applied mutation is audited, also one that found nothing to change (the task was
  // already ticked off): the log says who did what, not only what changed
  const subject = definition.subject(args, context);
  await sp.unsafe(
    `INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
     VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)`,
    [
      scope.organizationId,
      scope.userId,
      envelope.name,
      subject.table,
      subject.id,
      JSON.stringify({ mutationId: envelope.id, args: storableJson(envelope.args) }),
    ],
  );
  return [...new Set([...writes.filter(isRowWrite).map((w) => w.table), 'audit_logs'])];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isOrganizationId = (id: string): boolean => UUID.test(id);
