// Submissions that arrive together are filed together: one transaction for all that came in
// while the previous one committed, each filing in its own savepoint.
//
// Why: a filing writes synced rows, and the change log gives each such transaction its place in
// commit order under one lock held through the commit's flush to disk (see 0005_change_capture).
// So transactions that touch synced rows commit one after another, and one per submission left
// the intake page at a fraction of what the relay serves otherwise (bench:intake ratio 0.13).
// Grouping pays that flush once per group. An idle relay files a lone submission at once, as
// before; a busy one answers each submission when its group has committed, never before.
//
// A filing that fails (its savepoint rolled back) fails alone; a reference clash is filed again
// in the next group under a new id; a failed commit fails the whole group, and nothing of it stays.
import type { Sql } from '../db/database.js';
import type { IntakeFields } from '@promoteros/shared/intake';
import { fileRequest, isReferenceClash, type FiledRequest } from './file-request.js';
import type { IntakeVenueRow } from './intake-venue.js';

/** enough to pay one flush for a burst, few enough that one group stays short */
const MAX_GROUP = 64;
const REFERENCE_ATTEMPTS = 5;

interface Waiting {
  readonly venue: IntakeVenueRow;
  readonly fields: IntakeFields;
  readonly formToken: string;
  attempts: number;
  readonly resolve: (filed: FiledRequest) => void;
  readonly reject: (error: unknown) => void;
}

export class FilingQueue {
  readonly #sql: Sql;
  #waiting: Waiting[] = [];
  #draining = false;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  file(venue: IntakeVenueRow, fields: IntakeFields, formToken: string): Promise<FiledRequest> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ venue, fields, formToken, attempts: 0, resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, MAX_GROUP);
        let outcomes: Array<{ ok: true; filed: FiledRequest } | { ok: false; error: unknown }> = [];
        try {
          await this.#sql.begin(async (tx) => {
            outcomes = [];
            for (const job of group) {
              job.attempts += 1;
              try {
                const filed = await tx.savepoint((sp) => fileRequest(sp, job.venue, job.fields, job.formToken, 1));
                outcomes.push({ ok: true, filed });
              } catch (error) {
                outcomes.push({ ok: false, error });
              }
            }
          });
        } catch (error) {
          for (const job of group) job.reject(error);
          continue;
        }
        group.forEach((job, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) job.resolve(outcome.filed);
          else if (isReferenceClash(outcome.error) && job.attempts < REFERENCE_ATTEMPTS) this.#waiting.push(job);
          else job.reject(outcome.error);
        });
      }
    } finally {
      this.#draining = false;
    }
  }
}
