// The screens people edit lists on, in Chromium at a narrow (1024 px) and a wide (1600 px) window,
// through the real renderer against a real relay and PostgreSQL: the run of show keeps its time
// field narrow, "What happens" wide enough to read and its buttons inside the card; every other
// editable list (tasks, settlement lines and their forms, the deal and event forms, task
// templates, the door's guest rows and lists, holds, the inbox and the new request form) keeps its fields readable and its controls
// inside their cards (layout-checks.ts); and the header keeps one height when the app goes
// offline with edits waiting to upload.
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { layoutProblems, widthOf } from './layout-checks.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const SHOW = 'Layout Test Night';
const WIDTHS = [1024, 1600] as const;
/** and 1280, where the header starts to show its longer words */
const HEADER_WIDTHS = [1024, 1280, 1600] as const;
const LONG_ITEM = 'Support act line check, then the headliner’s full soundcheck with the string section';

let stack: VenueStack;
const eventId = randomUUID();
let requestId: string;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_layout');
  const [venue] = await stack.db.sql<{ id: string; organization_id: string; today: string }[]>`
    SELECT v.id, v.organization_id, (now() AT TIME ZONE v.timezone)::date::text AS today
      FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY v.name LIMIT 1`;
  if (!venue) throw new Error('the demo has no Lakeshore Live venue');
  const org = venue.organization_id;
  // tonight's show at the venue, with a deal, settlement lines, tasks and a guest list: every
  // list of the event and the door has rows to lay out; a capacity in the thousands, so the
  // door count shows its separator
  await stack.db.sql`UPDATE events SET status = 'CANCELLED', updated_at = now()
                      WHERE venue_id = ${venue.id} AND show_date BETWEEN ${venue.today}::date - 1 AND ${venue.today}::date`;
  await stack.db.sql`
    INSERT INTO events (id, organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at,
                        capacity_override)
    VALUES (${eventId}, ${org}, ${venue.id}, ${SHOW}, 'The Grid Lines', 'CONFIRMED', ${venue.today},
            now() - interval '1 hour', now() + interval '1 hour', now() + interval '3 hours', 2500)`;
  await stack.db.sql`
    INSERT INTO deal_terms (organization_id, event_id, deal_type, guarantee_cents, artist_share_bp, promoter_profit_bp,
                            ticket_price_cents, sellable_capacity, expenses_budget_cents)
    VALUES (${org}, ${eventId}, 'GUARANTEE_PLUS', 300000, 8500, 1500, 2500, 450, 150000)`;
  const lines: [string, string, number, number, number, number | null][] = [
    ['TICKETS', 'Advance tickets through the venue box office and the ticketing partner', 1380, 2500, 0, null],
    ['COMPS', 'Guest list', 15, 0, 0, null],
    ['EXPENSE', 'Security', 1, 0, 30000, 41000],
    ['EXPENSE', 'Sound and lights, including the extra follow spot', 1, 0, 120000, null],
  ];
  for (const [position, [kind, label, quantity, unit, budget, actual]] of lines.entries())
    await stack.db.sql`
      INSERT INTO settlement_lines (organization_id, event_id, kind, label, quantity, unit_cents, budget_cents,
                                    actual_cents, position)
      VALUES (${org}, ${eventId}, ${kind}, ${label}, ${quantity}, ${unit}, ${budget}, ${actual}, ${position})`;
  for (const [position, title] of [
    'Advance call with the tour manager',
    'Confirm the backline rider, the hospitality rider and the parking for two nightliners',
  ].entries())
    await stack.db.sql`
      INSERT INTO event_tasks (organization_id, event_id, title, due_date, position)
      VALUES (${org}, ${eventId}, ${title}, ${venue.today}, ${position})`;
  const list = randomUUID();
  await stack.db.sql`
    INSERT INTO guest_lists (id, organization_id, event_id, name, kind, allotment)
    VALUES (${list}, ${org}, ${eventId}, 'The Grid Lines guests', 'ARTIST', 20)`;
  for (const [name, admits, note] of [
    ['Ada Lovelace', 2, 'Tour manager’s sister, needs the accessible entrance by the loading bay'],
    ['Bea Hollow', 1, null],
  ] as const)
    await stack.db.sql`
      INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count, note)
      VALUES (${org}, ${eventId}, ${list}, ${name}, ${admits}, ${note})`;
  const [request] = await stack.db.sql<{ id: string }[]>`
    SELECT r.id FROM event_requests r WHERE r.organization_id = ${org} AND r.status IN ('NEW', 'REVIEW')
     ORDER BY r.created_at LIMIT 1`;
  if (!request) throw new Error('the demo has no open request at Lakeshore Live');
  requestId = request.id;
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

