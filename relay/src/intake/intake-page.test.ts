// The public request page as a browser gets it: the form, its script within budget, and a clear
// 404 for any address that is not a venue taking requests.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { intakeWorld, postJson, validFields, formToken, type IntakeWorld } from '../testing/intake-world.js';

let db: TestDatabase;
let relay: TestRelay;
let world: IntakeWorld;
let other: IntakeWorld;

beforeAll(async () => {
  db = await createTestDatabase('intake_page');
  relay = await startTestRelay(db);
  world = await intakeWorld(db.sql);
  other = await intakeWorld(db.sql);
  // a second venue of the other organization, slug "side-room", that only it has
  await db.sql`INSERT INTO venues (organization_id, slug, name, timezone, capacity)
               VALUES (${other.organizationId}, 'side-room', 'Side Room', 'Europe/Berlin', 120)`;
  await db.sql`INSERT INTO venues (organization_id, slug, name, timezone, capacity, intake_enabled)
               VALUES (${world.organizationId}, 'closed-room', 'Closed Room', 'Europe/Berlin', 120, false)`;
});

afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

const get = (path: string) => fetch(`${relay.url}${path}`);

describe('the request page', () => {
  it('should serve the form with every field labelled and the venue’s zone named at the times', async () => {
    const response = await get(world.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toContain('<h1>Request a date at The Main Room</h1>');
    for (const name of [
      'name',
      'email',
      'phone',
      'company',
      'artist',
      'eventTitle',
      'description',
      'preferredDate',
      'startTime',
      'endTime',
      'alternativeDate',
      'expectedAttendance',
      'budgetMin',
      'budgetMax',
      'dealNotes',
      'techNeeds',
    ]) {
      expect(page, name).toContain(`<label for="f-${name}">`);
      expect(page, name).toMatch(new RegExp(`id="f-${name}" name="${name}"`));
    }
    expect(page).toContain('Venue time: Pacific Time (America/Los_Angeles)');
    expect(page).toMatch(/<input type="hidden" name="formToken" value="[\w-]+\.[\w-]+\.[\w-]+">/);
    expect(page).toContain('novalidate');
  });

  it('should serve the page’s script within 60 KB gzipped, bundled with no build step', async () => {
    const page = await (await get(world.path)).text();
    const src = /<script type="module" src="([^"]+)"><\/script>/.exec(page)?.[1];
    expect(src).toMatch(/^\/request-assets\/intake-form\.js\?v=[0-9a-f]{12}$/);
    const response = await get(src!.replace(/&amp;/g, '&'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
    const code = Buffer.from(await response.arrayBuffer());
    expect(code.length).toBeGreaterThan(1000);
    expect(gzipSync(code).length).toBeLessThanOrEqual(60 * 1024);
  });

  it('should answer an unknown organization or venue with a clear 404 page', async () => {
    for (const path of [
      '/request/nobody-here/main-room',
      `/request/${world.orgSlug}/no-such-room`,
      '/request/Bad_Slug/x',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain('This request page does not exist');
    }
  });

  it('should resolve the venue inside its organization only', async () => {
    // side-room belongs to the other organization
    expect((await get(`/request/${world.orgSlug}/side-room`)).status).toBe(404);
    expect((await get(`/request/${other.orgSlug}/side-room`)).status).toBe(200);
  });

  it('should answer 404 for a venue that does not take requests, and file nothing there', async () => {
    const path = `/request/${world.orgSlug}/closed-room`;
    expect((await get(path)).status).toBe(404);
    const answer = await postJson(relay, path, { ...validFields(), formToken: formToken(relay, world.venueId) });
    expect(answer.status).toBe(404);
    expect(answer.json!.code).toBe('not_found');
    const [count] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM event_requests`;
    expect(count!.n).toBe(0);
  });

  it('should name its icon, and serve it at that address and at /favicon.ico, where browsers look unasked', async () => {
    const page = await (await get(world.path)).text();
    const [, href] = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/.exec(page) ?? [];
    expect(href).toBe('/favicon.svg');
    for (const path of [href!, '/favicon.ico']) {
      const icon = await get(path);
      expect(icon.status, path).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/svg+xml');
      expect(icon.headers.get('cache-control')).toMatch(/max-age=\d+/);
      const svg = await icon.text();
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">.*<\/svg>$/);
    }
  });
});
