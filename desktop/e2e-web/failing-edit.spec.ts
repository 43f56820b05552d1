// An edit the relay keeps failing on, through the real renderer in Chromium against a real relay
// and PostgreSQL: the relay's database is made to fail on one task title (a trigger raising an
// internal error, a relay fault that is no refusal). The edits made beside it offline upload; it
// is taken back from the checklist and waits in "needs attention" with the relay's answer, and
// goes through on Retry once the relay is mended.
import { expect, test, type Page } from '@playwright/test';
import { signInAt, startDesktopClient, type DesktopClient } from './desktop-client.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const POISON = 'Confirm the pyro permit';

let stack: VenueStack;
let desk: DesktopClient;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_failing_edit');
  desk = await startDesktopClient(stack, 'failing-edit');
  await stack.db.sql.unsafe(`
    CREATE FUNCTION fail_on_poisoned_title() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.title = '${POISON}' THEN
        RAISE EXCEPTION 'internal fault on a poisoned title' USING ERRCODE = 'XX000';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER fail_on_poisoned_title BEFORE INSERT OR UPDATE ON event_tasks
      FOR EACH ROW EXECUTE FUNCTION fail_on_poisoned_title()`);
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await desk?.stop();
  await stack?.stop();
});

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
const phase = (page: Page, name: string) => page.locator(`[role="status"][data-sync-phase="${name}"]`);
const checklist = (page: Page) => page.getByRole('list', { name: 'Tasks' });
const task = (page: Page, title: string) => checklist(page).getByRole('checkbox', { name: title, exact: true });
const tasksTitled = (titles: string[]) =>
  stack.db.sql<{ title: string }[]>`SELECT title FROM event_tasks WHERE title = ANY(${titles}) ORDER BY title`;

async function addTask(page: Page, title: string) {
  const input = page.getByRole('textbox', { name: 'New task' });
  await input.fill(title);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test('should upload the edits beside one the relay keeps failing on, and show that one in needs attention', async ({
  page,
}) => {
  const [show] = await stack.db.sql<{ id: string }[]>`
    SELECT e.id FROM events e JOIN organizations o ON o.id = e.organization_id
     WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED' ORDER BY e.show_date DESC LIMIT 1`;
  if (!show) throw new Error('the demo has no confirmed show');
  await signInAt(page, desk.pageUrl, stack, DEMO_OWNER);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await go(page, `#/events/${show.id}`);
  await expect(checklist(page)).toBeVisible();

  const others = ['Book the hotel for the band', 'Print the guest list'];
  await stack.stopRelay();
  await expect(phase(page, 'offline')).toBeVisible({ timeout: 60_000 });
  await addTask(page, others[0]!);
  await addTask(page, POISON);
  await addTask(page, others[1]!);
  await expect(task(page, POISON)).toBeVisible();
  await stack.startRelay();

  const attention = page.getByRole('button', { name: '1 needs attention' });
  await expect(attention).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await tasksTitled([...others, POISON])).map((t) => t.title)).toEqual(others);
  // taken back from the checklist; the others stay
  await expect(task(page, POISON)).toHaveCount(0);
  for (const title of others) await expect(task(page, title)).toBeVisible();
  await expect(page.getByTestId('pending-edits')).toHaveCount(0);

  await attention.click();
  const panel = page.getByRole('dialog', { name: 'Edits that need your attention' });
  const setAside = panel.getByRole('listitem', { name: `Add the task “${POISON}”` });
  await expect(setAside).toContainText(/the relay failed on this edit every time it was sent \(5\d\d [a-z_]+: .+\)/);
  await expect(setAside).toContainText('it was set aside so that your other edits could upload');

  // the relay is mended: Retry sends it again, and it goes through
  await stack.db.sql`DROP TRIGGER fail_on_poisoned_title ON event_tasks`;
  await setAside.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.getByText('Nothing needs your attention.')).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(attention).toBeHidden();
  await expect(task(page, POISON)).toBeVisible();
  await expect.poll(async () => (await tasksTitled([POISON])).length).toBe(1);
});
