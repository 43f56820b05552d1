// What the outbox answers the app with: its counts, the edits waiting for the user, and the
// refusal of an edit the device will not queue.

export interface NeedsAttention {
  readonly mutationId: string;
  readonly name: string;
  readonly description: string;
  readonly args: unknown;
  readonly code: string;
  readonly reason: string;
  readonly at: string;
}

/** an edit that has not reached the relay, as the user is shown it before it is lost */
export interface UnsentEdit {
  readonly mutationId: string;
  readonly name: string;
  readonly description: string;
  readonly args: unknown;
  readonly at: string;
}

export interface OutboxCounts {
  /** made here, saved (durable), and not yet seen back in the synced rows */
  readonly pending: number;
  /** refused, waiting for the user */
  readonly refused: number;
  /** why the last upload attempt failed, while it keeps failing */
  readonly uploadProblem?: string;
}

/** An edit the device refuses before queueing: the user sees it at once. */
export class EditRefused extends Error {
  override readonly name = 'EditRefused';
  constructor(
    readonly code: 'unknown_mutation' | 'invalid_arguments' | 'forbidden' | 'rule' | 'not_found',
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}
