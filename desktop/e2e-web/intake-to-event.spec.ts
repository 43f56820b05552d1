// A booking from end to end, every part real (relay, PostgreSQL, SMTP mailbox, two desktop cores
// through the dev host, Chromium): promoters send requests on the venue's public page, one without
// JavaScript and one with it; both are filed NEW with the requester's confirmation and a note to
// every owner and manager queued. The owner, whose desktop is open on the requests inbox, sees them
// arrive without a reload, reviews one, holds its date, approves it and confirms it as an event
// typed on the venue's clock; each decision queues the requester's mail and the conversion the
// confirmation. A manager's desktop, open on the calendar, shows the hold and then the event with
// its checklist, again without a reload.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAt, startDesktopClient, type DesktopClient } from './desktop-client.js';
import { sendIntakeRequest, startIntakeVenueStack, type PromoterRequest } from './intake-form.js';
import { DEMO_OWNER, freeDate, type VenueStack } from './venue-stack.js';

const DEMO_MANAGER = 'manager@lakeshore-live.demo';
const ORG_SLUG = 'lakeshore-live';

let stack: VenueStack;
/** a manager's desktop beside the owner's (the stack's own) */
let managerDesk: DesktopClient;

test.beforeAll(async () => {
  stack = await startIntakeVenueStack('e2e_web_intake_to_event');
  managerDesk = await startDesktopClient(stack, 'intake-to-event');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await managerDesk?.stop();
  await stack?.stop();
});

interface Venue {
  id: string;
  slug: string;
  organization_id: string;
  timezone: string;
}

async function lakeshoreVenue(): Promise<Venue> {
  const [venue] = await stack.db.sql<Venue[]>`
    SELECT v.id, v.slug, v.organization_id, v.timezone FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = ${ORG_SLUG} AND v.intake_enabled ORDER BY v.name LIMIT 1`;
  if (!venue) throw new Error('the demo has no Lakeshore venue taking requests');
  return venue;
}

interface Filed {
  id: string;
  status: string;
  contact_email: string;
  artist_name: string;
  /** the preferred start on the venue's clock */
  starts: string;
}

async function filedRequest(venue: Venue, reference: string): Promise<Filed | undefined> {
  const [row] = await stack.db.sql<Filed[]>`
    SELECT id, status, contact_email, artist_name,
           to_char(preferred_start AT TIME ZONE ${venue.timezone}, 'YYYY-MM-DD HH24:MI') AS starts
      FROM event_requests WHERE organization_id = ${venue.organization_id} AND reference = ${reference}`;
  return row;
}

interface Recipient {
  userId: string;
  email: string;
  name: string;
}

/** the request's jobs, oldest first */
async function jobsOf(requestId: string) {
  return stack.db.sql<{ kind: string; payload: Record<string, unknown> }[]>`
    SELECT kind, payload FROM jobs WHERE payload->>'requestId' = ${requestId} ORDER BY id`;
}

/** the filing's jobs: the requester's confirmation and one note to each owner and manager in PostgreSQL */
async function expectFilingJobs(venue: Venue, requestId: string, reference: string, sent: PromoterRequest) {
  const byUser = (a: Recipient, b: Recipient) => a.userId.localeCompare(b.userId);
  const managers = [
    ...(await stack.db.sql<Recipient[]>`
      SELECT user_id::text AS "userId", user_email AS email, user_name AS name FROM memberships
       WHERE organization_id = ${venue.organization_id} AND role IN ('OWNER', 'MANAGER')`),
  ].sort(byUser);
  // the demo has an owner and two managers: a note to nobody would not pass for a note to all
  expect(managers.length).toBe(3);
  const jobs = await jobsOf(requestId);
  const received = jobs.filter((job) => job.kind === 'request.received');
  expect(received).toHaveLength(1);
  expect(received[0]!.payload).toMatchObject({
    reference,
    venueId: venue.id,
    artist: sent.artist,
    eventTitle: sent.eventTitle,
    timezone: venue.timezone,
    to: { email: sent.email, name: sent.name },
  });
  const notes = jobs.filter((job) => job.kind === 'request.new_for_manager');
  for (const note of notes) expect(note.payload).toMatchObject({ reference, venueId: venue.id, artist: sent.artist });
  const recipients = notes
    .map(({ payload }) => {
      const to = payload.to as { email: string; name: string };
      return { userId: String(payload.userId), email: to.email, name: to.name };
    })
    .sort(byUser);
  expect(recipients).toEqual(managers);
  expect(jobs).toHaveLength(1 + managers.length);
}

