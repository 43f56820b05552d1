// The registry of what the relay does for each kind of job ('request.status_changed' → send the
// requester an email, …). Work that brings a kind registers its handler; a worker claims only
// the kinds registered here (claim-job.ts), so a job no relay can do yet waits QUEUED, and the
// queue-depth and oldest-job metrics show it.
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../db/database.js';
import type { OrganizationSql } from '../db/as-organizations.js';

export interface ClaimedJob {
  readonly id: string;
  readonly organization_id: string | null;
  readonly kind: string;
  readonly payload: unknown;
  /** this attempt's number, from 1 */
  readonly attempts: number;
  /**
   * how many times a worker has taken this job, this time included; never given back (attempts
   * is, at shutdown and on an OWNER's retry): 1 means no worker has run any of it before
   */
  readonly claims: number;
  readonly max_attempts: number;
  readonly run_at: Date;
  readonly locked_by: string;
  readonly created_at: Date;
}

export interface JobContext {
  readonly job: ClaimedJob;
  /** the pool, for the queue and other relay-private tables */
  readonly sql: Sql;
  /** every statement acting for the job's organization (none for a job without one): tenant rows */
  readonly tenant: OrganizationSql;
  readonly log: FastifyBaseLogger;
  /** aborted when the relay stops before the handler finished: give up, the job runs again later */
  readonly signal: AbortSignal;
}

/**
 * What a handler answers when its last write also marks its job DONE (in the same statement,
 * guarded by the claim as finish-job.ts guards it): the worker does not spend another statement on
 * it, and the lane moves on to its next job while that write commits (the email ledger gathers
 * several lanes' writes into one: relay/src/notify/sent-ledger.ts). `markedDone` resolves once it
 * committed: false when the job was no longer this worker's (its lease was taken over, or it was
 * returned at shutdown). The worker waits for it at stop().
 */
export interface FinishedJob {
  readonly markedDone: Promise<boolean>;
}

/** Resolves when the work is done (the worker marks the job DONE), or with FinishedJob. */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void | FinishedJob>;

/**
 * Thrown by a handler when trying again cannot help: the mail server refused the address for good
 * (5xx), the address is not one. The job goes DEAD at once with this error, for OWNERs to see and
 * fix, instead of knocking on the same closed door for its remaining attempts (about 17 hours).
 */
export class PermanentJobFailure extends Error {
  override name = 'PermanentJobFailure';
}

export class JobHandlers {
  readonly #byKind = new Map<string, JobHandler>();

  constructor(initial: Readonly<Record<string, JobHandler>> = {}) {
    for (const [kind, handler] of Object.entries(initial)) this.register(kind, handler);
  }

  /** one handler per kind: a second registration is a wiring mistake, refused loudly */
  register(kind: string, handler: JobHandler): void {
    if (this.#byKind.has(kind)) throw new Error(`a handler for job kind "${kind}" is already registered`);
    this.#byKind.set(kind, handler);
  }

  get(kind: string): JobHandler | undefined {
    return this.#byKind.get(kind);
  }

  /** the kinds this relay can do */
  kinds(): string[] {
    return [...this.#byKind.keys()];
  }
}
