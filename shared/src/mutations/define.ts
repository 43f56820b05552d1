// A named mutation: what the user meant (name + arguments), who may do it, and how it changes
// rows. One definition serves both sides of the write path:
// - the desktop plans it against its replica (synced rows + its own pending edits) and shows the
//   result at once, before the relay has heard of it;
// - the relay plans it again against PostgreSQL, inside the transaction that applies it, so the
//   rules are checked against the truth, not against what one device believed.
//
// A plan reads through a RowReader and returns RowWrites; it never runs SQL itself. That is what
// lets one function run on PGlite and on PostgreSQL, and lets the desktop keep optimistic writes
// apart from synced rows (they go to an overlay, see desktop/src/core/outbox).
import type { z } from 'zod';
import type { Role } from '../roles.js';

/** A row as both databases give it to a plan: to_jsonb() of the row (ISO strings, numbers). */
export type Row = Record<string, unknown>;

/**
 * The tables a plan may read and write. organization_id is added by the reader and writer; the
 * organization itself (`organizations`, keyed by its id) may only be read and updated.
 */
export type MutableTable =
  | 'organizations'
  | 'events'
  | 'deal_terms'
  | 'event_tasks'
  | 'event_requests'
  | 'decision_logs'
  | 'holds'
  | 'memberships'
  | 'invitations'
  | 'venues'
  | 'task_templates'
  | 'settlement_lines'
  | 'guest_lists'
  | 'guest_list_entries'
  | 'check_ins'
  | 'confirmation_sends';

/** Reads rows of the caller's organization only: a plan cannot see another tenant's rows. */
export interface RowReader {
  /** the row with this id, or undefined */
  get(table: MutableTable, id: string): Promise<Row | undefined>;
  /** the rows whose columns equal these values, ordered by `orderBy` (a column name) then id */
  where(table: MutableTable, equals: Readonly<Record<string, unknown>>, orderBy?: string): Promise<Row[]>;
}

export type RowWrite =
  /** `row` holds every column the insert sets, its id included; organization_id is added */
  | { readonly op: 'insert'; readonly table: MutableTable; readonly row: Row }
  /** only the columns in `set` change: concurrent edits of other fields are kept */
  | { readonly op: 'update'; readonly table: MutableTable; readonly id: string; readonly set: Row }
  | { readonly op: 'delete'; readonly table: MutableTable; readonly id: string };

/**
 * Work the relay enqueues in the jobs table in the same transaction as the rows (an email to the
 * requester, a document to draw). Relay-private: the desktop plans it and ignores it.
 */
export interface JobRequest {
  readonly op: 'enqueue';
  readonly kind: string;
  readonly payload: Row;
}

export type PlannedWrite = RowWrite | JobRequest;

export const isRowWrite = (write: PlannedWrite): write is RowWrite => write.op !== 'enqueue';

export interface MutationContext {
  readonly organizationId: string;
  readonly userId: string;
  readonly role: Role;
  /** when the user did it (the device's clock when it was recorded) */
  readonly at: string;
}

/**
 * A domain rule the mutation breaks, in words for the person who made the edit: "this hold was
 * released by someone else". The relay refuses the mutation with this reason; the desktop
 * refuses it before queueing when it already knows.
 */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  constructor(
    message: string,
    /** forbidden: the rule is about who may do it (a manager changing an owner's role), refused as
     * the gate refuses a role; rule: anything else */
    readonly code: 'rule' | 'forbidden' = 'rule',
  ) {
    super(message);
  }
}

export interface MutationDefinition<Args extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly args: Args;
  /** the lowest role that may run it */
  readonly minimumRole: Role;
  /**
   * A role rule that depends on the arguments alone (a manager may invite STAFF but not an OWNER):
   * the reason a role that reaches minimumRole may still not make this edit, or undefined. Run by
   * the gate on both sides; rules that depend on rows (the member's current role) are the plan's.
   */
  refuseRole?(args: z.output<Args>, role: Role): string | undefined;
  /** what the user meant, in their words, for the "needs attention" list */
  describe(args: z.output<Args>): string;
  /** the row the edit is about: the audit log's entity, even when the plan changes nothing */
  subject(args: z.output<Args>, context: MutationContext): { readonly table: MutableTable; readonly id: string };
  /** the row changes; throws RuleViolation when a rule forbids it */
  plan(args: z.output<Args>, context: MutationContext, read: RowReader): Promise<PlannedWrite[]>;
}

export function defineMutation<Args extends z.ZodType>(definition: MutationDefinition<Args>): MutationDefinition<Args> {
  return definition;
}

/** The row or a RuleViolation that names what is missing. */
export async function mustGet(read: RowReader, table: MutableTable, id: string, what: string): Promise<Row> {
  const row = await read.get(table, id);
  if (!row) throw new RuleViolation(`${what} no longer exists`);
  return row;
}
