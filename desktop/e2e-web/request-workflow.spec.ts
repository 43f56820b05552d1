// The managers' side of a booking in Chromium, against a real relay and PostgreSQL: a request
// the public page stored appears in the inbox without a reload; the owner reviews it, holds the
// date, approves it and turns it into an event typed on the venue's clock (checked in
// PostgreSQL); the event and its checklist from the templates reach a manager's desktop.
// Declining asks for a note; a staff member gets no decisions, and the core refuses theirs.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { signInAt, startDesktopClient, type DesktopClient } from './desktop-client.js';
import { DEMO_OWNER, freeDate, startVenueStack, type VenueStack } from './venue-stack.js';

const DEMO_MANAGER = 'manager@lakeshore-live.demo';
const DEMO_STAFF = 'staff@lakeshore-live.demo';

let stack: VenueStack;
/** a manager's desktop beside the owner's (the stack's own) */
let managerDesk: DesktopClient;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_request_workflow');
  managerDesk = await startDesktopClient(stack, 'request-workflow');
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
  organization_id: string;
  timezone: string;
}

async function lakeshoreVenue(): Promise<Venue> {
  const [venue] = await stack.db.sql<Venue[]>`
    SELECT v.id, v.organization_id, v.timezone FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY v.name LIMIT 1`;
  if (!venue) throw new Error('the demo has no Lakeshore venue');
  return venue;
}

/** a request stored as the public request page stores it: NEW, with its first decision */
async function submitRequest(
  venue: Venue,
  date: string,
  artist: string,
  title: string,
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = `RQ-${id.slice(0, 4).toUpperCase()}-${id.slice(9, 13).toUpperCase()}`;
  await stack.db.sql.begin(async (tx) => {
    await tx`
      INSERT INTO event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
                                  artist_name, event_title, description, preferred_start, preferred_end, expected_attendance)
      VALUES (${id}, ${venue.organization_id}, ${venue.id}, ${reference}, 'NEW', 'Jo Booker', 'jo@bookers.example',
              ${artist}, ${title}, 'Album release show',
              (${date}::date + time '20:00') AT TIME ZONE ${venue.timezone},
              (${date}::date + time '23:30') AT TIME ZONE ${venue.timezone}, 800)`;
    await tx`
      INSERT INTO decision_logs (organization_id, request_id, from_status, to_status, note)
      VALUES (${venue.organization_id}, ${id}, NULL, 'NEW', 'Submitted on the venue''s page')`;
  });
  return { id, reference };
}

const requestStatus = async (id: string) =>
  (await stack.db.sql<{ status: string }[]>`SELECT status FROM event_requests WHERE id = ${id}`)[0]?.status;
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

