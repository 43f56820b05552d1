// The email_deliveries table (migration 0008): one row per email job. SENT is written right
// after the SMTP server accepted the message and is never overwritten, so a job that runs again
// finds it and sends nothing. The one gap left: a relay that dies between the server's 250 and
// this write sends once more after the lease, with the same Message-ID (message-id.ts).
import { asOrganizations } from '../db/as-organizations.js';
import type { Sql } from '../db/database.js';
import type { ClaimedJob } from '../jobs/job-handlers.js';

export interface DeliveryFacts {
  readonly messageId: string;
  readonly recipients: readonly string[];
  readonly subject: string;
}

/** The organizations a job's email ledger rows belong to (row-level security: email_deliveries is a tenant table). */
const organizationsOf = (jobs: readonly ClaimedJob[]): string[] =>
  jobs.flatMap((job) => (job.organization_id ? [job.organization_id] : []));

export async function wasSent(sql: Sql, job: ClaimedJob): Promise<boolean> {
  const rows = await asOrganizations(
    sql,
    organizationsOf([job]),
    (tx) => tx`SELECT 1 FROM email_deliveries WHERE job_id = ${job.id} AND status = 'SENT'`,
  );
  return rows.length > 0;
}

export interface SentEmail {
  readonly job: ClaimedJob;
  readonly facts: DeliveryFacts;
  /** recipients the server refused while it took the message for the others */
  readonly note: string | null;
}

/**
 * SENT for each email, and each one's job DONE, in one statement (sent-ledger.ts gathers the
 * emails accepted at about the same moment). The ledger row is written whoever owns the job now
 * — the message went out — while DONE is guarded by the claim, as finish-job.ts guards it (still
 * RUNNING, same worker, same attempt). Answers the ids of the jobs it marked DONE.
 */
export async function recordSentAndDone(sql: Sql, sent: readonly SentEmail[]): Promise<Set<string>> {
  const rows = sent.map(({ job, facts, note }) => ({
    job_id: String(job.id),
    organization_id: job.organization_id,
    kind: job.kind,
    message_id: facts.messageId,
    recipients: [...facts.recipients],
    subject: facts.subject,
    note,
    worker: job.locked_by,
    attempts: job.attempts,
  }));
  const done = await asOrganizations(
    sql,
    organizationsOf(sent.map((email) => email.job)),
    (tx) => tx<{ id: string }[]>`
    WITH accepted AS (
      SELECT * FROM jsonb_to_recordset(${tx.json(rows as never)}) AS r(
        job_id bigint, organization_id uuid, kind text, message_id text, recipients text[], subject text,
        note text, worker text, attempts integer)
    ), ledger AS (
      INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, sent_at, last_error)
      SELECT job_id, organization_id, kind, message_id, recipients, subject, 'SENT', now(), note FROM accepted
      ON CONFLICT (job_id) DO UPDATE
         SET status = 'SENT', sent_at = now(), tries = email_deliveries.tries + 1, last_error = excluded.last_error,
             recipients = excluded.recipients, subject = excluded.subject, updated_at = now()
    )
    UPDATE jobs SET status = 'DONE', locked_at = NULL, locked_by = NULL, last_error = NULL, updated_at = now()
      FROM accepted a
     WHERE jobs.id = a.job_id AND jobs.status = 'RUNNING' AND jobs.locked_by = a.worker AND jobs.attempts = a.attempts
    RETURNING jobs.id`,
  );
  return new Set(done.map((row) => String(row.id)));
}

export async function recordFailed(sql: Sql, job: ClaimedJob, facts: DeliveryFacts, error: string): Promise<void> {
  await asOrganizations(
    sql,
    organizationsOf([job]),
    (tx) => tx`
    INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, last_error)
    VALUES (${job.id}, ${job.organization_id}, ${job.kind}, ${facts.messageId}, ${tx.array([...facts.recipients])},
            ${facts.subject}, 'FAILED', ${error})
    ON CONFLICT (job_id) DO UPDATE
       SET tries = email_deliveries.tries + 1, last_error = excluded.last_error, recipients = excluded.recipients,
           subject = excluded.subject, updated_at = now()
     WHERE email_deliveries.status <> 'SENT'`,
  );
}
