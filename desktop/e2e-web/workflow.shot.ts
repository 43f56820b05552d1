// `npm run screenshots`: the booking workflow's screens in light and dark (the requests inbox, a
// request with its holds and history, the approve → event form, the task templates), signed in
// to the demo through a real relay, written to docs/screenshots/<screen>-<scheme>.png.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const OUT = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_workflow_shots');
});
test.afterAll(async () => {
  await stack?.stop();
});

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);

test('screenshots of the workflow screens, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  // an approved request holding a date 2nd behind another request: the busiest case to show
  const [request] = await stack.db.sql<{ id: string }[]>`
    SELECT r.id FROM event_requests r JOIN organizations o ON o.id = r.organization_id
     WHERE o.slug = 'lakeshore-live' AND r.status IN ('APPROVED', 'REVIEW')
       AND EXISTS (SELECT 1 FROM holds h WHERE h.request_id = r.id AND h.status = 'ACTIVE')
     ORDER BY (SELECT max(h.rank) FROM holds h WHERE h.request_id = r.id AND h.status = 'ACTIVE') DESC,
              (r.status = 'APPROVED') DESC, r.submitted_at DESC
     LIMIT 1`;
  if (!request) throw new Error('the demo has no request holding a date');
  await openSignedIn(page, stack, DEMO_OWNER);
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await go(page, '#/requests?status=NEW,REVIEW,APPROVED');
    await expect(page.getByRole('row').nth(5)).toBeVisible();
    await page.screenshot({ path: `${OUT}requests-inbox-${colorScheme}.png` });

    await go(page, `#/requests/${request.id}`);
    await expect(page.getByRole('list', { name: 'Decision history' })).toBeVisible();
    await page.screenshot({ path: `${OUT}request-detail-${colorScheme}.png`, fullPage: true });
    const create = page.getByRole('button', { name: 'Create event' });
    if (await create.isVisible()) {
      await create.click();
      await expect(page.getByRole('form', { name: 'Create event' })).toBeVisible();
      await page.screenshot({ path: `${OUT}request-create-event-${colorScheme}.png` });
      await page.keyboard.press('Escape');
    }

    await go(page, '#/settings');
    await expect(page.getByRole('list', { name: 'Task templates' })).toBeVisible();
    await page.screenshot({ path: `${OUT}settings-templates-${colorScheme}.png` });
  }
});
