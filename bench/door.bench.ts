// npm run bench:door — the door on show day, through the real renderer in Chromium, the browser
// dev host's command bridge and the app service on a PGlite replica synced from a real relay,
// then stopped: the door works offline. Today's show at the demo's Melbourne venue gets one
// guest list of 2,500 names before the door person signs in.
//   checkin_p99_ms  Enter on a found guest (keydown) → the door count shows one more, offline
//   search_p99_ms   typing a guest's full name (one input event, as the last keystroke of a name
//                   or a paste) → the first result is that guest
//   merge_ms, floor_ms, ratio  from bench/door-merge.ts: four devices × 500 offline check-ins
//                   reconnecting at once, against the same rows inserted into PostgreSQL
//                   (BENCH_DOOR_MERGE=0 leaves them out: null)
// Prints one JSON line on stdout; progress goes to stderr.
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs } from '@promoteros/desktop/e2e-web/chromium';
import { startVenueStack } from '../desktop/e2e-web/venue-stack.js';
import { measureDoorMerge } from './door-merge.js';
import { percentile } from './relay-process.js';
import { waitInPage } from './ui/in-page.js';
import { buildRenderer } from './ui/ui-stack.js';

const ENTRIES = 2500;
const SEARCHES = Number(process.env.BENCH_DOOR_SEARCHES ?? 100);
const CHECK_INS = Number(process.env.BENCH_DOOR_CHECK_INS_UI ?? 100);
const DOOR = 'door@meridian-halls.demo';
const VENUE = 'Meridian Theatre Melbourne';
const targets = { checkin_p99_ms: 16, search_p99_ms: 30 };

const progress = (message: string) => process.stderr.write(`bench:door ${message}\n`);
const round = (ms: number) => Math.round(ms * 10) / 10;

// 60 × 60 names, taken in order: the 2,500 are all different
const FIRST = (
  'Alex Jordan Taylor Morgan Casey Jamie Riley Avery Quinn Harper Daniel Sophie Marcus Elena Noah Grace Omar ' +
  'Isabel Theo Nina Liam Zara Ethan Chloe Mateo Ava Felix Maya Hugo Iris Leo Ruby Oscar Lena Jonah Ada Milo Tessa ' +
  'Ravi Freya Samir Ines Tobias Clara Kofi Yara Emil Nora Dario Lucia Arjun Greta Malik Signe Pablo Hanna Idris ' +
  'Mei Bruno Zoë'
).split(' ');
const LAST = (
  'Smith Okafor Lindqvist Moreau Tanaka Kowalski Brennan Haddad Rossi Nakamura Osei Fischer Duarte Novak Walsh ' +
  'Petrov Castillo Ahmed Jensen Kim Murphy Silva Dubois Schmidt Costa Yilmaz Horvat Bianchi Larsen Mendes ' +
  'Quinlan Ferreira Sato Olsen Reyes Varga Nolan Ibrahim Keller Moretti Svensson Acheampong Lachance Byrne ' +
  'Castro Nilsen Popescu Abara Whitfield Lindgren Marchetti Oduya Farrell Herrera Takahashi Becker Mwangi ' +
  'Sørensen Delgado Hartley'
).split(' ');

/**
 * window.__door: search — t0 at the input event, t1 when the results answer `query` and the first
 * is `expect`; checkIn — t0 at Enter's keydown, t1 when the door count reads `total`. Stamped in
 * the DOM mutation that shows them (MutationObserver), not by polling.
 */