/** signed in as the demo owner; the first open syncs the demo, which takes a while on a busy machine */
async function signIn(page: Page) {
  await page.goto(stack.devHost.pageUrl);
  const organization = page.getByLabel('Organization');
  const email = page.getByLabel('Email');
  await expect(email.or(organization)).toBeVisible();
  if (await email.isVisible()) {
    await email.fill(DEMO_OWNER);
    await page.getByRole('button', { name: 'Send sign-in code' }).click();
    await page.getByLabel('Six-digit code').fill(await stack.nextSignInCode(DEMO_OWNER));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  await expect(organization).toBeVisible({ timeout: 90_000 });
}

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
const phase = (page: Page, name: string) => page.locator(`[role="status"][data-sync-phase="${name}"]`);
const runOfShow = (page: Page) => page.getByRole('region', { name: 'Run of show' });

async function expectLaidOut(what: string, root: Locator) {
  expect(await layoutProblems(root), what).toEqual([]);
}

async function addRunOfShowRow(page: Page, at: string, item: string) {
  await page.getByLabel(/^Time \(/).fill(at);
  await page.getByLabel('What happens', { exact: true }).fill(item);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('What happens', { exact: true })).toHaveValue('');
}

test('should keep every editable list readable and its buttons inside their cards at 1024 and 1600 px', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await signIn(page);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await go(page, `#/events/${eventId}`);
  await expect(runOfShow(page).getByRole('status')).toHaveText('Live', { timeout: 30_000 });
  await addRunOfShowRow(page, '15:00', LONG_ITEM);
  await addRunOfShowRow(page, '18:00', 'Doors');
  await addRunOfShowRow(page, '18:00', 'Merch stand opens');
  const rows = runOfShow(page).getByRole('listitem');
  await expect(rows).toHaveCount(3);

  for (const width of WIDTHS) {
    await test.step(`${width} px: the run of show`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await go(page, `#/events/${eventId}`);
      await expect(rows).toHaveCount(3);
      for (const row of await rows.all()) {
        const fields = row.getByRole('textbox');
        // the time holds "10:30 PM" at the longest; what happens gets the rest of the card
        const time = await widthOf(fields.nth(0));
        const item = await widthOf(fields.nth(1));
        expect(time, 'the time field').toBeGreaterThanOrEqual(56);
        expect(time, 'the time field').toBeLessThanOrEqual(120);
        expect(item, '“What happens”').toBeGreaterThanOrEqual(160);
        expect(item, '“What happens” is the wider field').toBeGreaterThan(time * 2);
      }
      // at the same time, both rows can move; the buttons are there and inside the card
      const doors = rows.filter({ has: page.getByRole('button', { name: 'Remove 6:00 PM Doors' }) });
      await expect(doors.getByRole('button', { name: 'Move 6:00 PM Doors down' })).toBeEnabled();
      await expectLaidOut('the run of show', runOfShow(page));
    });

    await test.step(`${width} px: the event's other lists and forms`, async () => {
      const main = page.getByRole('main');
      await expectLaidOut('the event page', main);
      const deal = page.getByRole('region', { name: 'Deal' });
      await deal.getByRole('button', { name: 'Edit' }).click();
      await expectLaidOut('the deal terms form', deal);
      await deal.getByRole('button', { name: 'Cancel' }).click();
      const event = page.getByRole('region', { name: 'Event', exact: true });
      await event.getByRole('button', { name: 'Edit' }).click();
      await expectLaidOut('the event form', event);
      await event.getByRole('button', { name: 'Cancel' }).click();
      const settlement = page.getByRole('region', { name: 'Settlement' });
      await settlement.getByRole('button', { name: 'Edit Security' }).click();
      await expectLaidOut('a settlement line being edited', settlement);
      await page.keyboard.press('Escape');
      await settlement.getByRole('button', { name: 'Add expense' }).click();
      await expectLaidOut('a settlement line being added', settlement);
      await page.keyboard.press('Escape');
      const tasks = page.getByRole('region', { name: 'Tasks' });
      await tasks.getByRole('button', { name: 'Advance call with the tour manager', exact: true }).click();
      await expectLaidOut('a task title being edited', tasks);
      await page.keyboard.press('Escape');
    });

    await test.step(`${width} px: task templates`, async () => {
      await go(page, '#/settings');
      const templates = page.getByRole('region', { name: 'Task templates' });
      await expect(templates.getByRole('list', { name: 'Task templates' }).getByRole('listitem').first()).toBeVisible();
      await expectLaidOut('the task templates', templates);
      await templates
        .getByRole('button', { name: /^Edit / })
        .first()
        .click();
      await expectLaidOut('a template being edited', templates);
      await templates.getByRole('button', { name: 'Cancel' }).click();
    });

    await test.step(`${width} px: the door`, async () => {
      await go(page, '#/show-day');
      const picker = page.getByLabel('Show day at');
      if (await picker.isVisible()) await picker.selectOption({ index: 0 });
      await expect(page.getByRole('heading', { name: SHOW, level: 1 })).toBeVisible();
      // counts read at a glance: with the thousands separator of the organization's locale (en-US)
      await expect(page.getByTestId('door-capacity')).toHaveText('/ 2,500');
      await page.getByRole('combobox', { name: 'Find a guest' }).fill('Ada');
      // the highlighted row shows its buttons
      await expect(page.getByRole('button', { name: /^Admit 1/ })).toBeVisible();
      await expectLaidOut('the door', page.getByRole('main'));
      await page.getByRole('button', { name: 'Add a guest' }).click();
      await expectLaidOut('the add-a-guest form', page.getByRole('dialog', { name: 'Add a guest' }));
      await page.keyboard.press('Escape');
    });

    await test.step(`${width} px: a request's holds`, async () => {
      await go(page, `#/requests/${requestId}`);
      await expect(page.getByRole('region', { name: 'Holds' })).toBeVisible();
      await expectLaidOut('the request and its holds', page.getByRole('main'));
    });

    await test.step(`${width} px: the requests inbox and a new request`, async () => {
      await go(page, '#/requests');
      await expect(page.getByRole('table')).toBeVisible();
      await expectLaidOut('the requests inbox', page.getByRole('main'));
      await go(page, '#/requests/new');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectLaidOut('the new request form', page.getByRole('main'));
    });
  }
});

