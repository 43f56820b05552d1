// Where the app opens, by role, through the real renderer against a real relay: door staff start
// on show day (their work on a show night), an owner on the calendar; a reload keeps the screen.
import { expect, test } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { startVenueStack, type VenueStack } from './venue-stack.js';

const DOOR = 'door@lakeshore-live.demo';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_staff_landing');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

test('should open the app on show day for door staff, and keep the screen they chose on a reload', async ({ page }) => {
  await openSignedIn(page, stack, DOOR);
  const nav = page.getByRole('navigation').first();
  await expect(nav.getByRole('link', { name: 'Show day' })).toHaveAttribute('aria-current', 'page');
  // tonight's show at the organization's one venue, the guest search ready for the first name
  await expect(page.getByText(/^Show day · The Lakeshore Ballroom/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Find a guest' })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/show-day');

  await nav.getByRole('link', { name: 'Calendar' }).click();
  await expect(nav.getByRole('link', { name: 'Calendar' })).toHaveAttribute('aria-current', 'page');
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Calendar' })).toHaveAttribute('aria-current', 'page');
});
