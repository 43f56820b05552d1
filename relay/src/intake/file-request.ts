// Files requests from the public form: each request (NEW), its first decision-log entry, the
// audit entry and the jobs (the requester's confirmation, a note to each OWNER and MANAGER). The
// requests that arrive together are filed by ONE statement (data-modifying CTEs over a JSON array
// of filings), so they share one round trip and one commit: every commit that writes synced rows
// waits its turn for the change log's sequence number and flushes the WAL while it holds it
// (migration 0005), so commits, not statements, are what a busy form runs out of. A statement is
// all or nothing; should a group's fail, each of its requests is filed again alone, so that one
// request's fault is only its own.
//
// A request's id is derived from its form token (form-token.ts), and every write hangs on the
// request's row: a form sent twice (also two sends racing: the second waits on the first's row)
// writes nothing the second time and answers with the request the first send filed. The id is
// the primary key the request has anyway, so this costs no row, index or foreign key of its own
// (a row per form, with two foreign keys, is a noticeable share of the filing statement).
// intake_submissions, keyed by the token's hash, is read and never written: a form that has a row
// there is answered with that row's request until it expires (FORM_TOKEN_MAX_AGE_MS).
import { randomUUID } from 'node:crypto';
import { planRequestSubmission, type IntakeFields } from '@promoteros/shared/intake';
import { isRowWrite, type JobRequest, type RowWrite } from '@promoteros/shared/mutations';
import { asOrganizations, statementAsOrganizations } from '../db/as-organizations.js';
import type { Sql } from '../db/database.js';
import { isPgError } from '../mutations/constraint-reason.js';
import { ORGANIZATION_LOCK_CLASS } from '../mutations/apply-mutation.js';
import { writableTable } from '../mutations/writable-tables.js';
import { requestIdFor, tokenHash } from './form-token.js';
import type { IntakeVenueRow } from './intake-venue.js';
import { KnownPeople } from './known-people.js';
import { OrganizationPeople, peopleScope, type PeopleScope } from './organization-people.js';

export interface Filing {
  readonly venue: IntakeVenueRow;
  readonly fields: IntakeFields;
  readonly formToken: string;
  /** false: file it without the requester's confirmation email (its address had its daily share) */
  readonly confirm?: boolean;
}

export interface FiledRequest {
  readonly requestId: string;
  readonly reference: string;
  /** true when this form had already filed it: nothing new was written */
  readonly again: boolean;
}

/**
 * A new request's reference is read from its id; should it clash with another's of the
 * organization, the form files alone under its next id (requestIdFor's `attempt`). Alone, so that
 * the other forms of its group keep their first ids: a form's tries are always 1, 2, ... in that
 * order, and a second send of it goes through the same ids and meets its request's.
 */
const REFERENCE_ATTEMPTS = 5;

/** A round planned with members that have changed is planned again with them read anew, this many times at most. */
const PEOPLE_REREADS = 4;

type Insert = Extract<RowWrite, { op: 'insert' }>;

/** One request as the filing statement takes it (one element of its JSON array). */
interface PlannedFiling {
  readonly token_hash: string;
  readonly organization_id: string;
  readonly request_id: string;
  readonly reference: string;
  /** the planned rows by table, organization_id set */
  readonly planned_rows: Record<string, Record<string, unknown>[]>;
  readonly jobs: { kind: string; payload: unknown }[];
  readonly audit: Record<string, unknown>;
}

/**
 * The request this form filed before: the one with its id, or the one intake_submissions names
 * for its token.
 */
async function filedBefore(sql: Sql, filing: PlannedFiling): Promise<FiledRequest | undefined> {
  const [row] = await asOrganizations(
    sql,
    [filing.organization_id],
    (tx) => tx<{ requestId: string; reference: string }[]>`
      SELECT r.id AS "requestId", r.reference FROM event_requests r
       WHERE r.id = ${filing.request_id}
          OR r.id = (SELECT s.request_id FROM intake_submissions s WHERE s.token_hash = ${filing.token_hash})
       LIMIT 1`,
  );
  return row && { ...row, again: true };
}

