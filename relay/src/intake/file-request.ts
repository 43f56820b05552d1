// Files a request from the public form, in one transaction: the request (NEW), its first
// decision-log entry, the audit entry, the jobs (the requester's confirmation, a note to each
// OWNER and MANAGER), and the form token's hash. Either all of it is committed or none of it.
// The same form sent twice finds the request its first send filed (also when both sends race:
// the second waits on the token's row and then finds it).
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { planRequestSubmission, type IntakeFields } from '@promoteros/shared/intake';
import { isRowWrite, type JobRequest } from '@promoteros/shared/mutations';
import type { Sql } from '../db/database.js';
import { isPgError } from '../mutations/constraint-reason.js';
import { writeRow } from '../mutations/row-writer.js';
import { tokenHash } from './form-token.js';
import type { IntakeVenueRow } from './intake-venue.js';
import { PlainRowReader } from './plain-row-reader.js';

export interface FiledRequest {
  readonly requestId: string;
  readonly reference: string;
  /** true when this form had already filed it: nothing new was written */
  readonly again: boolean;
}

/** The token's row lost the race: roll back and answer with the request that won. */
class AlreadyFiled extends Error {}

/** A new request's reference is derived from its random id; a clash within the organization gets a new id. */
const REFERENCE_ATTEMPTS = 5;

async function filedBefore(sql: Sql, hash: string): Promise<FiledRequest | undefined> {
  const [row] = await sql<{ requestId: string; reference: string }[]>`
    SELECT r.id AS "requestId", r.reference
      FROM intake_submissions s JOIN event_requests r ON r.id = s.request_id
     WHERE s.token_hash = ${hash}`;
  return row && { ...row, again: true };
}

async function enqueueAll(tx: postgres.TransactionSql, organizationId: string, jobs: JobRequest[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.unsafe(
    `INSERT INTO jobs (organization_id, kind, payload)
     SELECT $1, j->>'kind', j->'payload' FROM jsonb_array_elements($2::text::jsonb) AS j`,
    [organizationId, JSON.stringify(jobs.map(({ kind, payload }) => ({ kind, payload })))],
  );
}

export async function fileRequest(
  sql: Sql,
  venue: IntakeVenueRow,
  fields: IntakeFields,
  formToken: string,
): Promise<FiledRequest> {
  const hash = tokenHash(formToken);
  const earlier = await filedBefore(sql, hash);
  if (earlier) return earlier;
  for (let attempt = 1; ; attempt += 1) {
    const requestId = randomUUID();
    try {
      return await sql.begin(async (tx) => {
        const at = new Date().toISOString();
        const writes = await planRequestSubmission(
          {
            fields,
            venue: { id: venue.id, name: venue.name, timezone: venue.timezone },
            requestId,
            decisionId: randomUUID(),
            promoterUserId: null,
            at,
            note: 'Submitted on the public request page',
          },
          new PlainRowReader(tx, venue.organizationId),
        );
        for (const write of writes) if (isRowWrite(write)) await writeRow(tx, venue.organizationId, write);
        await enqueueAll(
          tx,
          venue.organizationId,
          writes.filter((w): w is JobRequest => !isRowWrite(w)),
        );
        const [request] = await tx<{ reference: string }[]>`
          SELECT reference FROM event_requests WHERE id = ${requestId}`;
        await tx`
          INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
          VALUES (${venue.organizationId}, NULL, 'request.submit', 'event_requests', ${requestId},
                  ${tx.json({ source: 'intake-page', reference: request!.reference })})`;
        const claimed = await tx`
          INSERT INTO intake_submissions (token_hash, organization_id, request_id)
          VALUES (${hash}, ${venue.organizationId}, ${requestId})
          ON CONFLICT (token_hash) DO NOTHING RETURNING 1`;
        if (claimed.length === 0) throw new AlreadyFiled();
        return { requestId, reference: request!.reference, again: false };
      });
    } catch (error) {
      if (error instanceof AlreadyFiled) {
        const first = await filedBefore(sql, hash);
        if (first) return first;
      }
      const clash = isPgError(error) && error.code === '23505' && /reference/.test(String(error.constraint_name ?? ''));
      if (clash && attempt < REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}
