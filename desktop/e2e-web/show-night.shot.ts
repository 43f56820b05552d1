// `npm run screenshots`: the screens of a show night in light and dark, on the demo's show
// tonight at the Chicago room: its shared notes (advance notes, run of show), the settlement with
// the advance sales, the documents drawn by the relay, show-day mode with the door admitting a
// guest and the guest lists, and what the outside promoter sees of the shows they bring, signed in
// on a desktop of their own. Written to docs/screenshots/<screen>-<scheme>.png.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { signInAt, startDesktopClient, type DesktopClient } from './desktop-client.js';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const OUT = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PROMOTER = 'promoter@lakeshore-live.demo';
let stack: VenueStack;
let promoterDesk: DesktopClient;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_show_night_shots');
  promoterDesk = await startDesktopClient(stack, 'promoter-shots');
});
test.afterAll(async () => {
  await promoterDesk?.stop();
  await stack?.stop();
});

async function signInCore(app: DesktopClient['app'], email: string) {
  expect((await app.dispatch('auth.requestCode', { relayUrl: stack.relayUrl(), email })).ok).toBe(true);
  const code = await stack.nextSignInCode(email);
  expect((await app.dispatch('auth.verifyCode', { email, code })).ok).toBe(true);
}

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
const live = (page: Page) => expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
/** scrolled so the section starts at the top of the window, under the app's header */
const toTop = (section: ReturnType<typeof region>) =>
  section.evaluate((element) => element.scrollIntoView({ block: 'start' }));

/** tonight's show at the Chicago room: today on Chicago's calendar */
async function tonightInChicago() {
  const [show] = await stack.db.sql<{ id: string; title: string }[]>`
    SELECT e.id, e.title FROM events e JOIN venues v ON v.id = e.venue_id
     WHERE v.slug = 'lakeshore-ballroom' AND e.status = 'CONFIRMED'
       AND e.show_date = (now() AT TIME ZONE v.timezone)::date`;
  if (!show) throw new Error('the demo has no show tonight in Chicago');
  return show;
}

test('screenshots of a show night, light and dark', async ({ page, browser }) => {
  test.setTimeout(300_000);
  // tall enough for a section of the event page, header to last line
  await page.setViewportSize({ width: 1280, height: 960 });
  const show = await tonightInChicago();
  // signed in through each desktop's core first (as delivery-problems.spec.ts does): the demo's
  // first sync can outlast the sign-in form's wait, and signing in is not what these show
  await signInCore(stack.app, DEMO_OWNER);
  await signInCore(promoterDesk.app, PROMOTER);
  await openSignedIn(page, stack, DEMO_OWNER);
  await live(page);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const shoot = (name: string) => page.screenshot({ path: `${OUT}${name}-${colorScheme}.png` });

    await go(page, `#/events/${show.id}`);
    await expect(page.getByRole('heading', { name: show.title, level: 1 })).toBeVisible();
    // the notes open live from the relay's room, with the run of show the demo wrote
    const notes = region(page, 'Run of show');
    await expect(region(page, 'Advance notes').getByRole('status')).toHaveText('Live', { timeout: 30_000 });
    await expect(notes.getByRole('status')).toHaveText('Live', { timeout: 30_000 });
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: /^Run of show/ })
          .locator('input')
          .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
      )
      .toContain('Doors');
    await toTop(region(page, 'Advance notes'));
    await shoot('shared-notes');

    const settlement = region(page, 'Settlement');
    await expect(settlement.getByRole('listitem', { name: 'Advance tickets' })).toBeVisible();
    await toTop(settlement);
    await shoot('settlement');

    // the confirmation and the day sheet, drawn by the relay's job loop after the demo loaded
    const documents = region(page, 'Documents');
    for (const kind of ['CONFIRMATION', 'ADVANCE']) {
      await expect(documents.locator(`[data-document-kind="${kind}"]`)).toContainText(/v1 · /, { timeout: 60_000 });
    }
    await toTop(documents);
    await shoot('documents');

    await go(page, '#/show-day');
    const search = page.getByRole('combobox', { name: 'Find a guest' });
    await expect(search).toBeVisible();
    await shoot('show-day');
    // the door at work: a name typed, the guest picked and admitted, the count moving
    const [guest] = await stack.db.sql<{ guest_name: string }[]>`
      SELECT g.guest_name FROM guest_list_entries g
       WHERE g.event_id = ${show.id} AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.entry_id = g.id)
       ORDER BY g.guest_name LIMIT 1 OFFSET ${colorScheme === 'light' ? 3 : 7}`;
    await search.fill(guest!.guest_name.split(' ')[0]!);
    await expect(page.getByRole('option', { name: guest!.guest_name }).first()).toBeVisible();
    await page.getByRole('option', { name: guest!.guest_name }).first().click();
    await search.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: guest!.guest_name })).toBeVisible();
    await shoot('door');
    const lists = page.getByRole('region', { name: 'Lists' });
    await lists.scrollIntoViewIfNeeded();
    await lists.screenshot({ path: `${OUT}guest-lists-${colorScheme}.png` });
  }

  // the outside promoter, on a desktop of their own: the shows they bring and their requests,
  // nothing of the venue's books
  const [theirs] = await stack.db.sql<{ id: string; title: string; show_date: string }[]>`
    SELECT e.id, e.title, e.show_date::text AS show_date
      FROM events e JOIN users u ON u.id = e.promoter_user_id JOIN venues v ON v.id = e.venue_id
     WHERE u.email = ${PROMOTER} AND e.status = 'CONFIRMED' AND e.show_date >= (now() AT TIME ZONE v.timezone)::date
     ORDER BY e.show_date LIMIT 1`;
  if (!theirs) throw new Error('the demo promoter has no upcoming show');
  const promoter = await (
    await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })
  ).newPage();
  await signInAt(promoter, promoterDesk.pageUrl, stack, PROMOTER);
  await live(promoter);
  for (const colorScheme of ['light', 'dark'] as const) {
    await promoter.emulateMedia({ colorScheme });
    await go(promoter, `#/calendar?month=${theirs.show_date.slice(0, 7)}`);
    await expect(
      promoter.locator(`[data-date="${theirs.show_date}"]`).getByRole('link', { name: theirs.title }),
    ).toBeVisible();
    await promoter.screenshot({ path: `${OUT}promoter-calendar-${colorScheme}.png` });
    await promoter.getByRole('link', { name: 'My requests' }).click();
    await expect(promoter.getByRole('heading', { name: 'My requests' })).toBeVisible();
    await promoter.screenshot({ path: `${OUT}promoter-requests-${colorScheme}.png` });
  }
  await promoter.context().close();
});
