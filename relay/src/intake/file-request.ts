// Files a request from the public form: the request (NEW), its first decision-log entry, the
// audit entry, the jobs (the requester's confirmation, a note to each OWNER and MANAGER) and the
// form token's hash, all in ONE statement (data-modifying CTEs), so all of it is committed or
// none of it, in one round trip and one commit. Every write hangs on the token's row: a form sent
// twice (also two sends racing: the second waits on the token's row) writes nothing the second
// time and answers with the request the first send filed.
import { randomUUID } from 'node:crypto';
import { planRequestSubmission, type IntakeFields } from '@promoteros/shared/intake';
import { isRowWrite, type JobRequest, type RowWrite } from '@promoteros/shared/mutations';
import type { Sql } from '../db/database.js';
import { isPgError } from '../mutations/constraint-reason.js';
import { writableTable } from '../mutations/writable-tables.js';
import { tokenHash } from './form-token.js';
import type { IntakeVenueRow } from './intake-venue.js';
import { PlainRowReader } from './plain-row-reader.js';

export interface FiledRequest {
  readonly requestId: string;
  readonly reference: string;
  /** true when this form had already filed it: nothing new was written */
  readonly again: boolean;
}

/** A new request's reference is derived from its random id; a clash within the organization gets a new id. */
const REFERENCE_ATTEMPTS = 5;

async function filedBefore(sql: Sql, hash: string): Promise<FiledRequest | undefined> {
  const [row] = await sql<{ requestId: string; reference: string }[]>`
    SELECT r.id AS "requestId", r.reference
      FROM intake_submissions s JOIN event_requests r ON r.id = s.request_id
     WHERE s.token_hash = ${hash}`;
  return row && { ...row, again: true };
}

/** `INSERT … SELECT` of one planned row, its columns checked against the table's row schema. */
function insertOf(write: Extract<RowWrite, { op: 'insert' }>, organizationId: string, param: number) {
  const t = writableTable(write.table);
  const row = { ...write.row, organization_id: organizationId };
  const list = Object.keys(row)
    .map((c) => t.quote(c))
    .join(', ');
  return {
    sql: `INSERT INTO ${t.quoted} (${list}) SELECT ${list} FROM jsonb_populate_record(NULL::${t.quoted}, $${param}::text::jsonb) WHERE EXISTS (SELECT 1 FROM claim)`,
    value: JSON.stringify(row),
  };
}

/** A new request's reference clashed with another of its organization: file it again under a new id. */
function isReferenceClash(error: unknown): boolean {
  return isPgError(error) && error.code === '23505' && /reference/.test(String(error.constraint_name ?? ''));
}

export async function fileRequest(
  sql: Sql,
  venue: IntakeVenueRow,
  fields: IntakeFields,
  formToken: string,
): Promise<FiledRequest> {
  const hash = tokenHash(formToken);
  const organizationId = venue.organizationId;
  // A promoter of the organization sees the requests sent under their own (verified: they sign
  // in with it) address, from the app or from the public page alike.
  const [promoter] = await sql<{ id: string }[]>`
    SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id
     WHERE m.organization_id = ${organizationId} AND m.role = 'PROMOTER' AND lower(u.email) = lower(${fields.email})
     LIMIT 1`;
  for (let attempt = 1; ; attempt += 1) {
    const requestId = randomUUID();
    // the managers are read just before the write, as any statement of the transaction would see them
    const writes = await planRequestSubmission(
      {
        fields,
        venue: { id: venue.id, name: venue.name, timezone: venue.timezone },
        requestId,
        decisionId: randomUUID(),
        promoterUserId: promoter?.id ?? null,
        at: new Date().toISOString(),
        note: 'Submitted on the public request page',
      },
      new PlainRowReader(sql, organizationId),
    );
    const rows = writes.filter((w): w is Extract<RowWrite, { op: 'insert' }> => isRowWrite(w) && w.op === 'insert');
    const jobs = writes.filter((w): w is JobRequest => !isRowWrite(w));
    const request = rows.find((w) => w.table === 'event_requests')!;
    const reference = String(request.row.reference);
    const params: string[] = [hash, organizationId, requestId];
    const inserts = rows.map((write, i) => {
      const insert = insertOf(write, organizationId, params.length + 1);
      params.push(insert.value);
      return `w${i} AS (${insert.sql})`;
    });
    params.push(JSON.stringify(jobs.map(({ kind, payload }) => ({ kind, payload }))));
    const jobsParam = params.length;
    params.push(JSON.stringify({ source: 'intake-page', reference }));
    const auditParam = params.length;
    try {
      const [answer] = await sql.unsafe<{ claimed: number }[]>(
        `WITH claim AS (
           INSERT INTO intake_submissions (token_hash, organization_id, request_id) VALUES ($1, $2, $3)
           ON CONFLICT (token_hash) DO NOTHING RETURNING request_id
         ), ${inserts.join(', ')},
         queued AS (
           INSERT INTO jobs (organization_id, kind, payload)
           SELECT $2, j->>'kind', j->'payload' FROM jsonb_array_elements($${jobsParam}::text::jsonb) AS j
            WHERE EXISTS (SELECT 1 FROM claim)
         ), audited AS (
           INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
           SELECT $2, NULL, 'request.submit', 'event_requests', $3, $${auditParam}::text::jsonb
            WHERE EXISTS (SELECT 1 FROM claim)
         )
         SELECT count(*)::int AS claimed FROM claim`,
        params,
        // the same text every time (a plan sets every column): parsed and planned once per connection
        { prepare: true },
      );
      if (answer!.claimed === 1) return { requestId, reference, again: false };
      const first = await filedBefore(sql, hash);
      if (first) return first;
      throw new Error('the form token was used, but its request is gone');
    } catch (error) {
      if (isReferenceClash(error) && attempt < REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}
