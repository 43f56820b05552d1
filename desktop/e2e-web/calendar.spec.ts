// The calendar through the real renderer in Chromium, against a real relay and PostgreSQL, on a
// computer whose clock is in Tokyo while the venue is in Chicago: a title cut in its month cell
// is whole on hover (title) and on keyboard focus (a tooltip); the week view draws each show at
// the hours of the venue's clock; the list covers the next 90 days, or any range chosen with its
// date fields, and says so when the range cannot be.
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, freeDate, startVenueStack, type VenueStack } from './venue-stack.js';

test.use({ timezoneId: 'Asia/Tokyo' });

let stack: VenueStack;
let venue: { id: string; name: string; today: string; organization_id: string };
/** a free day about three weeks ahead, and the day after */
let day: string;
let nextDay: string;
const LONG = 'The Extraordinarily Long-Named Midsummer Orchestral Reunion Finale, with Very Special Guests';
const LATE = 'Late Night Lanterns';

// ICU puts a narrow no-break space before AM/PM
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_calendar');
  const [chicago] = await stack.db.sql<(typeof venue)[]>`
    SELECT v.id, v.name, v.organization_id, (now() AT TIME ZONE v.timezone)::date::text AS today
      FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' AND v.timezone = 'America/Chicago' ORDER BY v.name LIMIT 1`;
  if (!chicago) throw new Error('the demo has no Chicago venue');
  venue = chicago;
  day = await freeDate(stack, venue.id, 20);
  nextDay = addDays(day, 1);
  const organizationId = venue.organization_id;
  // doors 19:00 to 23:30, and the next night 21:00 to 01:00 (past midnight), on Chicago's clock
  for (const [title, date, doors, show, ends, endsDate] of [
    [LONG, day, '19:00', '20:00', '23:30', day],
    [LATE, nextDay, '21:00', '22:00', '01:00', addDays(nextDay, 1)],
  ] as const) {
    await stack.db.sql`
      INSERT INTO events (id, organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at)
      VALUES (${randomUUID()}, ${organizationId}, ${venue.id}, ${title}, ${title}, 'CONFIRMED', ${date},
              (${date}::date + ${doors}::time) AT TIME ZONE 'America/Chicago',
              (${date}::date + ${show}::time) AT TIME ZONE 'America/Chicago',
              (${endsDate}::date + ${ends}::time) AT TIME ZONE 'America/Chicago')`;
  }
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && console.error(`[console] ${message.text()}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);

async function openAtVenue(page: Page) {
  await openSignedIn(page, stack, DEMO_OWNER);
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Venue', { exact: true }).selectOption({ label: venue.name });
}

const box = async (locator: Locator) => (await locator.boundingBox())!;
const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`,
  );

test('should show a title cut in its month cell whole on hover and on keyboard focus', async ({ page }) => {
  await openAtVenue(page);
  await go(page, `#/calendar?month=${day.slice(0, 7)}`);
  const chip = page.locator(`[data-date="${day}"]`).getByRole('link', { name: /Extraordinarily/ });
  await expect(chip).toBeVisible();
  // the cell is too narrow for the title: cut with an ellipsis
  const cut = await chip.evaluate((link) => {
    const text = link.firstElementChild as HTMLElement;
    return text.scrollWidth > text.clientWidth;
  });
  expect(cut).toBe(true);
  // hover: the whole title, time and status in the title attribute
  expect(plain((await chip.getAttribute('title')) ?? '')).toBe(`8:00 PM · ${LONG} · doors 7:00 PM · Confirmed`);

  const tooltip = chip.locator('[data-full-title]');
  await expect(tooltip).toBeHidden();
  // focus by keyboard: Tab from the "Today" button until the chip has it
  await page.getByRole('button', { name: 'Today' }).focus();
  for (let tabs = 0; tabs < 200 && !(await chip.evaluate((link) => link === document.activeElement)); tabs++)
    await page.keyboard.press('Tab');
  await expect(chip).toBeFocused();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(LONG);
  expect(await axeViolations(page)).toEqual([]);
  // whole, not cut: the tooltip is as wide as its words need (up to its maximum, then it wraps)
  expect(await tooltip.evaluate((tip) => tip.scrollWidth <= tip.clientWidth)).toBe(true);
  await page.keyboard.press('Tab');
  await expect(tooltip).toBeHidden();
});

test('should draw a week’s shows at the hours of the venue’s clock, and turn the week by keyboard', async ({
  page,
}) => {
  await openAtVenue(page);
  await go(page, `#/calendar?view=week&week=${day}`);
  await expect(page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const long = page.locator(`section[data-date="${day}"]`).getByRole('link', { name: /Extraordinarily/ });
  const late = page.locator(`section[data-date="${nextDay}"]`).getByRole('link', { name: LATE });
  await expect(long).toContainText(/doors 7:00\sPM · show 8:00\sPM/);
  await expect(late).toContainText(/doors 9:00\sPM · show 10:00\sPM/);

  // an hour is one height on every day: 19:00 → 23:30 is 4½ hours, 21:00 → midnight 3
  const [a, b] = [await box(long), await box(late)];
  const hour = (b.y - a.y) / 2;
  expect(hour).toBeGreaterThan(20);
  expect(a.height / hour).toBeCloseTo(4.5, 1);
  expect(b.height / hour).toBeCloseTo(3, 1);
  expect(await axeViolations(page)).toEqual([]);

  // the day columns are named for the reader and in the venue's week (Tokyo's clock is ahead)
  await expect(page.locator(`section[data-date="${day}"]`)).toHaveAttribute('aria-label', /\d{4}/);
  const heading = page.getByRole('heading', { level: 1 });
  const before = await heading.textContent();
  await page.locator('body').press('PageDown');
  await expect(heading).not.toHaveText(before!);
  await expect(long).toBeHidden();
  await page.locator('body').press('PageUp');
  await expect(long).toBeVisible();
});

test('should list the next 90 days by default, any range chosen with its date fields, and refuse a backwards range', async ({
  page,
}) => {
  await openAtVenue(page);
  await go(page, '#/calendar?view=list');
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('to', { exact: true });
  await expect(from).toHaveValue(venue.today);
  await expect(to).toHaveValue(addDays(venue.today, 89));
  // three weeks ahead is in the next 90 days
  const days = page.getByRole('list', { name: 'Days' });
  await expect(days.locator(`[data-date="${day}"]`)).toContainText(LONG);
  await expect(days.locator(`[data-date="${nextDay}"]`)).toContainText(LATE);
  expect(await axeViolations(page)).toEqual([]);

  // one day: only that day's show
  await to.fill(day);
  await from.fill(day);
  await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}`));
  await expect(days.locator(':scope > li')).toHaveCount(1);
  await expect(days).toContainText(LONG);
  await expect(days).not.toContainText(LATE);
  await expect(days).toContainText('Confirmed');
  await expect(days).not.toContainText('CONFIRMED');

  // a later last day brings the next night in; a last day before the first is named
  await to.fill(nextDay);
  await expect(days).toContainText(LATE);
  await go(page, `#/calendar?view=list&from=${nextDay}&to=${day}`);
  await expect(page.getByRole('alert')).toHaveText('The last day is before the first day.');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
});
