// A user's edit, made local: planned against the replica's views, its writes laid over the synced
// rows and the mutation put in the outbox, all in one PGlite transaction. Either the edit is
// visible and queued (and survives a crash from the next instant on), or neither.
import type { PGlite } from '@electric-sql/pglite';
import type { MutationContext, MutationDefinition } from '@promoteros/shared/mutations';
import { pendingWriteOf, refoldOverlay, type RowKey } from './overlay.js';
import { replicaReader } from './replica-reader.js';

export interface RecordedMutation {
  readonly id: string;
  /** the synced tables whose views now show the edit */
  readonly tables: readonly string[];
}

/** every uuid-looking string in the arguments: the rows this mutation names */
function namedIds(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) namedIds(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) namedIds(item, into);
  }
  return into;
}

export async function recordMutation(
  db: PGlite,
  definition: MutationDefinition,
  args: unknown,
  context: MutationContext,
  id: string = crypto.randomUUID(),
): Promise<RecordedMutation> {
  // throws a ZodError the caller turns into an invalid_arguments answer
  const parsed: unknown = definition.args.parse(args);
  return db.transaction(async (tx) => {
    const writes = await definition.plan(parsed, context, replicaReader(tx, context.organizationId));
    // it builds on rows that earlier pending mutations create: if the relay refuses one of
    // those, it refuses this one too rather than fail on a row that never existed
    const { rows: after } = await tx.query<{ mutation_id: string }>(
      `SELECT DISTINCT w.mutation_id FROM _pending_writes w
         JOIN _outbox o ON o.id = w.mutation_id AND o.state = 'PENDING'
        WHERE w.op = 'insert' AND w.row_id = ANY($1::uuid[])`,
      [[...namedIds(parsed)]],
    );
    const {
      rows: [entry],
    } = await tx.query<{ seq: string }>(
      `INSERT INTO _outbox (id, organization_id, user_id, name, args, at, after_ids, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq::text`,
      [
        id,
        context.organizationId,
        context.userId,
        definition.name,
        JSON.stringify(args),
        context.at,
        after.map((a) => a.mutation_id),
        definition.describe(parsed),
      ],
    );
    const keys: RowKey[] = [];
    for (const [position, write] of writes.entries()) {
      const pending = pendingWriteOf(write, context.organizationId);
      keys.push(pending.key);
      await tx.query(
        `INSERT INTO _pending_writes (mutation_id, position, outbox_seq, table_name, row_id, op, patch)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, position, entry!.seq, pending.key.table, pending.key.id, pending.op, JSON.stringify(pending.patch)],
      );
    }
    await refoldOverlay(tx, keys);
    return { id, tables: [...new Set(keys.map((k) => k.table))] };
  });
}
