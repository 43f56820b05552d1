// For the emails' tests (relay/src/notify) and bench:jobs: one organization with its own sender
// address, a venue in New York, an OWNER, a MANAGER who places holds, a PROMOTER, two requests, a
// challenged 1st hold and a confirmed event with a deal; email jobs queued with the payloads the
// workflow gives them; a worker that delivers them to a given SMTP server.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Sql } from '../db/database.js';
import { JobHandlers } from '../jobs/job-handlers.js';
import { JobWorker, type JobWorkerOptions } from '../jobs/job-worker.js';
import { silentLog } from './job-kit.js';
import { createSmtpMailer, type Mailer } from '../mail/mailer.js';
import { emailJobHandlers, type EmailHandlerDeps } from '../notify/email-handlers.js';

export const MAIL_FROM = 'PromoterOS <no-reply@promoteros.test>';
export const ID_DOMAIN = 'promoteros.test';

export interface Person {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

export interface NotifyWorld {
  readonly organizationId: string;
  readonly venueId: string;
  readonly owner: Person;
  readonly manager: Person;
  readonly promoter: Person;
  /** Robin Agent's request: holds the date 1st, became the event */
  readonly requestId: string;
  readonly reference: string;
  /** Sam Booker's request: holds the date 2nd and challenged the 1st */
  readonly challengerRequestId: string;
  readonly firstHoldId: string;
  readonly challengerHoldId: string;
  readonly eventId: string;
  readonly requester: { readonly email: string; readonly name: string };
}

const tag = () => randomBytes(3).toString('hex');

async function person(sql: Sql, organizationId: string, role: string, name: string): Promise<Person> {
  const email = `${name.split(' ')[0]!.toLowerCase()}-${tag()}@example.test`;
  const [user] = await sql<{ id: string }[]>`
    INSERT INTO users (email, display_name) VALUES (${email}, ${name}) RETURNING id`;
  await sql`INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
            VALUES (${organizationId}, ${user!.id}, ${role}, ${email}, ${name})`;
  return { userId: user!.id, email, name };
}

export async function createNotifyWorld(sql: Sql): Promise<NotifyWorld> {
  const [org] = await sql<{ id: string }[]>`
    INSERT INTO organizations (slug, name, email_from)
    VALUES (${`harbour-${tag()}`}, 'Harbour Live', 'bookings@harbour.example') RETURNING id`;
  const organizationId = org!.id;
  const [venue] = await sql<{ id: string }[]>`
    INSERT INTO venues (organization_id, slug, name, timezone, capacity)
    VALUES (${organizationId}, ${`stage-${tag()}`}, 'Harbour Stage', 'America/New_York', 1200) RETURNING id`;
  const venueId = venue!.id;
  const owner = await person(sql, organizationId, 'OWNER', 'Olivia Owner');
  const manager = await person(sql, organizationId, 'MANAGER', 'Max Manager');
  const promoter = await person(sql, organizationId, 'PROMOTER', 'Pat Promoter');
  const requester = { email: `robin-${tag()}@agency.example`, name: 'Robin Agent' };
  const reference = `RQ-${tag().toUpperCase()}`;
  // 20:00 on Friday 1 September 2028 in New York (EDT, UTC-4)
  const [request] = await sql<{ id: string }[]>`
    INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                event_title, preferred_start, preferred_end, expected_attendance, status,
                                promoter_user_id)
    VALUES (${organizationId}, ${venueId}, ${reference}, ${requester.name}, ${requester.email}, 'Night Shift',
            'Autumn Run', '2028-09-02 00:00+00', '2028-09-02 03:00+00', 650, 'SCHEDULED', ${promoter.userId})
    RETURNING id`;
  const [challengerRequest] = await sql<{ id: string }[]>`
    INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                event_title, preferred_start, preferred_end, expected_attendance)
    VALUES (${organizationId}, ${venueId}, ${`RQ-${tag().toUpperCase()}`}, 'Sam Booker', 'sam@booker.example',
            'Low Tide', 'Harbour Nights', '2028-09-02 00:00+00', '2028-09-02 03:00+00', 400)
    RETURNING id`;
  const [event] = await sql<{ id: string }[]>`
    INSERT INTO events (organization_id, venue_id, request_id, title, artist_name, show_date, doors_at, show_at,
                        ends_at, promoter_user_id)
    VALUES (${organizationId}, ${venueId}, ${request!.id}, 'Autumn Run', 'Night Shift', '2028-09-01',
            '2028-09-01 23:00+00', '2028-09-02 00:00+00', '2028-09-02 03:00+00', ${promoter.userId})
    RETURNING id`;
  await sql`
    INSERT INTO deal_terms (organization_id, event_id, deal_type, currency, guarantee_cents, artist_share_bp,
                            ticket_price_cents)
    VALUES (${organizationId}, ${event!.id}, 'VERSUS', 'USD', 250000, 8000, 3500)`;
  const [first] = await sql<{ id: string }[]>`
    INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, created_by, expires_at)
    VALUES (${organizationId}, ${venueId}, ${request!.id}, '2028-09-01', 1, ${manager.userId},
            '2028-08-20 16:00+00')
    RETURNING id`;
  const [challenger] = await sql<{ id: string }[]>`
    INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, created_by)
    VALUES (${organizationId}, ${venueId}, ${challengerRequest!.id}, '2028-09-01', 2, ${owner.userId})
    RETURNING id`;
  await sql`
    UPDATE holds SET challenged_by_hold_id = ${challenger!.id}, challenge_deadline = '2028-08-15 21:00+00'
     WHERE id = ${first!.id}`;
  return {
    organizationId,
    venueId,
    owner,
    manager,
    promoter,
    requestId: request!.id,
    reference,
    challengerRequestId: challengerRequest!.id,
    firstHoldId: first!.id,
    challengerHoldId: challenger!.id,
    eventId: event!.id,
    requester,
  };
}

/** Queues a job of the organization as the workflow does; answers its id. */
export async function queueJob(
  sql: Sql,
  organizationId: string,
  kind: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO jobs (organization_id, kind, payload)
    VALUES (${organizationId}, ${kind}, ${sql.json(payload as never)}) RETURNING id::text AS id`;
  return row!.id;
}

/** The payloads the workflow gives each kind (see the files that queue them), for this world. */
export function workflowPayloads(world: NotifyWorld) {
  const about = {
    requestId: world.requestId,
    reference: world.reference,
    venueId: world.venueId,
    venueName: 'Harbour Stage',
    eventTitle: 'Autumn Run',
    artist: 'Night Shift',
    preferredStart: '2028-09-02T00:00:00.000Z',
    timezone: 'America/New_York',
  };
  return {
    'request.received': { ...about, preferredEnd: '2028-09-02T03:00:00.000Z', to: world.requester },
    'request.new_for_manager': {
      ...about,
      userId: world.manager.userId,
      to: { email: world.manager.email, name: world.manager.name },
    },
    'event.confirmed': {
      eventId: world.eventId,
      requestId: world.requestId,
      venueId: world.venueId,
      showDate: '2028-09-01',
      holdId: world.firstHoldId,
      overrideReason: null,
    },
    'hold.challenged': {
      holdId: world.firstHoldId,
      challengerHoldId: world.challengerHoldId,
      requestId: world.requestId,
      challengerRequestId: world.challengerRequestId,
      venueId: world.venueId,
      holdDate: '2028-09-01',
      deadline: '2028-08-15T21:00:00.000Z',
    },
    'hold.expiring': {
      holdId: world.firstHoldId,
      requestId: world.requestId,
      venueId: world.venueId,
      holdDate: '2028-09-01',
      expiresAt: '2028-08-20T16:00:00+00:00',
    },
    'hold.challenge_expired': {
      holdId: world.firstHoldId,
      challengerHoldId: world.challengerHoldId,
      requestId: world.requestId,
      venueId: world.venueId,
      holdDate: '2028-09-01',
      deadline: '2028-08-15T21:00:00+00:00',
    },
  };
}

export function statusChangedPayload(world: NotifyWorld, toStatus: string, note: string | null) {
  return { requestId: world.requestId, fromStatus: 'REVIEW', toStatus, note, actorUserId: world.manager.userId };
}

/** A worker running the email handlers against `smtpUrl` (or the given mailer). */
export function emailWorker(
  db: Database,
  smtpUrl: string,
  options: Partial<Omit<JobWorkerOptions, 'handlers'>> & { mailer?: Mailer; deps?: Partial<EmailHandlerDeps> } = {},
): { worker: JobWorker; mailer: Mailer } {
  const { mailer: given, deps, ...workerOptions } = options;
  const mailer = given ?? createSmtpMailer({ smtpUrl, from: MAIL_FROM, pool: 2 });
  const handlers = new JobHandlers(
    emailJobHandlers({ mailer, mailFrom: MAIL_FROM, messageIdDomain: ID_DOMAIN, ...deps }),
  );
  const worker = new JobWorker(db, {
    handlers,
    log: silentLog,
    concurrency: 2,
    pollMs: 20,
    leaseSeconds: 60,
    shutdownTimeoutMs: 5_000,
    ...workerOptions,
  });
  return { worker, mailer };
}

export const newId = () => randomUUID();