/** A new request's reference clashed with another of its organization: file it again under a new id. */
function isReferenceClash(error: unknown): boolean {
  return isPgError(error) && error.code === '23505' && /reference/.test(String(error.constraint_name ?? ''));
}

async function plan(filing: Filing, people: OrganizationPeople, attempt: number): Promise<PlannedFiling> {
  const { venue, fields } = filing;
  const organizationId = venue.organizationId;
  const requestId = requestIdFor(filing.formToken, attempt);
  const writes = await planRequestSubmission(
    {
      fields,
      venue: { id: venue.id, name: venue.name, timezone: venue.timezone },
      requestId,
      decisionId: randomUUID(),
      // A promoter of the organization sees the requests sent under their own (verified: they
      // sign in with it) address, from the app or from the public page alike.
      promoterUserId: people.promoterWithEmail(organizationId, fields.email),
      at: new Date().toISOString(),
      note: 'Submitted on the public request page',
    },
    people.reader(organizationId),
  );
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const write of writes) {
    if (!isRowWrite(write) || write.op !== 'insert') continue;
    (rows[write.table] ??= []).push({ ...(write as Insert).row, organization_id: organizationId });
  }
  const reference = String(rows.event_requests![0]!.reference);
  return {
    token_hash: tokenHash(filing.formToken),
    organization_id: organizationId,
    request_id: requestId,
    reference,
    planned_rows: rows,
    jobs: writes
      .filter((w): w is JobRequest => !isRowWrite(w))
      .filter((job) => filing.confirm !== false || job.kind !== 'request.received')
      .map(({ kind, payload }) => ({ kind, payload })),
    audit: {
      source: 'intake-page',
      reference,
      ...(filing.confirm === false && { confirmation: 'not sent: the daily limit for the address was reached' }),
    },
  };
}

/**
 * The statement that files a group. Its text depends only on the tables and columns the plans
 * write (a plan sets every column), so it is the same every time: parsed and planned once per
 * connection. It writes nothing unless the members the plans were made with are still the ones
 * they need (`fresh`). The request's insert claims the form: a request already there (a form sent
 * before) is passed over, and the group's other rows are written only for the requests it inserted.
 * Parameters: the plans (JSON), the members they used (OrganizationPeople.used), and their scope.
 */
function filingStatement(planned: readonly PlannedFiling[]): string {
  const columns = new Map<string, Set<string>>();
  for (const filing of planned) {
    for (const [table, rows] of Object.entries(filing.planned_rows)) {
      const set = columns.get(table) ?? new Set<string>();
      for (const row of rows) for (const column of Object.keys(row)) set.add(column);
      columns.set(table, set);
    }
  }
  const insert = (table: string, set: Set<string>, from: string) => {
    const t = writableTable(table);
    return `INSERT INTO ${t.quoted} (${[...set].map((c) => t.quote(c)).join(', ')})
      SELECT ${[...set].map((c) => `r.${t.quote(c)}`).join(', ')}
        FROM ${from} c, jsonb_populate_recordset(NULL::${t.quoted}, c.planned_rows->'${table}') r`;
  };
  const requests = columns.get('event_requests');
  if (!requests) throw new Error('a filing plans its request');
  columns.delete('event_requests');
  const others = [...columns].map(([table, set], i) => `w${i} AS (${insert(table, set, 'claimed')})`);
  // `locked`: each audit entry is appended under its organization's lock (migration 0019); a round
  // of several organizations ($3, the people scope's) takes them all first, in one order, so that
  // two rounds (two relays) never hold one each while waiting for the other's
  return `WITH people AS (
      SELECT ${OrganizationPeople.stillSql('$2', '$3', '$4')} AS fresh
    ), locked AS (
      SELECT count(pg_advisory_xact_lock(${ORGANIZATION_LOCK_CLASS}, hashtext(o.id::text))) AS n
        FROM (SELECT DISTINCT id FROM unnest($3::uuid[]) AS id ORDER BY id) o
    ), filing AS (
      SELECT * FROM jsonb_to_recordset($1::text::jsonb)
          AS f(token_hash text, organization_id uuid, request_id uuid, planned_rows jsonb, jobs jsonb, audit jsonb)
       WHERE (SELECT fresh FROM people) AND (SELECT n FROM locked) >= 0
    ), claim AS (
      ${insert('event_requests', requests, 'filing')}
       WHERE NOT EXISTS (SELECT FROM intake_submissions s WHERE s.token_hash = c.token_hash)
      ON CONFLICT (id) DO NOTHING RETURNING id AS request_id
    ), claimed AS (
      SELECT f.* FROM filing f JOIN claim USING (request_id)
    ), ${others.join(', ')},
    queued AS (
      INSERT INTO jobs (organization_id, kind, payload)
      SELECT c.organization_id, j.job->>'kind', j.job->'payload'
        FROM claimed c, jsonb_array_elements(c.jobs) WITH ORDINALITY AS j(job, n)
       ORDER BY c.request_id, j.n
    ), audited AS (
      INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
      SELECT c.organization_id, NULL, 'request.submit', 'event_requests', c.request_id, c.audit FROM claimed c
    )
    SELECT (SELECT fresh FROM people) AS fresh, ARRAY(SELECT request_id::text FROM claim) AS claimed`;
}

