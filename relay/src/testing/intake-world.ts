// For the intake page's tests (relay/src/intake, intake-page/e2e): an organization with a venue
// taking requests, its members, and helpers that send the form as a browser or a script does, with
// a form token old enough to pass the minimum fill time (made with the test relay's own secret).
import { afterAll, beforeAll } from 'vitest';
import type { Sql } from '../db/database.js';
import { createMember, type TestMember } from './fixtures.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { startTestRelay, type TestRelay } from './test-relay.js';
import { FormTokens } from '../intake/form-token.js';

export interface IntakeWorld {
  readonly organizationId: string;
  readonly orgSlug: string;
  readonly venueId: string;
  readonly venueSlug: string;
  readonly owner: TestMember;
  readonly manager: TestMember;
  readonly staff: TestMember;
  readonly path: string;
}

let count = 0;

export async function intakeWorld(
  sql: Sql,
  venue: { timezone?: string; capacity?: number; minAttendance?: number; locale?: string } = {},
): Promise<IntakeWorld> {
  count += 1;
  const orgSlug = `lakeside-${count}-${Math.random().toString(36).slice(2, 8)}`;
  const [org] = await sql<{ id: string }[]>`
    INSERT INTO organizations (slug, name, locale) VALUES (${orgSlug}, 'Lakeside Live', ${venue.locale ?? 'en-US'})
    RETURNING id`;
  const venueSlug = 'main-room';
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO venues (organization_id, slug, name, timezone, capacity, min_attendance)
    VALUES (${org!.id}, ${venueSlug}, 'The Main Room', ${venue.timezone ?? 'America/Los_Angeles'},
            ${venue.capacity ?? 800}, ${venue.minAttendance ?? 0})
    RETURNING id`;
  const member = (role: 'OWNER' | 'MANAGER' | 'STAFF') => createMember(sql, [{ organizationId: org!.id, role }]);
  return {
    organizationId: org!.id,
    orgSlug,
    venueId: row!.id,
    venueSlug,
    owner: await member('OWNER'),
    manager: await member('MANAGER'),
    staff: await member('STAFF'),
    path: `/request/${orgSlug}/${venueSlug}`,
  };
}

export interface IntakeRelay extends IntakeWorld {
  readonly db: TestDatabase;
  readonly relay: TestRelay;
}

/**
 * A database, a relay with `relayConfig` and one intake world in it, set up before the file's tests
 * and torn down after them; its fields are there once `beforeAll` has run.
 */
export function useIntakeRelay(
  databaseName: string,
  relayConfig: Parameters<typeof startTestRelay>[1] = {},
): IntakeRelay {
  const live = {} as { -readonly [K in keyof IntakeRelay]: IntakeRelay[K] };
  beforeAll(async () => {
    live.db = await createTestDatabase(databaseName);
    live.relay = await startTestRelay(live.db, relayConfig);
    Object.assign(live, await intakeWorld(live.db.sql));
  });
  afterAll(async () => {
    await live.relay?.stop();
    await live.db?.drop();
  });
  return live;
}

/** A form token handed out `ageMs` ago, as the relay would have made it. */
export function formToken(relay: TestRelay, venueId: string, ageMs = 60_000): string {
  return new FormTokens(relay.config.AUTH_SECRET!, 0).issue(venueId, Date.now() - ageMs);
}

/** A date `days` from today as YYYY-MM-DD (far enough ahead to be in the future in every zone). */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A complete, valid request as the form sends it. */
export function validFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Robin Agent',
    email: 'Robin@Example.com',
    phone: '+1 555 0100',
    company: 'Night Shift Booking',
    artist: 'The Late Trains',
    eventTitle: 'Late Trains: Winter Run',
    description: 'A seated show with a support act.',
    preferredDate: daysAhead(60),
    startTime: '20:00',
    endTime: '23:00',
    alternativeDate: daysAhead(61),
    expectedAttendance: '450',
    budgetMin: '2,500',
    budgetMax: '4000.50',
    dealNotes: '70/30 door split after costs',
    techNeeds: 'Drum riser, 4 wedges',
    website: '',
    ...overrides,
  };
}

export interface Sent {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** the parsed body when it was JSON */
  readonly json: Record<string, unknown> | undefined;
}

async function read(response: Response): Promise<Sent> {
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Sends the form as a script does: JSON in, JSON out. */
export async function postJson(relay: TestRelay, path: string, body: unknown): Promise<Sent> {
  return read(
    await fetch(`${relay.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** Sends the form as a browser without JavaScript does: urlencoded in, a page out. */
export async function postForm(relay: TestRelay, path: string, fields: Record<string, string>): Promise<Sent> {
  return read(
    await fetch(`${relay.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** How many rows a request left, table by table (all zero when nothing was filed). */
export async function rowCounts(sql: Sql, organizationId: string) {
  const [counts] = await sql<{ requests: number; decisions: number; audits: number; jobs: number }[]>`
    SELECT (SELECT count(*)::int FROM event_requests WHERE organization_id = ${organizationId}) AS requests,
           (SELECT count(*)::int FROM decision_logs WHERE organization_id = ${organizationId}) AS decisions,
           (SELECT count(*)::int FROM audit_logs WHERE organization_id = ${organizationId}) AS audits,
           (SELECT count(*)::int FROM jobs WHERE organization_id = ${organizationId}) AS jobs`;
  return counts!;
}
