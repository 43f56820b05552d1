// `npm run screenshots`: every main screen in light and dark, signed in to the demo through a
// real relay, written to docs/screenshots/<screen>-<scheme>.png for the README and reviews.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_screenshots');
});
test.afterAll(async () => {
  await stack?.stop();
});

async function busiestEvent() {
  const [event] = await stack.db.sql<{ id: string; show_date: string }[]>`
    SELECT e.id, e.show_date::text AS show_date
      FROM events e JOIN organizations o ON o.id = e.organization_id JOIN venues v ON v.id = e.venue_id
     WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED'
       AND e.show_date >= (now() AT TIME ZONE v.timezone)::date
     ORDER BY (SELECT count(*) FROM event_tasks t WHERE t.event_id = e.id) DESC, e.show_date LIMIT 1`;
  if (!event) throw new Error('the demo has no upcoming show');
  return event;
}

/**
 * An edit the relay refuses, as it happens: offline, a task of a show is ticked off while the
 * office settles that show; once the relay is back it refuses the edit and the app lists it.
 */
async function refuseAnEdit(page: Page, besides: string) {
  const [show] = await stack.db.sql<{ id: string; title: string }[]>`
    SELECT e.id, t.title FROM events e JOIN organizations o ON o.id = e.organization_id
      JOIN event_tasks t ON t.event_id = e.id AND t.completed_at IS NULL
     WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED' AND e.id <> ${besides}
     ORDER BY e.show_date DESC, t.position LIMIT 1`;
  if (!show) throw new Error('the demo has no other show with an open task');
  await stack.stopRelay();
  await expect(page.locator('[data-sync-phase="offline"]')).toBeVisible({ timeout: 60_000 });
  await go(page, `#/events/${show.id}`);
  await page.getByRole('checkbox', { name: show.title, exact: true }).first().check();
  await stack.db.sql`UPDATE events SET status = 'SETTLED', updated_at = now() WHERE id = ${show.id}`;
  await stack.startRelay();
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
}

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);

test('screenshots of every main screen, light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    if (colorScheme === 'light') {
      await page.goto(stack.devHost.pageUrl);
      await expect(page.getByLabel('Email')).toBeVisible();
      await page.getByLabel('Email').fill(DEMO_OWNER);
      await page.screenshot({ path: `${OUT}sign-in-light.png` });
      await openSignedIn(page, stack, DEMO_OWNER);
      await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
    }
    const shoot = (name: string) => page.screenshot({ path: `${OUT}${name}-${colorScheme}.png` });
    const event = await busiestEvent();
    const month = event.show_date.slice(0, 7);

    await go(page, `#/calendar?month=${month}`);
    await expect(page.locator('[data-date] a').first()).toBeVisible();
    await shoot('calendar-month');
    await go(page, `#/calendar?month=${month}&view=list`);
    await expect(page.locator('ol a').first()).toBeVisible();
    await shoot('calendar-list');
    await go(page, `#/events/${event.id}`);
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
    await shoot('event-detail');
    await page
      .getByRole('region', { name: 'Deal' })
      .getByRole('button', { name: /^(Edit|Add terms)$/ })
      .click();
    await expect(page.getByRole('form', { name: 'Edit deal terms' })).toBeVisible();
    await shoot('event-deal-form');
    await page.keyboard.press('Escape');
    if (colorScheme === 'light') await refuseAnEdit(page, event.id);
    await page.getByRole('button', { name: '1 needs attention' }).click();
    await expect(page.getByRole('listitem', { name: 'Tick a task off' })).toBeVisible();
    await shoot('needs-attention');
    await page.keyboard.press('Escape');
    await go(page, '#/requests?status=NEW,REVIEW');
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await shoot('requests');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search' }).pressSequentially('the');
    await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
    await shoot('search');
    await page.keyboard.press('Escape');
  }
  // signing out with the refused edit still listed asks first
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('dialog', { name: 'Sign out with edits not uploaded?' })).toBeVisible();
  await page.screenshot({ path: `${OUT}sign-out-warning-dark.png` });
  await page.getByRole('button', { name: 'Sign out anyway' }).click();
  // the sign-in screen in dark
  await page.getByLabel('Email').fill(DEMO_OWNER);
  await page.screenshot({ path: `${OUT}sign-in-dark.png` });
});
