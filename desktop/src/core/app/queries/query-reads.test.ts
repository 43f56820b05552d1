// Each query command declares the tables it reads (desktop/src/common/commands/), and a screen
// showing its answer asks again whenever sync or an edit changes one of them (useQuery). A table
// read but not declared leaves a screen stale; one declared but not read asks again for nothing.
// This runs every query command through its handler on a real PGlite replica, writes down each
// statement it sends, and asks PostgreSQL which tables each one's plan reads (EXPLAIN VERBOSE):
// the synced tables behind the views must be exactly the declared ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transaction } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tablesReadBy, type CommandArgs, type QueryName } from '../../../common/command-map.js';
import { openReplica, type Replica } from '../../replica/open-replica.js';
import type { AppContext } from '../app-context.js';
import { createDispatch, type CommandHandlers } from '../dispatch.js';
import { documentHandlers } from '../handlers/documents.js';
import { eventHandlers } from '../handlers/events.js';
import { holdHandlers } from '../handlers/holds.js';
import { requestHandlers } from '../handlers/requests.js';
import { settingsHandlers } from '../handlers/settings.js';
import { showDayHandlers } from '../handlers/show-day.js';
import type { OpenOrganization } from '../open-organization.js';

const id = (n: number) => `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const org = id(1);
const venue = id(2);
const manager = id(3);
const promoter = id(4);
const request = id(10);
const event = id(20);

// one booked show: its event was made from a request and has a promoter, so every branch of
// every query runs (the request's history, its booking contact, the promoter to call)
const seed = `
INSERT INTO synced.organizations (id, slug, name) VALUES ('${org}', 'harbour', 'Harbour Live');
INSERT INTO synced.venues (id, organization_id, slug, name, timezone, capacity) VALUES
  ('${venue}', '${org}', 'wharf', 'The Wharf', 'Pacific/Auckland', 400);
INSERT INTO synced.memberships (id, organization_id, user_id, role, user_email, user_name) VALUES
  (gen_random_uuid(), '${org}', '${manager}', 'MANAGER', 'tom@harbour.example', 'Tom Brennan'),
  (gen_random_uuid(), '${org}', '${promoter}', 'PROMOTER', 'pia@promo.example', 'Pia Promo');
INSERT INTO synced.event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
    artist_name, event_title, preferred_start, preferred_end, expected_attendance, submitted_at) VALUES
  ('${request}', '${org}', '${venue}', 'RQ-AAAA-0001', 'SCHEDULED', 'Jo Booker', 'jo@bookers.example',
   'Amber Fields', 'Tonight', '2026-11-27T07:00:00Z', '2026-11-27T10:00:00Z', 300, '2026-10-01T10:00:00Z');
INSERT INTO synced.events (id, organization_id, venue_id, request_id, title, artist_name, status, show_date, doors_at,
    show_at, ends_at, promoter_user_id) VALUES
  ('${event}', '${org}', '${venue}', '${request}', 'Amber Fields live', 'Amber Fields', 'CONFIRMED', '2026-11-27',
   '2026-11-27T06:00:00Z', '2026-11-27T07:30:00Z', '2026-11-27T10:00:00Z', '${promoter}');
`;

/** how each query command is asked (every one of them: the type says so), once per branch its reads take */
const asked: { readonly [K in QueryName]: readonly CommandArgs<K>[] } = {
  'venues.list': [{}],
  'organization.get': [{}],
  'taskTemplates.list': [{}],
  'calendar.month': [{ venueId: null, month: '2026-11' }],
  'calendar.range': [{ venueId: venue, from: '2026-11-01', to: '2026-11-30' }],
  'events.get': [{ eventId: event }],
  'requests.list': [{}],
  'requests.get': [{ requestId: request }],
  'holds.onDate': [{ venueId: venue, date: '2026-11-27' }],
  // the venue chosen for the member, and the show asked for by id
  'showDay.get': [{}, { eventId: event }],
  'guestList.get': [{ eventId: event }],
  'doorCount.get': [{ eventId: event }],
  'settlement.get': [{ eventId: event }],
  'documents.list': [{ eventId: event }],
};

interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** the replica, writing down every statement sent through it or through a transaction on it */
function recording(replica: Replica, statements: Statement[]): Replica {
  const note = (sql: string, params: readonly unknown[] = []) => void statements.push({ sql, params });
  const passThrough = <T extends object>(target: T, property: PropertyKey) => {
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  };
  const inTransaction = (tx: Transaction) =>
    new Proxy(tx, {
      get: (target, property) =>
        property === 'query'
          ? (sql: string, params?: unknown[]) => (note(sql, params), target.query(sql, params))
          : passThrough(target, property),
    });
  const db = new Proxy(replica.db, {
    get: (target, property) =>
      property === 'transaction'
        ? <T>(work: (tx: Transaction) => Promise<T>) => target.transaction((tx) => work(inTransaction(tx)))
        : passThrough(target, property),
  });
  return { ...replica, db, query: (sql, params) => (note(sql, params), replica.query(sql, params)) };
}

/** the synced tables a statement's plan reads (the views' overlay tables are the replica's own) */
async function tablesIn(replica: Replica, statement: Statement): Promise<string[]> {
  const [plan] = await replica.query<{ 'QUERY PLAN': unknown }>(
    `EXPLAIN (VERBOSE, FORMAT JSON) ${statement.sql}`,
    statement.params,
  );
  const tables = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      const { 'Relation Name': table, Schema: schema } = node as Record<string, unknown>;
      if (schema === 'synced' && typeof table === 'string') tables.add(table);
      Object.values(node).forEach(visit);
    }
  };
  visit(plan?.['QUERY PLAN']);
  return [...tables];
}

let dir: string;
let replica: Replica;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'query-reads-'));
  replica = await openReplica({ dataDir: join(dir, 'replica') });
  await replica.db.exec(seed);
});

afterAll(async () => {
  await replica.close();
  rmSync(dir, { recursive: true, force: true });
});

/** the query handlers on an organization open on `reading`, as a MANAGER */
function dispatchOn(reading: Replica) {
  const open = { organizationId: org, replica: reading } as OpenOrganization;
  const context = {
    options: {},
    reading: () => open,
    relayAccess: () => ({
      organizationId: org,
      relayUrl: 'http://127.0.0.1:9',
      getToken: async () => undefined,
      role: 'MANAGER',
    }),
  } as unknown as AppContext;
  const handlers = {
    ...eventHandlers(context),
    ...requestHandlers(context),
    ...holdHandlers(context),
    ...showDayHandlers(context),
    ...settingsHandlers(context),
    ...documentHandlers(context),
  } as CommandHandlers;
  return createDispatch(handlers);
}

describe('the tables each query command declares', () => {
  it.each(Object.keys(asked) as QueryName[])('%s: are the ones its statements read', async (name) => {
    const statements: Statement[] = [];
    const dispatch = dispatchOn(recording(replica, statements));
    for (const args of asked[name]) {
      const outcome = await dispatch(name, args);
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
    }
    expect(statements.length).toBeGreaterThan(0);
    const read = new Set<string>();
    for (const statement of statements) for (const table of await tablesIn(replica, statement)) read.add(table);
    expect([...tablesReadBy(name)].sort(), 'declared, against what its statements read').toEqual([...read].sort());
  });
});