const installProbes = `(() => {
  const door = (window.__door = { search: null, checkIn: null });
  document.addEventListener('input', () => { if (door.search) door.search.t0 = performance.now(); }, true);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && door.checkIn && !door.checkIn.t0) door.checkIn.t0 = performance.now();
  }, true);
  const check = () => {
    const search = door.search;
    if (search && search.t0 && !search.t1) {
      const list = document.querySelector('[role="listbox"][aria-label="Guests"]');
      const first = list && list.querySelector('[role="option"] [id$="-name"]');
      if (list && list.getAttribute('data-query') === search.query && first && first.textContent === search.expect)
        search.t1 = performance.now();
    }
    const checkIn = door.checkIn;
    if (checkIn && checkIn.t0 && !checkIn.t1) {
      const total = document.querySelector('[data-testid="door-total"]');
      if (total && total.getAttribute('data-value') === String(checkIn.total)) checkIn.t1 = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

async function measureSearch(page: Page, names: readonly string[]): Promise<number[]> {
  const box = page.getByRole('combobox', { name: 'Find a guest' });
  const times: number[] = [];
  for (const name of names) {
    await page.evaluate(
      `window.__door.search = { query: ${JSON.stringify(name)}, expect: ${JSON.stringify(name)}, t0: 0, t1: 0 }`,
    );
    await box.fill(name);
    await waitInPage(page, 'window.__door.search.t1 > 0', 30_000);
    times.push((await page.evaluate('window.__door.search.t1 - window.__door.search.t0')) as number);
  }
  await box.fill('');
  return times;
}

async function measureCheckIns(page: Page, names: readonly string[]): Promise<number[]> {
  const box = page.getByRole('combobox', { name: 'Find a guest' });
  const times: number[] = [];
  // the count as a number: the text on screen has the locale's thousands separators
  let total = Number(await page.getByTestId('door-total').getAttribute('data-value'));
  for (const name of names) {
    await box.fill(name);
    await page.getByRole('option', { name, exact: true, selected: true }).waitFor();
    total += 1;
    await page.evaluate(`window.__door.checkIn = { total: ${total}, t0: 0, t1: 0 }`);
    await box.press('Enter');
    await waitInPage(page, 'window.__door.checkIn.t1 > 0', 30_000);
    times.push((await page.evaluate('window.__door.checkIn.t1 - window.__door.checkIn.t0')) as number);
  }
  return times;
}

async function measureShowDay(): Promise<{ checkIn: number[]; search: number[] }> {
  progress('building the renderer');
  buildRenderer();
  progress('starting PostgreSQL with the demo, the relay and the desktop app');
  const stack = await startVenueStack('bench_door');
  let browser: Browser | undefined;
  try {
    const [venue] = await stack.db.sql<{ id: string; organization_id: string; today: string }[]>`
      SELECT id, organization_id, (now() AT TIME ZONE timezone)::date::text AS today FROM venues WHERE name = ${VENUE}`;
    if (!venue) throw new Error(`the demo has no venue ${VENUE}`);
    const eventId = randomUUID();
    const listId = randomUUID();
    // the only show at the venue today: doors opened an hour ago, room for every guest
    await stack.db.sql`UPDATE events SET status = 'CANCELLED', updated_at = now()
                        WHERE venue_id = ${venue.id} AND show_date BETWEEN ${venue.today}::date - 1 AND ${venue.today}::date`;
    await stack.db.sql`
      INSERT INTO events (id, organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at,
                          capacity_override)
      VALUES (${eventId}, ${venue.organization_id}, ${venue.id}, 'Door benchmark night', 'The Benchmarks', 'CONFIRMED',
              ${venue.today}, now() - interval '1 hour', now() + interval '1 hour', now() + interval '3 hours', 5000)`;
    await stack.db.sql`
      INSERT INTO guest_lists (id, organization_id, event_id, name, kind, allotment)
      VALUES (${listId}, ${venue.organization_id}, ${eventId}, 'Everyone', 'COMP', NULL)`;
    const names = Array.from({ length: ENTRIES }, (_, i) => `${FIRST[i % 60]} ${LAST[Math.floor(i / 60) % 60]}`);
    await stack.db.sql`
      INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count)
      SELECT ${venue.organization_id}, ${eventId}, ${listId}, name, 1 FROM unnest(${names}::text[]) AS name`;

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page.on('pageerror', (error) => progress(`[page] ${error.message}`));
    progress('signing in and syncing the replica');
    await page.goto(stack.devHost.pageUrl);
    await page.getByLabel('Email').fill(DOOR);
    await page.getByRole('button', { name: 'Send sign-in code' }).click();
    await page.getByLabel('Six-digit code').fill(await stack.nextSignInCode(DOOR));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('[data-sync-phase="live"]').waitFor({ timeout: 600_000 });
    for (;;) {
      const outcome = await stack.app.dispatch('guestList.get', { eventId });
      if (outcome.ok && (outcome.value as { entries: unknown[] }).entries.length === ENTRIES) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    progress('relay stopped: the door is offline');
    await stack.stopRelay();
    await page.locator('[data-sync-phase="offline"]').waitFor({ timeout: 60_000 });
    await page.evaluate("window.location.hash = '#/show-day'");
    await page.getByLabel('Show day at').selectOption({ label: VENUE });
    await page.getByRole('heading', { name: 'Door benchmark night', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Find a guest' }).waitFor();
    await page.evaluate(installProbes);

    // names spread over the list; the ones searched for are not the ones checked in
    const spread = (count: number, offset: number) =>
      Array.from({ length: count }, (_, i) => names[(i * 997 + offset) % ENTRIES]!);
    progress(`search: ${SEARCHES} names`);
    const search = await measureSearch(page, spread(SEARCHES, 11));
    progress(`check-in: ${CHECK_INS} guests`);
    const checkIn = await measureCheckIns(page, spread(CHECK_INS, 503));
    return { checkIn, search };
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

async function main(): Promise<void> {
  const times = await measureShowDay();
  const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
  const checkIn = ascending(times.checkIn);
  const search = ascending(times.search);
  const slowest = (sorted: number[]) => sorted.slice(-5).reverse().map(round).join(', ');
  progress(`slowest check-ins: ${slowest(checkIn)} ms; slowest searches: ${slowest(search)} ms`);
  // BENCH_DOOR_MERGE=0: the show-day figures alone (merge fields null), for work on the screen
  const skipMerge = process.env.BENCH_DOOR_MERGE === '0';
  if (skipMerge) progress('merge skipped (BENCH_DOOR_MERGE=0)');
  else progress('merge: 4 devices × 500 offline check-ins');
  const merge = skipMerge ? undefined : await measureDoorMerge();
  const result = {
    bench: 'door',
    entries: ENTRIES,
    checkin_p99_ms: round(percentile(checkIn, 99)),
    checkin_p50_ms: round(percentile(checkIn, 50)),
    search_p99_ms: round(percentile(search, 99)),
    search_p50_ms: round(percentile(search, 50)),
    merge_ms: merge ? round(merge.merge_ms) : null,
    floor_ms: merge ? round(merge.floor_ms) : null,
    ratio: merge ? round(merge.merge_ms / merge.floor_ms) : null,
    targets,
    met: percentile(checkIn, 99) <= targets.checkin_p99_ms && percentile(search, 99) <= targets.search_p99_ms,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