test('should show a submitted request live, and take it through review, a hold and approval to an event on the venue’s clock that reaches another manager with its checklist', async ({
  page,
  browser,
}) => {
  const venue = await lakeshoreVenue();
  const date = await freeDate(stack, venue.id, 120);
  const artist = `The Velvet Arcades ${randomUUID().slice(0, 6)}`;
  await signInAt(page, stack.devHost.pageUrl, stack, DEMO_OWNER);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await go(page, '#/requests');
  await expect(page.getByRole('heading', { name: /^Requests/ })).toBeVisible();
  const newBefore = Number((await page.getByTestId('new-requests').textContent())?.replace(/\D/g, '') || '0');

  const request = await submitRequest(venue, date, artist, 'Neon Nights release show');
  await test.step('the request appears in the inbox without a reload, and the NEW count goes up', async () => {
    await expect(page.getByRole('row', { name: new RegExp(artist) })).toBeVisible();
    await expect(page.getByTestId('new-requests')).toHaveText(`${newBefore + 1} new`);
    await page.getByPlaceholder('Search artist, title, contact or reference…').fill(request.reference);
    await expect(page.getByRole('row', { name: /, (new|review|approved|declined|scheduled|withdrawn)$/ })).toHaveCount(
      1,
    );
    await page.getByRole('row', { name: new RegExp(artist) }).press('Enter');
    await expect(page.getByRole('heading', { name: new RegExp(artist) })).toBeVisible();
    await expect(page.getByText('Album release show')).toBeVisible();
  });

  await test.step('review, a hold on the preferred date, approval', async () => {
    await decide(page, 'Start review');
    await expect(decisions(page).getByRole('button', { name: 'Approve…' })).toBeVisible();
    await expect.poll(() => requestStatus(request.id)).toBe('REVIEW');

    await expect(page.getByLabel('Hold a date')).toHaveValue(date);
    await page.getByRole('button', { name: 'Place hold' }).click();
    await expect(page.getByRole('list', { name: 'Holds of this request' }).getByText('1st hold')).toBeVisible();
    await expect(page.getByRole('list', { name: `Holds on ${date}` }).getByText(artist)).toBeVisible();

    await decide(page, 'Approve');
    await expect.poll(() => requestStatus(request.id)).toBe('APPROVED');
    const history = page.getByRole('list', { name: 'Decision history' });
    await expect(history.getByText('Approved')).toBeVisible();
  });

  let eventId = '';
  await test.step('the approved request becomes an event typed on the venue’s clock', async () => {
    await page.getByRole('button', { name: 'Create event' }).click();
    const form = page.getByRole('form', { name: 'Create event' });
    await expect(form.getByLabel('Artist')).toHaveValue(artist);
    await expect(form.getByText(`(${venue.timezone})`)).toBeVisible();
    await form.getByLabel('Title').fill('Neon Nights');
    await form.getByLabel('Doors').fill('19:00');
    await form.getByLabel('Show', { exact: true }).fill('20:30');
    await form.getByLabel('Ends').fill('23:45');
    await form.getByLabel('Capacity').fill('900');
    await form.getByRole('button', { name: 'Confirm event' }).click();
    await expect(page.getByRole('heading', { name: 'Neon Nights' })).toBeVisible();
    // the form navigates once the edit is saved (on disk), which may be after the title shows
    await expect(page).toHaveURL(/#\/events\/[0-9a-f-]+/);
    eventId = /#\/events\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
    expect(eventId).not.toBe('');

    const [templates] = await stack.db.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM task_templates WHERE organization_id = ${venue.organization_id} AND active`;
    await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox')).toHaveCount(templates!.count);
    await expect
      .poll(
        async () =>
          (
            await stack.db.sql<
              {
                show_date: string;
                doors: string;
                show: string;
                ends: string;
                capacity_override: number;
                tasks: number;
              }[]
            >`
            SELECT e.show_date::text AS show_date, to_char(e.doors_at AT TIME ZONE ${venue.timezone}, 'YYYY-MM-DD HH24:MI') AS doors,
                   to_char(e.show_at AT TIME ZONE ${venue.timezone}, 'HH24:MI') AS show,
                   to_char(e.ends_at AT TIME ZONE ${venue.timezone}, 'HH24:MI') AS ends, e.capacity_override,
                   (SELECT count(*)::int FROM event_tasks t WHERE t.event_id = e.id) AS tasks
              FROM events e WHERE e.id = ${eventId} AND e.request_id = ${request.id} AND e.status = 'CONFIRMED'`
          )[0],
        { timeout: 30_000 },
      )
      .toEqual({
        show_date: date,
        doors: `${date} 19:00`,
        show: '20:30',
        ends: '23:45',
        capacity_override: 900,
        tasks: templates!.count,
      });
    expect(await requestStatus(request.id)).toBe('SCHEDULED');
    const [hold] = await stack.db.sql<{ status: string; event_id: string }[]>`
      SELECT status, event_id FROM holds WHERE request_id = ${request.id}`;
    expect(hold).toEqual({ status: 'CONVERTED', event_id: eventId });
    // each decision tells the requester, the confirmation goes out once
    const jobs = await stack.db.sql<{ kind: string; to_status: string | null }[]>`
      SELECT kind, payload->>'toStatus' AS to_status FROM jobs
       WHERE payload->>'requestId' = ${request.id} ORDER BY id`;
    expect(jobs).toEqual([
      { kind: 'request.status_changed', to_status: 'REVIEW' },
      { kind: 'request.status_changed', to_status: 'APPROVED' },
      { kind: 'event.confirmed', to_status: null },
    ]);
  });

  await test.step('the event and its checklist reach another manager’s desktop', async () => {
    const manager = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await signInAt(manager, managerDesk.pageUrl, stack, DEMO_MANAGER);
    await expect(phase(manager, 'live')).toBeVisible({ timeout: 60_000 });
    await go(manager, `#/events/${eventId}`);
    await expect(manager.getByRole('heading', { name: 'Neon Nights' })).toBeVisible();
    const tasks = await page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').count();
    await expect(manager.getByRole('list', { name: 'Tasks' }).getByRole('checkbox')).toHaveCount(tasks);
    await manager.close();
  });
});

test('should refuse to decline a request without a note, and keep the note with the decision', async ({ page }) => {
  const venue = await lakeshoreVenue();
  const request = await submitRequest(venue, await freeDate(stack, venue.id, 150), 'Paper Moons', 'Winter tour');
  await signInAt(page, stack.devHost.pageUrl, stack, DEMO_OWNER);
  await go(page, `#/requests/${request.id}`);
  await expect(page.getByRole('heading', { name: /Paper Moons/ })).toBeVisible();
  await decisions(page).getByRole('button', { name: 'Decline' }).click();
  const form = page.getByRole('form', { name: 'Decline the request' });
  await form.getByRole('button', { name: 'Decline' }).click();
  await expect(form.getByText('Say why: the requester is told')).toBeVisible();
  expect(await requestStatus(request.id)).toBe('NEW');

  await form.getByLabel('Why is it declined?').fill('We are dark that week for renovations');
  await form.getByRole('button', { name: 'Decline' }).click();
  await expect(decisions(page).getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Decision history' }).getByText('We are dark that week')).toBeVisible();
  await expect
    .poll(
      async () =>
        (
          await stack.db.sql<{ status: string; note: string }[]>`
            SELECT r.status, d.note FROM event_requests r JOIN decision_logs d ON d.request_id = r.id
             WHERE r.id = ${request.id} AND d.to_status = 'DECLINED'`
        )[0],
      { timeout: 30_000 },
    )
    .toEqual({ status: 'DECLINED', note: 'We are dark that week for renovations' });
  // the requester is told why
  const [job] = await stack.db.sql<{ to_status: string; note: string }[]>`
    SELECT payload->>'toStatus' AS to_status, payload->>'note' AS note FROM jobs
     WHERE kind = 'request.status_changed' AND payload->>'requestId' = ${request.id}`;
  expect(job).toEqual({ to_status: 'DECLINED', note: 'We are dark that week for renovations' });
});

test('should offer a staff member no decisions on a request, and refuse one they send anyway', async ({ page }) => {
  const venue = await lakeshoreVenue();
  const request = await submitRequest(venue, await freeDate(stack, venue.id, 180), 'Glass Harbour', 'Spring tour');
  // the manager's desktop signs out and a staff member signs in on it
  await managerDesk.app.dispatch('auth.signOut', { discardPending: true });
  await signInAt(page, managerDesk.pageUrl, stack, DEMO_STAFF);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await go(page, `#/requests/${request.id}`);
  await expect(page.getByRole('heading', { name: /Glass Harbour/ })).toBeVisible();
  await expect(page.getByText('Managers and owners decide on requests.')).toBeVisible();
  await expect(decisions(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Place hold' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  const refused = await managerDesk.app.dispatch('mutation.run', {
    name: 'request.setStatus',
    args: { requestId: request.id, decisionId: randomUUID(), toStatus: 'REVIEW', expectedStatus: 'NEW' },
  });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.code).toBe('forbidden');
  expect(await requestStatus(request.id)).toBe('NEW');
});
