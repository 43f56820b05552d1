// A venue manager's day against a real relay, through the real renderer in Chromium: sign in
// with the code from the mail, read the calendar, lose the relay and keep working from the
// replica, get it back and see what changed meanwhile, find an artist with Ctrl-K.
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_manager');
});
// a page error or a CSP refusal is a failure worth seeing in the log
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && console.error(`[console] ${message.text()}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

/** the demo organization's next confirmed show, with its date in venue time */
async function upcomingEvent() {
  const [event] = await stack.db.sql<{ id: string; title: string; artist_name: string; show_date: string }[]>`
    SELECT e.id, e.title, e.artist_name, e.show_date::text AS show_date
      FROM events e JOIN organizations o ON o.id = e.organization_id JOIN venues v ON v.id = e.venue_id
     WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED'
       AND e.show_date >= (now() AT TIME ZONE v.timezone)::date
     ORDER BY e.show_date, e.id LIMIT 1`;
  if (!event) throw new Error('the demo has no upcoming show');
  return event;
}

const syncIndicator = (page: Page) => page.locator('[role="status"][data-sync-phase]');
const eventLink = (page: Page, date: string, title: string) =>
  page.locator(`[data-date="${date}"]`).getByRole('link', { name: title });

test('should sign in with the mailed code and show the organization’s events', async ({ page }) => {
  await page.goto(stack.devHost.pageUrl);
  await page.getByLabel('Email').fill(DEMO_OWNER);
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  const code = await stack.nextSignInCode(DEMO_OWNER);
  // a wrong code is refused with the relay's words, next to the form
  const wrong = code.slice(0, 5) + ((Number(code[5]) + 1) % 10);
  await page.getByLabel('Six-digit code').fill(wrong);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Six-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByLabel('Organization')).toHaveText(/Lakeshore Live/);
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });

  const event = await upcomingEvent();
  await page.evaluate((month) => (window.location.hash = `#/calendar?month=${month}`), event.show_date.slice(0, 7));
  // the organization's venues in Chicago, London and Melbourne, each on its own clock
  await expect(page.getByTestId('calendar-timezone')).toContainText('each venue’s local time');
  await eventLink(page, event.show_date, event.title).click();
  await expect(page.getByRole('heading', { name: event.title })).toBeVisible();
  await expect(page.getByText(event.artist_name).first()).toBeVisible();
});

test('should keep working offline and show what changed meanwhile once the relay is back', async ({ page }) => {
  await openSignedIn(page, stack, DEMO_OWNER);
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
  const event = await upcomingEvent();
  await page.evaluate((month) => (window.location.hash = `#/calendar?month=${month}`), event.show_date.slice(0, 7));
  await expect(eventLink(page, event.show_date, event.title)).toBeVisible();

  await stack.stopRelay();
  await expect(page.locator('[data-sync-phase="offline"]')).toBeVisible({ timeout: 60_000 });
  await expect(syncIndicator(page)).toContainText('Offline since');

  // the replica still answers: requests, another month, the event itself
  await page.getByRole('link', { name: 'Requests' }).click();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByRole('button', { name: 'New', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Calendar' }).click();
  await page.evaluate((month) => (window.location.hash = `#/calendar?month=${month}`), event.show_date.slice(0, 7));
  await expect(eventLink(page, event.show_date, event.title)).toBeVisible();

  // committed at the relay's database while this app could not see it
  const renamed = `${event.title} (moved to the main room)`;
  await stack.db.sql`UPDATE events SET title = ${renamed}, updated_at = now() WHERE id = ${event.id}`;

  await stack.startRelay();
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
  // no reload: the calendar re-queried when the replica said events changed
  await expect(eventLink(page, event.show_date, renamed)).toBeVisible();
});

test('should find an artist with Ctrl-K within a second of typing', async ({ page }) => {
  await openSignedIn(page, stack, DEMO_OWNER);
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
  const event = await upcomingEvent();

  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search' });
  await expect(search).toBeFocused();
  await search.pressSequentially(event.artist_name.slice(0, 6));
  const artist = page.getByRole('option').filter({ hasText: 'Artist' }).filter({ hasText: event.artist_name });
  await expect(artist.first()).toBeVisible({ timeout: 1_000 });

  // arrows move to the show, Enter opens it
  await search.fill(event.title);
  await expect(page.getByRole('listbox', { name: 'Results' })).toHaveAttribute('data-query', event.title);
  const show = page.getByRole('option').filter({ hasText: 'Event' }).filter({ hasText: event.title }).first();
  await expect(show).toBeVisible({ timeout: 1_000 });
  const options = await page.getByRole('option').allTextContents();
  const index = options.findIndex((text) => text.startsWith('Event') && text.includes(event.title));
  for (let step = 0; step < index; step++) await search.press('ArrowDown');
  await expect(show).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: event.title })).toBeVisible();
});