async function promoterPage(browser: Browser, javaScriptEnabled: boolean, venue: Venue): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${stack.relayUrl()}/request/${ORG_SLUG}/${venue.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Request a date at /);
  return page;
}

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
const phase = (page: Page, name: string) => page.locator(`[role="status"][data-sync-phase="${name}"]`);
const decisions = (page: Page) => page.getByRole('group', { name: 'Decision' });
/** a decision through its dialog, which says who is emailed, with no note */
async function decide(page: Page, label: string) {
  await decisions(page)
    .getByRole('button', { name: `${label}…` })
    .click();
  const dialog = page.getByRole('dialog', { name: `${label} the request` });
  await dialog.getByRole('button', { name: `${label} and email` }).click();
  await expect(dialog).toBeHidden();
}
/** set once the page is open: still there at the end means the page was never reloaded */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { neverReloaded: true }));
const neverReloaded = (page: Page) => page.evaluate(() => (window as { neverReloaded?: boolean }).neverReloaded);

test('should take a request from the public page, with and without JavaScript, live into a manager’s inbox and through review, a hold and approval to an event that reaches another manager with its checklist', async ({
  page,
  browser,
}) => {
  const venue = await lakeshoreVenue();
  const date = await freeDate(stack, venue.id, 120);
  const otherDate = await freeDate(stack, venue.id, 160);
  const manager = await (await browser.newContext({ locale: 'en-US' })).newPage();
  manager.on('pageerror', (error) => console.error(`[manager page] ${error.message}`));

  await test.step('the owner’s desktop is open on the requests inbox, a manager’s on the calendar', async () => {
    // one after the other: two first syncs at once are slow on a small machine
    await signInAt(page, stack.devHost.pageUrl, stack, DEMO_OWNER);
    await signInAt(manager, managerDesk.pageUrl, stack, DEMO_MANAGER);
    await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
    await expect(phase(manager, 'live')).toBeVisible({ timeout: 60_000 });
    await go(page, '#/requests');
    await expect(page.getByRole('heading', { name: /^Requests/ })).toBeVisible();
    await go(manager, `#/calendar?month=${date.slice(0, 7)}&view=list`);
    await expect(manager.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await markPage(page);
    await markPage(manager);
  });

  const plain: PromoterRequest = {
    name: 'Jo Booker',
    email: 'jo@bookers.example',
    artist: 'The Velvet Arcades',
    eventTitle: 'Neon Nights release show',
    description: 'Album release show, full band',
    preferredDate: date,
    startTime: '20:00',
    endTime: '23:30',
    expectedAttendance: 1800,
  };
  const scripted: PromoterRequest = {
    name: 'Sam Agent',
    email: 'sam@agency.example',
    artist: 'Paper Moons',
    eventTitle: 'Winter tour',
    description: 'Acoustic set',
    preferredDate: otherDate,
    startTime: '19:30',
    endTime: '22:00',
    expectedAttendance: 600,
  };
  let filed: Filed | undefined;

  await test.step('a promoter sends the form without JavaScript, another with it; both are filed NEW with their jobs', async () => {
    const withoutScript = await promoterPage(browser, false, venue);
    const plainReference = await sendIntakeRequest(withoutScript, plain);
    await withoutScript.context().close();

    const withScript = await promoterPage(browser, true, venue);
    await markPage(withScript);
    const scriptedReference = await sendIntakeRequest(withScript, scripted);
    // sent with fetch: the confirmation replaced the form in the same page
    expect(await neverReloaded(withScript)).toBe(true);
    await withScript.context().close();
    expect(scriptedReference).not.toBe(plainReference);

    filed = await filedRequest(venue, plainReference);
    expect(filed).toMatchObject({
      status: 'NEW',
      contact_email: plain.email,
      artist_name: plain.artist,
      starts: `${date} 20:00`,
    });
    const other = await filedRequest(venue, scriptedReference);
    expect(other).toMatchObject({
      status: 'NEW',
      contact_email: scripted.email,
      artist_name: scripted.artist,
      starts: `${otherDate} 19:30`,
    });
    await expectFilingJobs(venue, filed!.id, plainReference, plain);
    await expectFilingJobs(venue, other!.id, scriptedReference, scripted);
  });
  const request = filed!;

  await test.step('both appear in the owner’s inbox without a reload, and the NEW count with them', async () => {
    await expect(page.getByRole('row', { name: `${plain.artist}, ${plain.eventTitle}, new` })).toBeVisible();
    await expect(page.getByRole('row', { name: `${scripted.artist}, ${scripted.eventTitle}, new` })).toBeVisible();
    const [{ count } = { count: 0 }] = await stack.db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM event_requests WHERE organization_id = ${venue.organization_id} AND status = 'NEW'`;
    await expect(page.getByTestId('new-requests')).toHaveText(`${count.toLocaleString('en-US')} new`);
    await page.getByRole('row', { name: `${plain.artist}, ${plain.eventTitle}, new` }).press('Enter');
    await expect(page.getByRole('heading', { name: new RegExp(plain.artist) })).toBeVisible();
    await expect(page.getByText(plain.description)).toBeVisible();
  });

  const requestStatus = async () =>
    (await stack.db.sql<{ status: string }[]>`SELECT status FROM event_requests WHERE id = ${request.id}`)[0]?.status;

  await test.step('review, a hold on the preferred date that the manager sees at once, approval', async () => {
    await decide(page, 'Start review');
    await expect(decisions(page).getByRole('button', { name: 'Approve…' })).toBeVisible();
    await expect.poll(requestStatus).toBe('REVIEW');

    await expect(page.getByLabel('Hold a date')).toHaveValue(date);
    await page.getByRole('button', { name: 'Place hold' }).click();
    await expect(page.getByRole('list', { name: 'Holds of this request' }).getByText('1st hold')).toBeVisible();
    await expect(manager.getByRole('link', { name: plain.artist })).toBeVisible();

    await decide(page, 'Approve');
    await expect(page.getByRole('list', { name: 'Decision history' }).getByText('Approved')).toBeVisible();
    await expect.poll(requestStatus).toBe('APPROVED');
  });

  let eventId = '';
  let templates = 0;
  await test.step('the approved request becomes an event typed on the venue’s clock, with its jobs', async () => {
    await page.getByRole('button', { name: 'Create event' }).click();
    const form = page.getByRole('form', { name: 'Create event' });
    await expect(form.getByLabel('Artist')).toHaveValue(plain.artist);
    await expect(form.getByText(`(${venue.timezone})`)).toBeVisible();
    await form.getByLabel('Title').fill('Neon Nights');
    await form.getByLabel('Doors').fill('19:00');
    await form.getByLabel('Show', { exact: true }).fill('20:30');
    await form.getByLabel('Ends').fill('23:45');
    await form.getByRole('button', { name: 'Confirm event' }).click();
    await expect(page.getByRole('heading', { name: 'Neon Nights' })).toBeVisible();
    // the form navigates once the edit is saved (on disk), which may be after the title shows
    await expect(page).toHaveURL(/#\/events\/[0-9a-f-]+/);
    eventId = /#\/events\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
    expect(eventId).not.toBe('');

    [{ count: templates } = { count: 0 }] = await stack.db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM task_templates WHERE organization_id = ${venue.organization_id} AND active`;
    expect(templates).toBeGreaterThan(0);
    await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox')).toHaveCount(templates);
    await expect
      .poll(
        async () =>
          (
            await stack.db.sql<{ show_date: string; doors: string; show: string; ends: string; tasks: number }[]>`
            SELECT e.show_date::text AS show_date,
                   to_char(e.doors_at AT TIME ZONE ${venue.timezone}, 'YYYY-MM-DD HH24:MI') AS doors,
                   to_char(e.show_at AT TIME ZONE ${venue.timezone}, 'HH24:MI') AS show,
                   to_char(e.ends_at AT TIME ZONE ${venue.timezone}, 'HH24:MI') AS ends,
                   (SELECT count(*)::int FROM event_tasks t WHERE t.event_id = e.id) AS tasks
              FROM events e WHERE e.id = ${eventId} AND e.request_id = ${request.id} AND e.status = 'CONFIRMED'`
          )[0],
        { timeout: 30_000 },
      )
      .toEqual({ show_date: date, doors: `${date} 19:00`, show: '20:30', ends: '23:45', tasks: templates });
    expect(await requestStatus()).toBe('SCHEDULED');
    const [hold] = await stack.db.sql<{ id: string; status: string; event_id: string }[]>`
      SELECT id, status, event_id FROM holds WHERE request_id = ${request.id}`;
    expect(hold).toMatchObject({ status: 'CONVERTED', event_id: eventId });

    // after the filing's: each decision tells the requester, the conversion confirms the event once
    const decided = (await jobsOf(request.id)).filter(
      (job) => job.kind !== 'request.received' && job.kind !== 'request.new_for_manager',
    );
    expect(decided.map((job) => job.kind)).toEqual([
      'request.status_changed',
      'request.status_changed',
      'event.confirmed',
    ]);
    expect(decided[0]!.payload).toMatchObject({ fromStatus: 'NEW', toStatus: 'REVIEW' });
    expect(decided[1]!.payload).toMatchObject({ fromStatus: 'REVIEW', toStatus: 'APPROVED' });
    expect(decided[2]!.payload).toMatchObject({
      eventId,
      venueId: venue.id,
      showDate: date,
      holdId: hold!.id,
      overrideReason: null,
    });
    expect(await neverReloaded(page)).toBe(true);
  });

  await test.step('the manager’s calendar shows the event, and it opens with its checklist, without a reload', async () => {
    const event = manager.getByRole('link', { name: 'Neon Nights', exact: true });
    await expect(event).toBeVisible();
    await event.click();
    await expect(manager.getByRole('heading', { name: 'Neon Nights' })).toBeVisible();
    await expect(manager.getByRole('list', { name: 'Tasks' }).getByRole('checkbox')).toHaveCount(templates);
    expect(manager.url()).toContain(`#/events/${eventId}`);
    expect(await neverReloaded(manager)).toBe(true);
  });
  await manager.context().close();
});
