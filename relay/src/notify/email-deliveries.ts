// The email_deliveries table (migration 0008): one row per email job. SENT is written right
// after the SMTP server accepted the message and is never overwritten, so a job that runs again
// finds it and sends nothing. The one gap left: a relay that dies between the server's 250 and
// this write sends once more after the lease, with the same Message-ID (message-id.ts).
import type { Sql } from '../db/database.js';
import type { ClaimedJob } from '../jobs/job-handlers.js';
import { jobDoneUpdate } from '../jobs/finish-job.js';

export interface DeliveryFacts {
  readonly messageId: string;
  readonly recipients: readonly string[];
  readonly subject: string;
}

export async function wasSent(sql: Sql, jobId: string): Promise<boolean> {
  const rows = await sql`SELECT 1 FROM email_deliveries WHERE job_id = ${jobId} AND status = 'SENT'`;
  return rows.length > 0;
}

/**
 * SENT, and the job DONE, in one statement (the job loop's last write for an email: one round
 * trip where two were a fifth of an email's database work). The ledger row is written whoever
 * owns the job now — the message went out — while DONE is guarded by the claim
 * (jobDoneUpdate): answers whether it was marked. `note`: recipients the server refused while it
 * took the message for the others.
 */
export async function recordSentAndDone(
  sql: Sql,
  job: ClaimedJob,
  facts: DeliveryFacts,
  note: string | null,
): Promise<boolean> {
  const result = await sql`WITH sent AS (${sentRow(sql, job, facts, note)}) ${jobDoneUpdate(sql, job)}`;
  return result.count === 1;
}

function sentRow(sql: Sql, job: ClaimedJob, facts: DeliveryFacts, note: string | null) {
  return sql`
    INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, sent_at, last_error)
    VALUES (${job.id}, ${job.organization_id}, ${job.kind}, ${facts.messageId}, ${sql.array([...facts.recipients])},
            ${facts.subject}, 'SENT', now(), ${note})
    ON CONFLICT (job_id) DO UPDATE
       SET status = 'SENT', sent_at = now(), tries = email_deliveries.tries + 1, last_error = excluded.last_error,
           recipients = excluded.recipients, subject = excluded.subject, updated_at = now()`;
}

export async function recordFailed(sql: Sql, job: ClaimedJob, facts: DeliveryFacts, error: string): Promise<void> {
  await sql`
    INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, last_error)
    VALUES (${job.id}, ${job.organization_id}, ${job.kind}, ${facts.messageId}, ${sql.array([...facts.recipients])},
            ${facts.subject}, 'FAILED', ${error})
    ON CONFLICT (job_id) DO UPDATE
       SET tries = email_deliveries.tries + 1, last_error = excluded.last_error, recipients = excluded.recipients,
           subject = excluded.subject, updated_at = now()
     WHERE email_deliveries.status <> 'SENT'`;
}
