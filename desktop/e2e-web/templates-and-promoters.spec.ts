// Settings and the promoter's view in Chromium, against a real relay and PostgreSQL: the owner
// keeps the task templates (add, edit, switch off, move with Alt+↑, remove); a promoter member
// sees only their own requests, no manager actions, and asks for a date from the app.
import { expect, test, type Page } from '@playwright/test';
import { signInAt, startDesktopClient, type DesktopClient } from './desktop-client.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const DEMO_PROMOTER = 'promoter@lakeshore-live.demo';

let stack: VenueStack;
let promoterDesk: DesktopClient;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_templates_promoters');
  promoterDesk = await startDesktopClient(stack, 'promoter');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await promoterDesk?.stop();
  await stack?.stop();
});

const phase = (page: Page, name: string) => page.locator(`[role="status"][data-sync-phase="${name}"]`);

test('should let the owner add, edit, switch off, reorder and remove task templates', async ({ page }) => {
  const templates = () =>
    stack.db.sql<{ title: string; default_due_days: number; active: boolean }[]>`
      SELECT t.title, t.default_due_days, t.active FROM task_templates t JOIN organizations o ON o.id = t.organization_id
       WHERE o.slug = 'lakeshore-live' ORDER BY t.position, t.title`;
  const before = await templates();
  await signInAt(page, stack.devHost.pageUrl, stack, DEMO_OWNER);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Settings' }).click();
  const list = page.getByRole('list', { name: 'Task templates' });
  await expect(list.getByRole('listitem')).toHaveCount(before.length);

  const form = page.getByRole('form', { name: 'New task template' });
  await form.getByLabel('Task').fill('Book the photographer');
  await form.getByLabel('Days before show').fill('400');
  await form.getByRole('button', { name: 'Add template' }).click();
  await expect(form.getByText('Days before the show: a whole number from 0 to 365')).toBeVisible();
  await form.getByLabel('Days before show').fill('10');
  await form.getByRole('button', { name: 'Add template' }).click();
  await expect(list.getByRole('listitem', { name: 'Book the photographer' })).toContainText('10 days before');

  await list.getByRole('button', { name: 'Edit Book the photographer' }).click();
  const editor = page.getByRole('form', { name: 'Edit Book the photographer' });
  await editor.getByLabel('Task').fill('Book the house photographer');
  await editor.getByRole('button', { name: 'Save' }).click();
  const added = list.getByRole('listitem', { name: 'Book the house photographer' });
  await expect(added).toBeVisible();

  await list.getByRole('button', { name: 'Switch off Book the house photographer' }).click();
  await expect(added).toContainText('(off)');

  // Alt+↑ moves the focused template above the one before it
  await added.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(async () => (await templates()).map((each) => each.title).slice(-2), { timeout: 30_000 })
    .toEqual(['Book the house photographer', before.at(-1)!.title]);
  await expect
    .poll(async () => (await templates()).find((each) => each.title === 'Book the house photographer'))
    .toEqual({ title: 'Book the house photographer', default_due_days: 10, active: false });

  await list.getByRole('button', { name: 'Remove Book the house photographer' }).click();
  await expect(added).toHaveCount(0);
  await expect.poll(async () => (await templates()).length, { timeout: 30_000 }).toBe(before.length);
});

test('should show a promoter only their own requests, no decisions, and send a new request from the app', async ({
  page,
}) => {
  const [promoter] = await stack.db.sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${DEMO_PROMOTER}`;
  const own = async () =>
    (
      await stack.db.sql<{ count: number }[]>`
        SELECT count(*)::int AS count FROM event_requests WHERE promoter_user_id = ${promoter!.id}`
    )[0]!.count;
  const ownBefore = await own();
  const [future] = await stack.db.sql<{ date: string }[]>`SELECT (current_date + 200)::text AS date`;

  await signInAt(page, promoterDesk.pageUrl, stack, DEMO_PROMOTER);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'My requests' }).click();
  await expect(page.getByRole('heading', { name: 'My requests' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(
    ownBefore === 0 ? 'No requests' : `of ${ownBefore}`,
  );

  await page.getByRole('link', { name: 'New request' }).click();
  const form = page.getByRole('form', { name: 'New request' });
  await form.getByLabel('Artist').fill('Sam and the Whitakers');
  await form.getByLabel('Event title').fill('Homecoming');
  await form.getByRole('button', { name: 'Send request' }).click();
  // the shared intake rules answer next to the field
  await expect(form.getByText('Enter the date you would like')).toBeVisible();
  await form.getByLabel('Preferred date').fill(future!.date);
  await form.getByLabel('Expected attendance').fill('400');
  await form.getByRole('button', { name: 'Send request' }).click();

  const row = page.getByRole('row', { name: /Sam and the Whitakers/ });
  await expect(row).toBeVisible();
  await expect.poll(own, { timeout: 30_000 }).toBe(ownBefore + 1);
  await row.click();
  await expect(page.getByRole('heading', { name: /Sam and the Whitakers/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Decision' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Place hold' })).toHaveCount(0);
  const [sent] = await stack.db.sql<{ status: string; event_title: string }[]>`
    SELECT status, event_title FROM event_requests WHERE promoter_user_id = ${promoter!.id} AND artist_name = 'Sam and the Whitakers'`;
  expect(sent).toEqual({ status: 'NEW', event_title: 'Homecoming' });

  // one of their booked shows: none of the venue's side is shown as if it were empty
  const [show] = await stack.db.sql<{ id: string; title: string }[]>`
    SELECT id, title FROM events WHERE promoter_user_id = ${promoter!.id} ORDER BY show_at LIMIT 1`;
  expect(show, 'the demo books shows for its promoter').toBeDefined();
  await page.evaluate((to) => (window.location.hash = to), `#/events/${show!.id}`);
  await expect(page.getByRole('heading', { name: show!.title })).toBeVisible();
  await expect(page.getByText('The venue keeps the deal terms')).toBeVisible();
  await expect(page.getByText('No deal terms yet')).toHaveCount(0);
  await expect(page.getByText('No tasks yet')).toHaveCount(0);
  await expect(page.getByText('This event was not booked from a request')).toHaveCount(0);
});
