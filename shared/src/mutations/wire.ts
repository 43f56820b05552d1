// POST /v1/mutations: what a device sends and what the relay answers. Both sides parse with
// these schemas, so a change here is a change to both.
import { z } from 'zod';
import { uuid } from '../entities/fields.js';

/** the most mutations one request may carry; a device with more sends several, in order */
export const MAX_MUTATIONS_PER_BATCH = 200;

export const MutationEnvelope = z.object({
  /** made by the device; a replay with the same id gets the first answer and changes nothing */
  id: uuid,
  name: z.string().min(1).max(100),
  args: z.unknown(),
  /** when the user did it, on the device's clock */
  at: z.iso.datetime({ offset: true }),
  /** earlier mutations of this device that this one builds on (a task edited after it was
   * added): if one of them was refused, so is this one */
  after: z.array(uuid).max(MAX_MUTATIONS_PER_BATCH).default([]),
});
export type MutationEnvelope = z.input<typeof MutationEnvelope>;

export const MutationBatch = z.object({
  organizationId: uuid,
  mutations: z.array(MutationEnvelope).min(1).max(MAX_MUTATIONS_PER_BATCH),
});
export type MutationBatch = z.input<typeof MutationBatch>;

export const RefusalCode = z.enum([
  /** the arguments do not match the mutation's schema */
  'invalid_arguments',
  /** no mutation has this name (a newer app than the relay, or a bad client) */
  'unknown_mutation',
  /** not a member of the organization, or the role may not do this */
  'forbidden',
  /** a domain rule refuses it (RuleViolation), e.g. the hold was released meanwhile */
  'rule',
  /** an earlier mutation it builds on was refused */
  'depends_on_refused',
  /** the id was already used for a different mutation */
  'id_reused',
]);
export type RefusalCode = z.infer<typeof RefusalCode>;

export const MutationResult = z.discriminatedUnion('outcome', [
  z.object({
    id: uuid,
    outcome: z.literal('APPLIED'),
    /** PostgreSQL's transaction id (32-bit xid), as the shape stream's headers.txids carry it */
    txid: z.string(),
    /** the change-log sequence the transaction committed as; null when it changed no rows */
    seq: z.string().nullable(),
    /** the synced tables the transaction wrote */
    tables: z.array(z.string()),
  }),
  z.object({ id: uuid, outcome: z.literal('REFUSED'), code: RefusalCode, reason: z.string() }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const MutationBatchResult = z.object({ results: z.array(MutationResult) });
export type MutationBatchResult = z.infer<typeof MutationBatchResult>;
