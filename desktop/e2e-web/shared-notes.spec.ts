// The event's shared notes in the real renderer in Chromium, two desktops on one relay and
// PostgreSQL: typing in one shows in the other, a run-of-show row added with the keyboard alone
// appears in time order on both, edits made while the relay is away are kept on each computer
// and merge when it comes back, and what PostgreSQL stores is what both screens show.
import { expect, test, type Page } from '@playwright/test';
import { readEventNotes } from '@promoteros/relay/notes/read-event-notes';
import { startDesktopClient, type DesktopClient } from './desktop-client.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const DEMO_STAFF = 'staff@lakeshore-live.demo';

let stack: VenueStack;
let desk: DesktopClient;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_shared_notes');
  desk = await startDesktopClient(stack, 'shared-notes');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await desk?.stop();
  await stack?.stop();
});

/** signInAt's steps, with room for a first sync of the demo on a busy machine */
async function signInAt(page: Page, pageUrl: string, email: string): Promise<void> {
  await page.goto(pageUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  await page.getByLabel('Six-digit code').fill(await stack.nextSignInCode(email));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByLabel('Organization')).toBeVisible({ timeout: 90_000 });
}

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
const notesArea = (page: Page) => page.getByRole('textbox', { name: 'Advance notes' });
const notesSection = (page: Page) => page.getByRole('region', { name: 'Advance notes' });
const runOfShow = (page: Page) => page.getByRole('list', { name: /^Run of show/ });
/** the run of show as "time item" lines, top to bottom, the time as the organization's locale shows it */
const shownRows = (page: Page) =>
  runOfShow(page)
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((item) => {
        const [at, what] = Array.from(item.querySelectorAll('input'), (input) => input.value);
        return `${at} ${what}`;
      }),
    );

async function addRow(page: Page, at: string, item: string) {
  // keyboard only: the time field, Tab to what happens, Enter adds the row
  await page.getByLabel(/^Time \(/).focus();
  await page.keyboard.type(at);
  await page.keyboard.press('Tab');
  await page.keyboard.type(item);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('What happens', { exact: true })).toHaveValue('');
}

test.setTimeout(240_000);

test('should share advance notes and the run of show live, keep offline edits on each desktop and merge them', async ({
  page,
  browser,
}) => {
  // an upcoming show nobody has written notes for yet (the demo's next few shows have theirs)
  const [show] = await stack.db.sql<{ id: string }[]>`
    SELECT e.id FROM events e JOIN organizations o ON o.id = e.organization_id JOIN venues v ON v.id = e.venue_id
     WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED'
       AND e.show_date >= (now() AT TIME ZONE v.timezone)::date
       AND NOT EXISTS (SELECT 1 FROM note_documents n WHERE n.event_id = e.id)
     ORDER BY e.show_date, e.id LIMIT 1`;
  if (!show) throw new Error('the demo has no upcoming confirmed show');
  const colleague = await (await browser.newContext({ locale: 'en-US' })).newPage();
  // one after the other: each sign-in starts a first sync of the demo on a shared machine
  await signInAt(page, desk.pageUrl, DEMO_OWNER);
  await signInAt(colleague, stack.devHost.pageUrl, DEMO_STAFF);
  await go(page, `#/events/${show.id}`);
  await go(colleague, `#/events/${show.id}`);
  await expect(notesSection(page).getByRole('status')).toHaveText('Live', { timeout: 30_000 });
  await expect(notesSection(colleague).getByRole('status')).toHaveText('Live', { timeout: 30_000 });

  await test.step('typing on one desktop shows on the other', async () => {
    await notesArea(page).click();
    await page.keyboard.type('Load-in 14:00 through the alley.');
    await expect(notesArea(colleague)).toHaveValue('Load-in 14:00 through the alley.');
  });

  await test.step('a row added with the keyboard appears in time order on both', async () => {
    await addRow(colleague, '1930', 'Doors');
    await addRow(page, '17:00', 'Soundcheck');
    // typed on a 24-hour clock, shown as the demo organization's en-US day sheet writes it
    await expect.poll(() => shownRows(page)).toEqual(['5:00 PM Soundcheck', '7:30 PM Doors']);
    await expect.poll(() => shownRows(colleague)).toEqual(['5:00 PM Soundcheck', '7:30 PM Doors']);
  });

  await test.step('with the relay gone, both keep editing on their own computer', async () => {
    await stack.stopRelay();
    await expect(notesSection(page).getByRole('status')).toHaveText('Offline, saved on this computer', {
      timeout: 30_000,
    });
    await notesArea(page).press('End');
    await page.keyboard.type(' Settlement with Dana.');
    await notesArea(colleague).press('ControlOrMeta+Home');
    await colleague.keyboard.type('Sold out. ');
    await addRow(colleague, '9:00 pm', 'Headliner');
    await expect(notesArea(page)).toHaveValue('Load-in 14:00 through the alley. Settlement with Dana.');
    await expect(notesArea(colleague)).toHaveValue('Sold out. Load-in 14:00 through the alley.');
  });

  await test.step('when the relay is back, the edits merge everywhere and PostgreSQL holds them', async () => {
    await stack.startRelay();
    const merged = 'Sold out. Load-in 14:00 through the alley. Settlement with Dana.';
    await expect(notesArea(page)).toHaveValue(merged, { timeout: 30_000 });
    await expect(notesArea(colleague)).toHaveValue(merged, { timeout: 30_000 });
    await expect.poll(() => shownRows(page)).toEqual(['5:00 PM Soundcheck', '7:30 PM Doors', '9:00 PM Headliner']);
    // stored on the venue's 24-hour wall clock, whatever the locale showed
    const rows = ['17:00 Soundcheck', '19:30 Doors', '21:00 Headliner'];
    await expect(notesSection(page).getByRole('status')).toHaveText('Live');
    await expect
      .poll(
        async () => {
          const stored = await readEventNotes(stack.db.sql, show.id);
          return [stored.advanceNotes, ...stored.runOfShow.map((row) => `${row.at} ${row.item}`)];
        },
        { timeout: 30_000 },
      )
      .toEqual([merged, ...rows]);
  });
});
