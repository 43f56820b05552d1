// The app service end to end: a real relay on real PostgreSQL with the demo loaded, sign-in by
// a code read from a real SMTP sink, sync into a PGlite replica, and every read command answered
// from that replica compared with what PostgreSQL holds. The core runs in its worker thread, as
// the shipped app runs it (../../worker-host): every command and push here crosses the thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { seedDemo } from '@promoteros/demo/seed';
import type { CommandName, CommandResult, SignalPayload, Outcome } from '../../common/command-map.js';
import { eventually } from '../testing/sync-fixture.js';
import { MemoryCredentialStore } from './credential-store.js';
import { startDesktopAppInWorker } from '../../worker-host/worker-host.js';
import type { DesktopApp } from './desktop-app.js';

const OWNER = 'owner@lakeshore-live.demo';

// each start is a new worker thread loading the core, seconds on a loaded machine; several tests
// start two
describe('desktop app service', { timeout: 90_000 }, () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let mailbox: TestMailbox;
  let root: string;
  const apps: DesktopApp[] = [];
  const extraRelays: TestRelay[] = [];

  const dataDir = (label: string) => join(root, label);

  async function startApp(
    dir: string,
    credentials = new MemoryCredentialStore(),
    relayUrl = relay.url,
    suggestedEmail?: string,
  ) {
    const app = await startDesktopAppInWorker({
      relayUrl,
      dataDir: dir,
      credentials,
      deviceName: 'desktop app test',
      ...(suggestedEmail ? { suggestedEmail } : {}),
      backoff: { initialDelay: 50, maxDelay: 300 },
      log: () => {},
    });
    apps.push(app);
    return app;
  }

  /** dispatch, expecting success */
  async function run<K extends CommandName>(app: DesktopApp, name: K, args: unknown = {}): Promise<CommandResult<K>> {
    const outcome = await app.dispatch(name, args);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as CommandResult<K>;
  }

  async function signIn(app: DesktopApp, email: string, viaRelay = relay.url) {
    await run(app, 'auth.requestCode', { relayUrl: viaRelay, email });
    const mail = await mailbox.next(email, 10_000, /sign-in code/);
    const code = /\b(\d{6})\b/.exec(mail.parsed.subject ?? '')![1]!;
    return run(app, 'auth.verifyCode', { email, code });
  }

  const waitUntilLive = (app: DesktopApp) =>
    eventually(async () => (await run(app, 'sync.status')).phase === 'live', 60_000);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-app-'));
    mailbox = await TestMailbox.start();
    db = await createTestDatabase('desktop_app');
    const seeded = await seedDemo(db.sql);
    expect(seeded.created).toBe(true);
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, LIVE_POLL_TIMEOUT_MS: '2000' });
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    await Promise.allSettled(extraRelays.map((r) => r.stop()));
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  describe('signed in as the demo owner', () => {
    let app: DesktopApp;
    let credentials: MemoryCredentialStore;
    let organizationId: string;
    const sessionSignals: Array<SignalPayload<'session.changed'>> = [];
    const replicaChanges: string[] = [];

    beforeAll(async () => {
      credentials = new MemoryCredentialStore();
      app = await startApp(dataDir('owner'), credentials);
      app.on('session.changed', (state) => sessionSignals.push(state));
      app.on('replica.changed', ({ tables }) => replicaChanges.push(...tables));
      const [organization] = await db.sql<{ id: string }[]>`
        SELECT id FROM organizations WHERE slug = 'lakeshore-live'`;
      organizationId = organization!.id;
    });

    it('should start signed out, pointed at the relay it was given', async () => {
      expect(await run(app, 'session.get')).toEqual({ state: 'signed-out', relayUrl: relay.url });
      expect(await app.dispatch('venues.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    });

    it('should pass on the relay’s refusal of a wrong code', async () => {
      await run(app, 'auth.requestCode', { relayUrl: relay.url, email: OWNER });
      const sent = await mailbox.next(OWNER, 10_000, /sign-in code/);
      const real = /\b(\d{6})\b/.exec(sent.parsed.subject ?? '')![1]!;
      const wrong = real === '000000' ? '111111' : '000000';
      const outcome = await app.dispatch('auth.verifyCode', { email: OWNER, code: wrong });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'relay_refused' } });
      expect((outcome as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
      expect(await credentials.get()).toBeNull();
    });

    it('should sign in by the mailed code, keep the token, open the first organization and sync it', async () => {
      const state = await signIn(app, OWNER);
      expect(state).toMatchObject({
        state: 'signed-in',
        relayUrl: relay.url,
        user: { email: OWNER, displayName: 'Maria Delgado' },
        organizationId,
      });
      expect(state.state === 'signed-in' && state.organizations.map((o) => o.slug)).toEqual(['lakeshore-live']);
      const [session] = await db.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE u.email = ${OWNER} AND s.revoked_at IS NULL`;
      expect(session!.n).toBe(1);
      expect(await credentials.get()).toMatch(/.{20,}/);
      expect(sessionSignals.at(-1)).toEqual(state);
      await waitUntilLive(app);
      expect(replicaChanges).toContain('events');
      expect(existsSync(join(dataDir('owner'), organizationId))).toBe(true);
      // the first sync of the demo owner's three busy venues, on a machine shared with other suites
    }, 120_000);

    it('should list the venues PostgreSQL holds', async () => {
      const central = await db.sql`
        SELECT id, organization_id AS "organizationId", name, timezone, capacity
          FROM venues WHERE organization_id = ${organizationId} ORDER BY name, id`;
      expect(await run(app, 'venues.list')).toEqual([...central]);
    });

    it('should show a month of events and active holds with door and show times in the venue’s timezone', async () => {
      const [busiest] = await db.sql<{ month: string }[]>`
        SELECT to_char(show_date, 'YYYY-MM') AS month FROM events WHERE organization_id = ${organizationId}
         GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
      const month = busiest!.month;
      const central = await db.sql<Array<Record<string, unknown>>>`
        SELECT 'event' AS kind, e.id, e.venue_id AS "venueId", e.show_date::text AS date, e.title, e.status,
               NULL::int AS rank, to_char(e.doors_at AT TIME ZONE v.timezone, 'HH24:MI') AS doors,
               to_char(e.show_at AT TIME ZONE v.timezone, 'HH24:MI') AS show,
               to_char(e.ends_at AT TIME ZONE v.timezone, 'HH24:MI') AS ends, e.request_id AS "requestId"
          FROM events e JOIN venues v ON v.id = e.venue_id
         WHERE e.organization_id = ${organizationId} AND to_char(e.show_date, 'YYYY-MM') = ${month}
        UNION ALL
        SELECT 'hold', h.id, h.venue_id, h.hold_date::text, r.artist_name, h.status, h.rank, NULL, NULL, NULL,
               h.request_id
          FROM holds h JOIN event_requests r ON r.id = h.request_id
         WHERE h.organization_id = ${organizationId} AND h.status = 'ACTIVE'
           AND to_char(h.hold_date, 'YYYY-MM') = ${month}`;
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
      const items = await run(app, 'calendar.month', { venueId: null, month });
      expect(items.length).toBeGreaterThan(0);
      expect([...items].sort(byId)).toEqual([...central].sort(byId));
      // in date order, which the calendar relies on
      expect(items.map((i) => i.date)).toEqual(items.map((i) => i.date).sort());

      const venueId = items[0]!.venueId;
      const oneVenue = await run(app, 'calendar.month', { venueId, month });
      expect(oneVenue.map((i) => i.id).sort()).toEqual(
        central
          .filter((c) => c.venueId === venueId)
          .map((c) => String(c.id))
          .sort(),
      );
    });

    it('should show any range of days, both ends included, and refuse a range backwards or over a year', async () => {
      const [span] = await db.sql<{ from: string; to: string }[]>`
        SELECT min(show_date)::text AS from, (min(show_date) + 89)::text AS to
          FROM events WHERE organization_id = ${organizationId} AND show_date >= current_date`;
      const central = await db.sql<{ id: string }[]>`
        SELECT id FROM events
         WHERE organization_id = ${organizationId} AND show_date BETWEEN ${span!.from}::date AND ${span!.to}::date
        UNION ALL
        SELECT id FROM holds
         WHERE organization_id = ${organizationId} AND status = 'ACTIVE'
           AND hold_date BETWEEN ${span!.from}::date AND ${span!.to}::date`;
      const items = await run(app, 'calendar.range', { venueId: null, from: span!.from, to: span!.to });
      expect(items.map((item) => item.id).sort()).toEqual(central.map((row) => row.id).sort());
      expect(items[0]!.date).toBe(span!.from);
      expect(items.map((i) => i.date)).toEqual(items.map((i) => i.date).sort());
      // one day is a range too
      const oneDay = await run(app, 'calendar.range', { venueId: null, from: span!.from, to: span!.from });
      expect(oneDay.every((item) => item.date === span!.from) && oneDay.length > 0).toBe(true);

      for (const [args, message] of [
        [{ from: '2027-05-02', to: '2027-05-01' }, 'to: must not be before from'],
        [{ from: '2027-01-01', to: '2028-01-02' }, 'to: the range is at most 366 days'],
        [{ from: '2027-02-30', to: '2027-03-01' }, 'from: is not a day in the calendar'],
      ] as const) {
        const outcome = await app.dispatch('calendar.range', { venueId: null, ...args });
        expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
        expect(JSON.stringify(outcome)).toContain(message);
      }
      expect(
        await app.dispatch('calendar.range', { venueId: null, from: '2028-01-01', to: '2028-12-31' }),
      ).toMatchObject({ ok: true });
    });

    it('should show an event with its venue, deal, checklist assignees and the request’s decisions', async () => {
      const [chosen] = await db.sql<{ id: string; request_id: string }[]>`
        SELECT e.id, e.request_id FROM events e
         WHERE e.organization_id = ${organizationId} AND e.request_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM deal_terms d WHERE d.event_id = e.id)
           AND EXISTS (SELECT 1 FROM event_tasks t WHERE t.event_id = e.id AND t.assignee_user_id IS NOT NULL)
           AND EXISTS (SELECT 1 FROM decision_logs l WHERE l.request_id = e.request_id)
         ORDER BY e.show_date LIMIT 1`;
      expect(chosen).toBeDefined();
      const detail = await run(app, 'events.get', { eventId: chosen!.id });

      const [event] = await db.sql`
        SELECT e.title, e.artist_name, e.status, e.show_date::text AS show_date, e.doors_at, e.notes,
               coalesce(e.capacity_override, v.capacity) AS capacity, v.name AS venue_name, v.timezone
          FROM events e JOIN venues v ON v.id = e.venue_id WHERE e.id = ${chosen!.id}`;
      expect(detail).toMatchObject({
        id: chosen!.id,
        title: event!.title,
        artistName: event!.artist_name,
        status: event!.status,
        showDate: event!.show_date,
        doorsAt: (event!.doors_at as Date).toISOString(),
        capacity: event!.capacity,
        notes: event!.notes,
        venue: { name: event!.venue_name, timezone: event!.timezone },
      });
      const [deal] = await db.sql`
        SELECT deal_type, guarantee_cents::float8 AS g, artist_share_bp FROM deal_terms WHERE event_id = ${chosen!.id}`;
      expect(detail.deal).toMatchObject({
        dealType: deal!.deal_type,
        guaranteeCents: deal!.g,
        artistShareBp: deal!.artist_share_bp,
      });
      const tasks = await db.sql`
        SELECT t.id, t.title, u.display_name AS assignee FROM event_tasks t
          LEFT JOIN users u ON u.id = t.assignee_user_id
         WHERE t.event_id = ${chosen!.id} ORDER BY t.position, t.due_date NULLS LAST, t.id`;
      expect(detail.tasks.map(({ id, title, assignee }) => ({ id, title, assignee }))).toEqual([...tasks]);
      expect(detail.tasks.some((t) => t.assignee !== null)).toBe(true);
      const decisions = await db.sql`
        SELECT l.to_status, u.display_name AS actor FROM decision_logs l
          LEFT JOIN users u ON u.id = l.actor_user_id
         WHERE l.request_id = ${chosen!.request_id} ORDER BY l.created_at, l.id`;
      expect(detail.requestHistory.map((h) => ({ to_status: h.toStatus, actor: h.actor }))).toEqual([...decisions]);

      const missing = await app.dispatch('events.get', { eventId: '00000000-0000-4000-8000-000000000000' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('should list requests by status and venue, a page at a time, with the total', async () => {
      const [venue] = await db.sql<
        { id: string }[]
      >`SELECT id FROM venues WHERE organization_id = ${organizationId} LIMIT 1`;
      const statuses = ['NEW', 'REVIEW'];
      const central = await db.sql<{ id: string }[]>`
        SELECT id FROM event_requests
         WHERE organization_id = ${organizationId} AND status IN ${db.sql(statuses)} AND venue_id = ${venue!.id}
         ORDER BY submitted_at DESC, id`;
      expect(central.length).toBeGreaterThan(3);
      const page = await run(app, 'requests.list', { statuses, venueId: venue!.id, limit: 3, offset: 2 });
      expect(page.total).toBe(central.length);
      expect(page.rows.map((r) => r.id)).toEqual(central.slice(2, 5).map((r) => r.id));
      expect(page.rows.every((r) => statuses.includes(r.status))).toBe(true);

      const [all] = await db.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM event_requests WHERE organization_id = ${organizationId}`;
      const everything = await run(app, 'requests.list', {});
      expect(everything.total).toBe(all!.n);
      expect(everything.rows).toHaveLength(Math.min(100, all!.n));

      // a scheduled request carries the event it became, so its row can open it
      const scheduled = await run(app, 'requests.list', { statuses: ['SCHEDULED'], limit: 500 });
      const events = await db.sql<{ id: string; request_id: string }[]>`
        SELECT id, request_id FROM events WHERE organization_id = ${organizationId} AND request_id IS NOT NULL`;
      const eventOf = new Map(events.map((e) => [e.request_id, e.id]));
      expect(scheduled.rows.length).toBeGreaterThan(0);
      for (const row of scheduled.rows) expect(row.eventId).toBe(eventOf.get(row.id) ?? null);
    });

    it('should find requests, events, artists and people from the replica', async () => {
      const [request] = await db.sql<{ id: string; reference: string; artist_name: string }[]>`
        SELECT r.id, r.reference, r.artist_name FROM event_requests r
         WHERE r.organization_id = ${organizationId} ORDER BY r.submitted_at DESC LIMIT 1`;
      const byReference = await run(app, 'search.query', { text: request!.reference.toLowerCase() });
      expect(byReference[0]).toMatchObject({ kind: 'request', id: request!.id });

      // a piece from the middle of the artist's name finds the artist, and their events and requests
      const artist = request!.artist_name;
      const piece = artist.slice(1, Math.min(artist.length, 6));
      const hits = await run(app, 'search.query', { text: piece, limit: 50 });
      expect(hits.length).toBeGreaterThan(0);
      // what each kind is found by
      const searchedText = (hit: (typeof hits)[number]) =>
        hit.kind === 'person'
          ? `${hit.title} ${hit.email}`
          : hit.kind === 'event'
            ? `${hit.title} ${hit.artistName}`
            : hit.kind === 'request'
              ? `${hit.reference} ${hit.artistName} ${hit.title} ${hit.contactName}`
              : hit.title;
      for (const hit of hits) expect(searchedText(hit).toLowerCase()).toContain(piece.toLowerCase());
      const artistHits = await run(app, 'search.query', { text: artist, limit: 50 });
      expect(artistHits).toContainEqual(expect.objectContaining({ kind: 'artist', id: artist, title: artist }));
      const [artistEvents] = await db.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM events WHERE organization_id = ${organizationId} AND artist_name ILIKE ${'%' + artist + '%'}`;
      expect(artistHits.filter((h) => h.kind === 'event').length).toBe(Math.min(artistEvents!.n, 50));

      const [artistCounts] = await db.sql<{ events: number; requests: number }[]>`
        SELECT (SELECT count(*)::int FROM events WHERE organization_id = ${organizationId} AND artist_name = ${artist}) AS events,
               (SELECT count(*)::int FROM event_requests WHERE organization_id = ${organizationId} AND artist_name = ${artist}) AS requests`;
      expect(artistHits.find((hit) => hit.kind === 'artist')).toEqual({
        kind: 'artist',
        id: artist,
        title: artist,
        ...artistCounts,
      });

      const people = await run(app, 'search.query', { text: 'aisha' });
      expect(people).toEqual([expect.objectContaining({ kind: 'person', title: 'Aisha Patel', role: 'MANAGER' })]);
      expect(await run(app, 'search.query', { text: '%' })).toEqual(
        (await run(app, 'search.query', { text: '%', limit: 50 })).slice(0, 20),
      );
      expect(await run(app, 'search.query', { text: 'zzqx-nobody' })).toEqual([]);
      expect(await run(app, 'search.query', { text: '   ' })).toEqual([]);
    });

    it('should find the guests of today’s and upcoming shows, with their show in venue time, and not past ones', async () => {
      const guests = await db.sql<
        {
          id: string;
          guest_name: string;
          admit_count: number;
          list_name: string;
          event_id: string;
          event_title: string;
          venue_id: string;
          venue_name: string;
          timezone: string;
          show_date: string;
          show_at: Date;
          upcoming: boolean;
        }[]
      >`
        SELECT g.id, g.guest_name, g.admit_count, l.name AS list_name, e.id AS event_id, e.title AS event_title,
               v.id AS venue_id, v.name AS venue_name, v.timezone, e.show_date::text AS show_date, e.show_at,
               e.show_date >= (now() AT TIME ZONE v.timezone)::date AS upcoming
          FROM guest_list_entries g JOIN guest_lists l ON l.id = g.guest_list_id
          JOIN events e ON e.id = g.event_id JOIN venues v ON v.id = e.venue_id
         WHERE g.organization_id = ${organizationId} AND e.status <> 'CANCELLED'
         ORDER BY e.show_date`;
      // a name in no other guest's name, so that the search can only mean them
      const unique = (upcoming: boolean) =>
        guests.find(
          (guest) =>
            guest.upcoming === upcoming &&
            guests.filter((other) => other.guest_name.toLowerCase().includes(guest.guest_name.toLowerCase())).length ===
              1,
        );
      const coming = unique(true);
      const past = unique(false);
      expect(coming && past).toBeTruthy();

      const found = await run(app, 'search.query', { text: coming!.guest_name, limit: 50 });
      expect(found.filter((hit) => hit.kind === 'guest')).toEqual([
        {
          kind: 'guest',
          id: coming!.id,
          title: coming!.guest_name,
          eventId: coming!.event_id,
          eventTitle: coming!.event_title,
          venueId: coming!.venue_id,
          venueName: coming!.venue_name,
          listName: coming!.list_name,
          admitCount: coming!.admit_count,
          showDate: coming!.show_date,
          showAt: coming!.show_at.toISOString(),
          timezone: coming!.timezone,
        },
      ]);
      const gone = await run(app, 'search.query', { text: past!.guest_name, limit: 50 });
      expect(gone.filter((hit) => hit.kind === 'guest')).toEqual([]);
    });

    it('should find a request as soon as it has synced, never an older picture', async () => {
      const [venue] = await db.sql<
        { id: string }[]
      >`SELECT id FROM venues WHERE organization_id = ${organizationId} LIMIT 1`;
      const [created] = await db.sql<{ id: string }[]>`
        INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                    event_title, preferred_start, preferred_end, expected_attendance)
        VALUES (${organizationId}, ${venue!.id}, 'RQ-SRCH-0001', 'Quillon Vask', 'q@example.com', 'The Zephyr 100%',
                'Zephyr night', now() + interval '30 days', now() + interval '30 days 3 hours', 300)
        RETURNING id`;
      await eventually(async () => (await run(app, 'requests.list', { limit: 1 })).rows[0]?.id === created!.id);
      // the first search after the change, with no pause: it waits for the entries, not the other way round
      expect(await run(app, 'search.query', { text: 'zephyr 100%' })).toEqual([
        { kind: 'artist', id: 'The Zephyr 100%', title: 'The Zephyr 100%', events: 0, requests: 1 },
        expect.objectContaining({ kind: 'request', id: created!.id, title: 'Zephyr night' }),
      ]);
      // % is a character to find, not a wildcard
      expect(await run(app, 'search.query', { text: 'zephyr 1%0' })).toEqual([]);
      await db.sql`DELETE FROM event_requests WHERE id = ${created!.id}`;
      await eventually(async () => (await run(app, 'requests.list', { limit: 1 })).rows[0]?.id !== created!.id);
      expect(await run(app, 'search.query', { text: 'quillon' })).toEqual([]);
    });

    it('should refuse to open an organization the member does not belong to', async () => {
      const [other] = await db.sql<
        { id: string }[]
      >`SELECT id FROM organizations WHERE slug <> 'lakeshore-live' LIMIT 1`;
      const outcome = await app.dispatch('organization.select', { organizationId: other!.id });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await run(app, 'session.get')).toMatchObject({ organizationId });
    });
  });

  it('should sign out: revoke the session at the relay, delete the token, stop sync, keep the replica', async () => {
    const email = 'booking@lakeshore-live.demo';
    const credentials = new MemoryCredentialStore();
    const app = await startApp(dataDir('sign-out'), credentials);
    const state = await signIn(app, email);
    await waitUntilLive(app);
    const token = (await credentials.get())!;
    const statuses: string[] = [];
    app.on('sync.status', (status) => statuses.push(status.phase));

    const after = await run(app, 'auth.signOut');
    // the sign-in form starts with the address last used here
    expect(after).toEqual({ state: 'signed-out', relayUrl: relay.url, email });
    expect(await credentials.get()).toBeNull();
    expect(statuses.at(-1)).toBe('signed-out');
    expect(await run(app, 'sync.status')).toEqual({ phase: 'signed-out' });
    const refused = await fetch(`${relay.url}/v1/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    expect(await app.dispatch('calendar.month', { venueId: null, month: '2026-01' })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    const organizationId = state.state === 'signed-in' ? state.organizationId! : '';
    expect(existsSync(join(dataDir('sign-out'), organizationId))).toBe(true);

    // a restart does not come back signed in, and the last address used beats a suggested one
    await app.close();
    const again = await startApp(dataDir('sign-out'), credentials, relay.url, OWNER);
    expect(await run(again, 'session.get')).toEqual({ state: 'signed-out', relayUrl: relay.url, email });
  });

  it('should start the sign-in form with the suggested address on a device that never signed in', async () => {
    const app = await startApp(dataDir('suggested'), new MemoryCredentialStore(), relay.url, OWNER);
    expect(await run(app, 'session.get')).toEqual({ state: 'signed-out', relayUrl: relay.url, email: OWNER });
    // asking for a code with another address makes that one the form's next start
    await run(app, 'auth.requestCode', { relayUrl: relay.url, email: 'Manager@Lakeshore-Live.demo' });
    await mailbox.next('manager@lakeshore-live.demo', 10_000, /sign-in code/);
    await app.close();
    const again = await startApp(dataDir('suggested'), new MemoryCredentialStore(), relay.url, OWNER);
    expect(await run(again, 'session.get')).toMatchObject({ email: 'manager@lakeshore-live.demo' });
  });

  it('should start offline from a stored token and read the remembered organization’s replica', async () => {
    const ownRelay = await startTestRelay(db, { SMTP_URL: mailbox.url, LIVE_POLL_TIMEOUT_MS: '2000' });
    extraRelays.push(ownRelay);
    const email = 'manager@lakeshore-live.demo';
    const credentials = new MemoryCredentialStore();
    const first = await startApp(dataDir('offline'), credentials, ownRelay.url);
    const signedIn = await signIn(first, email, ownRelay.url);
    await waitUntilLive(first);
    const venues = await run(first, 'venues.list');
    const requests = await run(first, 'requests.list', { limit: 500 });
    await first.close();
    await ownRelay.stop();

    const second = await startApp(dataDir('offline'), credentials, 'http://127.0.0.1:9');
    const state = await run(second, 'session.get');
    expect(state).toEqual(signedIn);
    expect(await run(second, 'venues.list')).toEqual(venues);
    expect(await run(second, 'requests.list', { limit: 500 })).toEqual(requests);
    await eventually(async () => (await run(second, 'sync.status')).phase === 'offline');
    const status = await run(second, 'sync.status');
    expect(status.lastSyncedAt).toBeDefined();
    expect(status.offlineSince).toBeDefined();
    // offline is not signed out: the token stays
    expect(await credentials.get()).not.toBeNull();
  });

  it('should sign in by the mailed link, and fall back to signed out when the relay revokes the session', async () => {
    const email = 'door@lakeshore-live.demo';
    const credentials = new MemoryCredentialStore();
    const app = await startApp(dataDir('link'), credentials);
    await run(app, 'auth.requestCode', { relayUrl: relay.url, email });
    const mail = await mailbox.next(email, 10_000, /sign-in code/);
    const token = /sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1]!;
    expect(await run(app, 'auth.verifyLink', { token })).toMatchObject({ state: 'signed-in', user: { email } });
    await waitUntilLive(app);
    const sessions: Array<SignalPayload<'session.changed'>> = [];
    app.on('session.changed', (state) => sessions.push(state));

    await db.sql`UPDATE sessions SET revoked_at = now()
                  WHERE user_id = (SELECT id FROM users WHERE email = ${email}) AND revoked_at IS NULL`;
    await eventually(() => sessions.some((s) => s.state === 'signed-out'), 20_000);
    expect(sessions.at(-1)).toMatchObject({ state: 'signed-out', relayUrl: relay.url, reason: expect.any(String) });
    expect(await credentials.get()).toBeNull();
    expect(await run(app, 'sync.status')).toMatchObject({ phase: 'signed-out' });
    // the same link does not work twice
    expect(await app.dispatch('auth.verifyLink', { token })).toMatchObject({ error: { code: 'relay_refused' } });
  });

  it('should sign out locally when the relay cannot be reached', async () => {
    const ownRelay = await startTestRelay(db, { SMTP_URL: mailbox.url, LIVE_POLL_TIMEOUT_MS: '2000' });
    extraRelays.push(ownRelay);
    const credentials = new MemoryCredentialStore();
    const app = await startApp(dataDir('offline-sign-out'), credentials, ownRelay.url);
    await signIn(app, 'staff@lakeshore-live.demo', ownRelay.url);
    await ownRelay.stop();
    const outcome: Outcome<unknown> = await app.dispatch('auth.signOut', {});
    expect(outcome).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    expect(await credentials.get()).toBeNull();
  });

  it('should name its own sign-in with the code, so that others’ tries for the address cannot lock it out', async () => {
    const ownRelay = await startTestRelay(db, {
      SMTP_URL: mailbox.url,
      LIVE_POLL_TIMEOUT_MS: '2000',
      VERIFY_LIMIT_PER_EMAIL: '2',
    });
    extraRelays.push(ownRelay);
    const email = 'staff@lakeshore-live.demo';
    const app = await startApp(dataDir('others-tries'), new MemoryCredentialStore(), ownRelay.url);
    await run(app, 'auth.requestCode', { relayUrl: ownRelay.url, email });
    const mail = await mailbox.next(email, 10_000, /sign-in code/);
    const code = /\b(\d{6})\b/.exec(mail.parsed.subject ?? '')![1]!;
    // someone else types codes for the address until the relay stops them
    const tryCode = async (guess: string) =>
      (
        await fetch(`${ownRelay.url}/v1/auth/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, code: guess }),
        })
      ).status;
    const wrong = code === '000000' ? '111111' : '000000';
    expect([await tryCode(wrong), await tryCode(wrong), await tryCode(wrong)]).toEqual([401, 401, 429]);
    // the app's code names the sign-in it asked for: neither the wrong codes nor the limit stop it
    expect(await run(app, 'auth.verifyCode', { email, code })).toMatchObject({ state: 'signed-in', user: { email } });
  });
});