/** What became of one request of a group: filed (or found filed), or the error that stopped it alone. */
export type FilingOutcome =
  { readonly ok: true; readonly filed: FiledRequest } | { readonly ok: false; readonly error: unknown };

/** The filing statement's answer: whether the members were still those planned with, and the requests it inserted. */
interface Filed {
  readonly fresh: boolean;
  readonly claimed: string[];
}

async function runFiling(
  sql: Sql,
  planned: readonly PlannedFiling[],
  people: OrganizationPeople,
  scope: PeopleScope,
): Promise<Filed> {
  // acting for the venues' organizations (each form files into its venue's organization alone),
  // in one round trip: the filing is the intake page's hot path
  const [filed] = await statementAsOrganizations<Filed[]>(
    sql,
    scope.organizations,
    filingStatement(planned),
    [JSON.stringify(planned), people.used(), `{${scope.organizations.join(',')}}`, scope.emails as string[]] as never[],
    { prepare: true },
  );
  return filed!;
}

/**
 * Files these requests (forms of any venues) in one statement and one commit, and answers each,
 * in order. A form whose token already filed a request answers with that request (`again`). Two
 * filings with the same form token must not be in one call. `known`: the members earlier rounds
 * were planned with (by default none: they are read).
 */
export async function fileRequests(
  sql: Sql,
  filings: readonly Filing[],
  known: KnownPeople = new KnownPeople(),
): Promise<FilingOutcome[]> {
  if (filings.length === 0) return [];
  try {
    const scope = peopleScope(filings);
    const readPeople = async () => known.remember(scope, await OrganizationPeople.read(sql, scope));
    let people = known.people(scope) ?? (await readPeople());
    let attempt = 1;
    let peopleReads = 0;
    for (;;) {
      const planned = await Promise.all(filings.map((filing) => plan(filing, people, attempt)));
      let filed: Filed;
      try {
        filed = await runFiling(sql, planned, people, scope);
      } catch (error) {
        if (!isReferenceClash(error) || filings.length > 1 || attempt >= REFERENCE_ATTEMPTS) throw error;
        attempt += 1;
        continue;
      }
      if (!filed.fresh) {
        // the members changed since they were read: nothing was written; plan with them as they are
        peopleReads += 1;
        if (peopleReads > PEOPLE_REREADS) throw new Error('the organization’s members kept changing');
        people = await readPeople();
        continue;
      }
      const claimed = new Set(filed.claimed);
      return await Promise.all(
        planned.map(async (filing): Promise<FilingOutcome> => {
          if (claimed.has(filing.request_id)) {
            return { ok: true, filed: { requestId: filing.request_id, reference: filing.reference, again: false } };
          }
          const first = await filedBefore(sql, filing);
          if (first) return { ok: true, filed: first };
          return { ok: false, error: new Error('the form token was used, but its request is gone') };
        }),
      );
    }
  } catch (error) {
    if (filings.length === 1) return [{ ok: false, error }];
    // one of them is at fault (or the database was, for a moment): each on its own
    return (await Promise.all(filings.map((filing) => fileRequests(sql, [filing], known)))).flat();
  }
}