test('should keep the header one height when the app goes offline with edits waiting to upload', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await go(page, `#/events/${eventId}`);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  const header = page.getByRole('banner');
  const status = header.locator('[role="status"][data-sync-phase]');
  /** the header's height at each width, its controls inside it and the sync state not cut short */
  const heights = async () => {
    const measured: Record<number, number> = {};
    for (const width of HEADER_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      measured[width] = await header.evaluate((element) => element.getBoundingClientRect().height);
      await expectLaidOut(`the header at ${width} px`, header);
      const cut = await status.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(cut, `the sync state at ${width} px is shown whole`).toBeLessThanOrEqual(0);
    }
    return measured;
  };
  const live = await heights();
  expect(new Set(Object.values(live)).size, 'one height at every width').toBe(1);

  await stack.stopRelay();
  try {
    await expect(phase(page, 'offline')).toBeVisible({ timeout: 60_000 });
    expect(await heights(), 'offline').toEqual(live);

    // two edits made offline wait to upload, and the header says so
    const tasks = page.getByRole('region', { name: 'Tasks' });
    for (const title of ['Call the fire marshal about the pyro cue', 'Print the wristbands']) {
      await tasks.getByRole('textbox', { name: 'New task' }).fill(title);
      await page.keyboard.press('Enter');
    }
    await expect(page.getByTestId('pending-edits')).toContainText('2');
    expect(await heights(), 'offline with edits waiting').toEqual(live);
  } finally {
    await stack.startRelay();
  }
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  expect(await heights(), 'live again').toEqual(live);
});
