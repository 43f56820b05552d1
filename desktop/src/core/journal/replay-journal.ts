// Replaying the journal onto a replica: every edit the journal still holds that the replica's
// outbox lacks is queued again, in the journal's order, with the writes the user saw. Edits the
// replica has are left as they are (pending, applied or refused). Uploading a replayed edit the
// relay had already applied is harmless: the relay answers a mutation id it has seen with its
// first answer and changes nothing (relay/src/mutations/ledger.ts).
import type { Transaction } from '@electric-sql/pglite';
import { namedIds, queueEdit } from '../outbox/record-edit.js';
import type { JournalEdit } from './journal-record.js';

export interface ReplayPlan {
  /** the journal's edits the replica lacks, in the journal's order */
  readonly missing: readonly JournalEdit[];
  /**
   * The replica lacks an edit but has one queued after it. A replica reverted by a cut is
   * missing a tail, never a middle: one with holes is damaged, and queueing the missing edits
   * after the later ones would upload them out of the order they were made in.
   */
  readonly holes: boolean;
}

export function planReplay(live: readonly JournalEdit[], present: ReadonlySet<string>): ReplayPlan {
  const missing: JournalEdit[] = [];
  let holes = false;
  for (const edit of live) {
    if (!present.has(edit.id)) missing.push(edit);
    else if (missing.length > 0) holes = true;
  }
  return { missing, holes };
}

export interface Replayed {
  readonly plan: ReplayPlan;
  /** the synced tables whose views changed */
  readonly tables: readonly string[];
}

/** Queues the missing edits (nothing when the replica has holes: it must be rebuilt first). */
export async function replayJournal(tx: Pick<Transaction, 'query'>, live: readonly JournalEdit[]): Promise<Replayed> {
  if (live.length === 0) return { plan: { missing: [], holes: false }, tables: [] };
  const { rows } = await tx.query<{ id: string }>(`SELECT id::text AS id FROM _outbox WHERE id = ANY($1::uuid[])`, [
    live.map((edit) => edit.id),
  ]);
  const plan = planReplay(live, new Set(rows.map((row) => row.id)));
  if (plan.holes) return { plan, tables: [] };
  for (const edit of plan.missing) await queueEdit(tx, edit, [...namedIds(edit.args)]);
  return { plan, tables: [...new Set(plan.missing.flatMap((edit) => edit.writes.map((w) => w.table_name)))] };
}
