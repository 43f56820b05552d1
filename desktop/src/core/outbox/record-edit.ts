// A user's edit, made local: planned against the replica's views, its writes laid over the synced
// rows and the edit put in the outbox, all in one PGlite transaction. Either the edit is
// visible and queued, or neither. It survives a power cut once the journal has it on disk
// (../journal): the replica itself is never fsync'd.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { isRowWrite, type MutationContext, type MutationDefinition } from '@promoteros/shared/mutations';
import { pendingWriteOf } from './overlay.js';
import { replicaReader } from './replica-reader.js';
import type { JournalEdit, JournalWrite } from '../journal/journal-record.js';

export interface RecordedEdit {
  readonly id: string;
  /** the synced tables whose views now show the edit */
  readonly tables: readonly string[];
}

/** every uuid-looking string in the arguments: the rows this edit names */
export function namedIds(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) namedIds(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) namedIds(item, into);
  }
  return into;
}

/** an edit that passed the gate (gateMutation, shared/src/mutations/gate.ts) */
export interface PassedEdit {
  readonly definition: MutationDefinition;
  /** the arguments as they were sent: what the outbox keeps, uploads (the relay judges what was
   * sent, not this device's reading of it) and retries with */
  readonly sent: unknown;
  /** the same, as the gate parsed them: what the plan reads */
  readonly args: unknown;
}

export async function recordEdit(
  db: PGlite,
  { definition, sent, args }: PassedEdit,
  context: MutationContext,
  id: string = crypto.randomUUID(),
  /**
   * Called inside the transaction once the edit is queued, with the edit as the journal keeps it:
   * the journal's order is then the outbox's order (../journal/edit-journal.ts).
   */
  onQueued?: (edit: JournalEdit) => void,
): Promise<RecordedEdit> {
  return db.transaction(async (tx) => {
    const writes = await definition.plan(args, context, replicaReader(tx, context.organizationId));
    // jobs (emails, documents) are the relay's to enqueue: nothing of them shows here
    const edit: JournalEdit = {
      id,
      organizationId: context.organizationId,
      userId: context.userId,
      name: definition.name,
      args: sent,
      at: context.at,
      description: definition.describe(args),
      writes: writes.filter(isRowWrite).map((write, position) => {
        const pending = pendingWriteOf(write, context.organizationId);
        return {
          position,
          table_name: pending.key.table,
          row_id: pending.key.id,
          op: pending.op,
          patch: pending.patch,
        };
      }),
    };
    await queueEdit(tx, edit, [...namedIds(args)]);
    onQueued?.(edit);
    return { id, tables: [...new Set(edit.writes.map((w) => w.table_name))] };
  });
}

/**
 * Queues an edit with its writes and lays them over the rows: the last step of recording it, and
 * all of replaying it from the journal onto a replica that lost it. `namedRowIds` are the rows
 * its arguments name.
 */
export async function queueEdit(
  tx: Pick<Transaction, 'query'>,
  edit: JournalEdit,
  namedRowIds: readonly string[],
): Promise<void> {
  // One statement queues the edit, keeps its writes and lays them over the rows: the edit
  // must show within a frame, and each statement costs PGlite about a millisecond.
  await tx.query(
    `WITH entry AS (
       INSERT INTO _outbox (id, organization_id, user_id, name, args, at, after_ids, description)
       VALUES ($1, $2, $3, $4, $5, $6,
               -- it builds on rows that earlier pending edits create: if the relay refuses
               -- one of those, it refuses this one too rather than fail on a row never made
               -- (pending writes are those of edits not yet seen back: refused ones have
               -- none left, and naming an applied one does no harm)
               ARRAY(SELECT w.mutation_id FROM _pending_writes w
                      WHERE w.op = 'insert' AND w.row_id = ANY($7::uuid[])),
               $8)
       RETURNING seq
     ), kept AS (
       INSERT INTO _pending_writes (mutation_id, position, outbox_seq, table_name, row_id, op, patch)
       SELECT $1, w.position, entry.seq, w.table_name, w.row_id, w.op, w.patch
         FROM entry, jsonb_to_recordset($9::jsonb) AS w(position int, table_name text, row_id uuid, op text, patch jsonb)
     )
     INSERT INTO _overlay AS o (table_name, row_id, op, patch)
     SELECT f.table_name, f.row_id, f.op, f.patch
       FROM jsonb_to_recordset($10::jsonb) AS f(table_name text, row_id uuid, op text, patch jsonb)
     ON CONFLICT (table_name, row_id) DO UPDATE SET
       -- an update lays its fields over what is pending (an insert stays an insert)
       op = CASE WHEN EXCLUDED.op = 'update' AND o.op <> 'delete' THEN o.op ELSE EXCLUDED.op END,
       patch = CASE WHEN EXCLUDED.op = 'update' AND o.op <> 'delete' THEN o.patch || EXCLUDED.patch
                    ELSE EXCLUDED.patch END`,
    [
      edit.id,
      edit.organizationId,
      edit.userId,
      edit.name,
      JSON.stringify(edit.args),
      edit.at,
      namedRowIds,
      edit.description,
      JSON.stringify(edit.writes),
      JSON.stringify(foldOwnWrites(edit.writes)),
    ],
  );
}

/** The edit's own writes folded per row (one plan may write a row twice), as refoldOverlay would. */
function foldOwnWrites(
  writes: readonly JournalWrite[],
): Array<{ table_name: string; row_id: string; op: string; patch: Record<string, unknown> }> {
  const folded = new Map<string, { table_name: string; row_id: string; op: string; patch: Record<string, unknown> }>();
  for (const write of writes) {
    const key = `${write.table_name}/${write.row_id}`;
    const before = folded.get(key);
    if (write.op === 'update' && before && before.op !== 'delete') before.patch = { ...before.patch, ...write.patch };
    else
      folded.set(key, { table_name: write.table_name, row_id: write.row_id, op: write.op, patch: { ...write.patch } });
  }
  return [...folded.values()];
}
