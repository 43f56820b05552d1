// What an organization's OWNERs see of mail and documents that did not go out: its DEAD jobs
// (out of attempts, or failed for good), its emails whose last try failed while their job still
// retries, each with the last error, and the one thing they can do about those: try again. And,
// for the last PARTLY_SENT_DAYS, the emails the server took for some recipients but refused for
// others (an address mistyped on a request): sending again would repeat it to those who have it,
// so they are shown for the address to be corrected, not retried.
import type { DeliveryProblemStatus } from '@promoteros/shared';
import { asOrganizations } from '../db/as-organizations.js';
import type { Sql } from '../db/database.js';

export interface DeliveryProblem {
  readonly jobId: string;
  readonly kind: string;
  /** QUEUED: the job loop tries again at nextTryAt */
  readonly status: DeliveryProblemStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lastError: string | null;
  readonly failedAt: string;
  readonly nextTryAt: string | null;
  /** the email, when the job is one and got as far as writing it */
  readonly email: { readonly messageId: string; readonly recipients: string[]; readonly subject: string } | null;
}

const LIMIT = 200;
const PARTLY_SENT_DAYS = 30;

export async function listDeliveryProblems(sql: Sql, organizationId: string): Promise<DeliveryProblem[]> {
  // acting for the organization: the emails' ledger (a tenant table) shows its rows alone
  const rows = await asOrganizations(
    sql,
    [organizationId],
    (tx) => tx<
      {
        id: string;
        kind: string;
        status: DeliveryProblemStatus;
        attempts: number;
        max_attempts: number;
        last_error: string | null;
        failed_at: string;
        next_try_at: string | null;
        message_id: string | null;
        recipients: string[] | null;
        subject: string | null;
      }[]
    >`
    SELECT j.id::text AS id, j.kind,
           CASE WHEN j.status = 'DONE' THEN 'PARTLY_SENT' ELSE j.status END AS status,
           j.attempts, j.max_attempts,
           coalesce(d.last_error, j.last_error) AS last_error,
           to_jsonb(coalesce(d.sent_at, j.updated_at)) #>> '{}' AS failed_at,
           CASE WHEN j.status = 'QUEUED' THEN to_jsonb(j.run_at) #>> '{}' END AS next_try_at,
           d.message_id, d.recipients, d.subject
      FROM jobs j
      LEFT JOIN email_deliveries d ON d.job_id = j.id
     WHERE j.id IN (
       -- each lookup in its own partial index (migrations 0008, 0016)
       SELECT id FROM jobs WHERE organization_id = ${organizationId} AND status = 'DEAD'
       UNION
       SELECT job_id FROM email_deliveries WHERE organization_id = ${organizationId} AND status = 'FAILED'
       UNION
       SELECT job_id FROM email_deliveries
        WHERE organization_id = ${organizationId} AND status = 'SENT' AND last_error IS NOT NULL
          AND sent_at > now() - make_interval(days => ${PARTLY_SENT_DAYS}))
       AND (j.status = 'DEAD' OR (j.status = 'QUEUED' AND d.status = 'FAILED')
            OR (j.status = 'DONE' AND d.status = 'SENT'))
     ORDER BY coalesce(d.sent_at, j.updated_at) DESC, j.id DESC
     LIMIT ${LIMIT}`,
  );
  return rows.map((row) => ({
    jobId: row.id,
    kind: row.kind,
    status: row.status,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    lastError: row.last_error,
    failedAt: new Date(row.failed_at).toISOString(),
    nextTryAt: row.next_try_at ? new Date(row.next_try_at).toISOString() : null,
    email:
      row.message_id && row.recipients && row.subject
        ? { messageId: row.message_id, recipients: row.recipients, subject: row.subject }
        : null,
  }));
}

export type RetryOutcome = 'queued' | 'not_found' | 'not_a_problem';

/**
 * Due again now. A DEAD job gets its attempts back (a fresh series of retries); a job waiting
 * for its next retry only comes forward. A job that is running or done is left alone.
 */
export async function retryDeliveryProblem(sql: Sql, organizationId: string, jobId: string): Promise<RetryOutcome> {
  const updated = await asOrganizations(
    sql,
    [organizationId],
    (tx) => tx`
    UPDATE jobs
       SET status = 'QUEUED', run_at = now(), updated_at = now(),
           attempts = CASE WHEN status = 'DEAD' THEN 0 ELSE attempts END
     WHERE id = ${jobId} AND organization_id = ${organizationId}
       AND (status = 'DEAD'
            OR (status = 'QUEUED' AND EXISTS (SELECT 1 FROM email_deliveries d WHERE d.job_id = jobs.id AND d.status = 'FAILED')))`,
  );
  if (updated.count === 1) return 'queued';
  const [exists] = await sql`SELECT 1 FROM jobs WHERE id = ${jobId} AND organization_id = ${organizationId}`;
  return exists ? 'not_a_problem' : 'not_found';
}
