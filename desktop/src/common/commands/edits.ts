// Every change a member makes, through the outbox: shown at once, uploaded in order, and brought
// back with the relay's reason if it is refused.
import { z } from 'zod';
import { MutationRunArgs } from './mutation-run.js';
import { Id } from './fields.js';
import type { CommandDeclarations } from './declaration.js';

/** A refused edit, kept until the user retries or discards it. */
export const NeedsAttention = z.object({
  mutationId: z.string(),
  /** the mutation's name, e.g. task.update */
  name: z.string(),
  /** what the user meant, in their words */
  description: z.string(),
  /** the arguments it was made with, for an edit-and-retry form */
  args: z.unknown(),
  code: z.string(),
  /** the relay's reason */
  reason: z.string(),
  /** when the user made it */
  at: z.string(),
});

export const OutboxCounts = z.object({
  /** edits made on this device and not yet seen back from the relay */
  pending: z.number().int(),
  /** refused edits waiting for the user */
  refused: z.number().int(),
  /** why uploading fails, while it does */
  uploadProblem: z.string().optional(),
});

/** What opening the organization had to repair after an unexpected shutdown (docs/durability.md). */
export const RecoveryNotice = z.object({
  /** one sentence for the user */
  message: z.string(),
  /** edits saved on this computer that were queued again */
  replayedEdits: z.number().int(),
  /** where a damaged copy of the organization was moved (kept, never deleted) */
  movedAside: z.string().optional(),
  /** why it was */
  reason: z.string().optional(),
});

export const editCommands = {
  /**
   * An edit (a named mutation from shared/src/mutations): visible in every query at once, kept
   * in the outbox, uploaded when the relay is there. Refused at once (invalid_arguments,
   * forbidden, rule) when the device already knows it cannot be made.
   */
  'mutation.run': {
    args: MutationRunArgs,
    result: z.object({ mutationId: z.string() }),
  },
  'outbox.counts': { args: z.object({}), result: OutboxCounts },
  'outbox.needsAttention': { args: z.object({}), result: z.array(NeedsAttention) },
  /** make a refused edit again, with corrected arguments if given; the refused one goes */
  'outbox.retry': {
    args: z.object({ mutationId: Id, args: z.record(z.string(), z.unknown()).optional() }),
    result: z.object({ mutationId: z.string() }),
  },
  'outbox.discard': { args: z.object({ mutationId: Id }), result: z.object({}) },
  /** what opening the organization repaired, for the shell to tell the user; null when nothing */
  'outbox.recovery': { args: z.object({}), result: RecoveryNotice.nullable() },
} as const satisfies CommandDeclarations;
