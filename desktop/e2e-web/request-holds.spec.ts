// Holds through the request screen in Chromium, against a real relay and PostgreSQL: three
// requests hold one venue date 1st, 2nd and 3rd; the 2nd challenges the 1st with a deadline, the
// 3rd gets an expiry, both typed on the venue's clock; releasing the 1st moves the others up; and
// confirming the 2nd's date as an event over a higher hold is refused until the manager gives a
// reason, which is kept with the decision.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_request_holds');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

interface Venue {
  id: string;
  organization_id: string;
  timezone: string;
}

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
const phase = (page: Page, name: string) => page.locator(`[role="status"][data-sync-phase="${name}"]`);
const ownHolds = (page: Page) => page.getByRole('list', { name: 'Holds of this request' });

interface HoldState {
  artist: string;
  rank: number;
  status: string;
  release_reason: string | null;
  expires: string | null;
  challenged_by: string | null;
  deadline: string | null;
}

test('should rank holds on a date, challenge, expire and release them, and confirm over a higher hold only with a reason', async ({
  page,
}) => {
  const [venue] = await stack.db.sql<Venue[]>`
    SELECT v.id, v.organization_id, v.timezone FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY v.name LIMIT 1`;
  if (!venue) throw new Error('the demo has no Lakeshore venue');
  const [free] = await stack.db.sql<{ date: string }[]>`
    SELECT d::date::text AS date
      FROM generate_series(current_date + 90, current_date + 300, interval '1 day') d
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.venue_id = ${venue.id} AND e.show_date = d::date)
       AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.venue_id = ${venue.id} AND h.hold_date = d::date)
     ORDER BY d LIMIT 1`;
  const date = free!.date;
  const tag = randomUUID().slice(0, 4);
  const request = async (artist: string, status: string) => {
    const id = randomUUID();
    await stack.db.sql`
      INSERT INTO event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
                                  artist_name, event_title, preferred_start, preferred_end, expected_attendance)
      VALUES (${id}, ${venue.organization_id}, ${venue.id}, ${`RQ-H${id.slice(0, 8).toUpperCase()}`}, ${status},
              'Jo Booker', 'jo@bookers.example', ${artist}, 'One night only',
              (${date}::date + time '20:00') AT TIME ZONE ${venue.timezone},
              (${date}::date + time '23:00') AT TIME ZONE ${venue.timezone}, 600)`;
    return { id, artist };
  };
  const first = await request(`Amber Fields ${tag}`, 'REVIEW');
  const second = await request(`Brass Lanterns ${tag}`, 'REVIEW');
  const third = await request(`Cobalt Skies ${tag}`, 'APPROVED');
  const holds = () => stack.db.sql<HoldState[]>`
    SELECT r.artist_name AS artist, h.rank, h.status, h.release_reason,
           to_char(h.expires_at AT TIME ZONE ${venue.timezone}, 'YYYY-MM-DD HH24:MI') AS expires,
           (SELECT c.artist_name FROM holds ch JOIN event_requests c ON c.id = ch.request_id
             WHERE ch.id = h.challenged_by_hold_id) AS challenged_by,
           to_char(h.challenge_deadline AT TIME ZONE ${venue.timezone}, 'YYYY-MM-DD HH24:MI') AS deadline
      FROM holds h JOIN event_requests r ON r.id = h.request_id
     WHERE h.venue_id = ${venue.id} AND h.hold_date = ${date} ORDER BY r.artist_name`;

  await openSignedIn(page, stack, DEMO_OWNER);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });

  await test.step('three requests hold the date 1st, 2nd and 3rd', async () => {
    for (const [index, each] of [first, second, third].entries()) {
      await go(page, `#/requests/${each.id}`);
      await expect(page.getByRole('heading', { name: new RegExp(each.artist) })).toBeVisible();
      await expect(page.getByLabel('Hold a date')).toHaveValue(date);
      await page.getByRole('button', { name: 'Place hold' }).click();
      await expect(ownHolds(page).getByText(`${['1st', '2nd', '3rd'][index]} hold`)).toBeVisible();
    }
    const onDate = page.getByRole('list', { name: `Holds on ${date}` }).getByRole('listitem');
    await expect(onDate).toHaveText([/^1st.*Amber Fields/, /^2nd.*Brass Lanterns/, /^3rd.*Cobalt Skies/]);
  });

  const inTwoWeeks = await stack.db.sql<{ date: string }[]>`SELECT (current_date + 14)::text AS date`;
  const later = inTwoWeeks[0]!.date;
  await test.step('the 3rd hold gets an expiry on the venue’s clock', async () => {
    await page.getByRole('button', { name: `Expiry (${date})` }).click();
    const form = page.getByRole('form', { name: 'When the hold expires' });
    await form.getByLabel('Expires on').fill(later);
    await form.getByLabel(`Time (${venue.timezone})`).fill('18:00');
    await form.getByRole('button', { name: 'Set expiry' }).click();
    await expect(ownHolds(page).getByText(/expires/)).toBeVisible();
  });

  await test.step('the 2nd hold challenges the 1st with a deadline', async () => {
    await go(page, `#/requests/${second.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(second.artist) })).toBeVisible();
    await page.getByRole('button', { name: `Challenge 1st (${date})` }).click();
    const form = page.getByRole('form', { name: 'Challenge the 1st hold' });
    await form.getByLabel('Answer by').fill(later);
    await form.getByLabel(`Time (${venue.timezone})`).fill('12:00');
    await form.getByRole('button', { name: 'Challenge' }).click();
    await expect(page.getByRole('list', { name: `Holds on ${date}` }).getByText('challenged')).toBeVisible();
    await expect.poll(holds, { timeout: 30_000 }).toEqual([
      expect.objectContaining({
        artist: first.artist,
        rank: 1,
        challenged_by: second.artist,
        deadline: `${later} 12:00`,
      }),
      expect.objectContaining({ artist: second.artist, rank: 2, challenged_by: null }),
      expect.objectContaining({ artist: third.artist, rank: 3, expires: `${later} 18:00` }),
    ]);
  });

  await test.step('releasing the 1st hold with a reason moves the others up', async () => {
    await go(page, `#/requests/${first.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(first.artist) })).toBeVisible();
    await page.getByRole('button', { name: `Release (${date})` }).click();
    const form = page.getByRole('form', { name: 'Release the hold' });
    await form.getByLabel('Reason (optional)').fill('The band postponed the tour');
    await form.getByRole('button', { name: 'Release' }).click();
    await expect(ownHolds(page).getByText('The band postponed the tour')).toBeVisible();
    const onDate = page.getByRole('list', { name: `Holds on ${date}` }).getByRole('listitem');
    await expect(onDate.first()).toHaveText(/^1st.*Brass Lanterns/);
    await expect(onDate.nth(1)).toHaveText(/^2nd.*Cobalt Skies/);
    await expect.poll(holds, { timeout: 30_000 }).toEqual([
      expect.objectContaining({
        artist: first.artist,
        status: 'RELEASED',
        release_reason: 'The band postponed the tour',
      }),
      expect.objectContaining({ artist: second.artist, rank: 1, status: 'ACTIVE' }),
      expect.objectContaining({ artist: third.artist, rank: 2, status: 'ACTIVE' }),
    ]);
  });

  await test.step('confirming the 2nd hold’s date over the 1st needs a reason', async () => {
    await go(page, `#/requests/${third.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(third.artist) })).toBeVisible();
    await page.getByRole('button', { name: 'Create event' }).click();
    const form = page.getByRole('form', { name: 'Create event' });
    await form.getByRole('button', { name: 'Confirm event' }).click();
    await expect(form.getByRole('alert')).toContainText('give a reason to confirm anyway');
    await form.getByRole('button', { name: 'Confirm anyway' }).click();
    await expect(form.getByText('Say why the date is confirmed anyway')).toBeVisible();
    await form.getByLabel('Override with a reason').fill('Brass Lanterns agreed to move to the next night');
    await form.getByRole('button', { name: 'Confirm anyway' }).click();
    await expect(page.getByRole('heading', { name: 'One night only' })).toBeVisible();
    await expect
      .poll(
        async () =>
          (
            await stack.db.sql<{ status: string; note: string }[]>`
              SELECT e.status, d.note FROM events e JOIN decision_logs d ON d.request_id = e.request_id
               WHERE e.request_id = ${third.id} AND d.to_status = 'SCHEDULED'`
          )[0],
        { timeout: 30_000 },
      )
      .toEqual({
        status: 'CONFIRMED',
        note: expect.stringContaining('Brass Lanterns agreed to move to the next night'),
      });
  });
});

test('should offer to confirm anyway, with a reason, an event the relay refused over a date taken meanwhile', async ({
  page,
}) => {
  const [venue] = await stack.db.sql<Venue[]>`
    SELECT v.id, v.organization_id, v.timezone FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY v.name LIMIT 1`;
  const [free] = await stack.db.sql<{ date: string }[]>`
    SELECT d::date::text AS date
      FROM generate_series(current_date + 320, current_date + 500, interval '1 day') d
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.venue_id = ${venue!.id} AND e.show_date = d::date)
       AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.venue_id = ${venue!.id} AND h.hold_date = d::date)
     ORDER BY d LIMIT 1`;
  const date = free!.date;
  const requestId = randomUUID();
  await stack.db.sql`
    INSERT INTO event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
                                artist_name, event_title, preferred_start, preferred_end, expected_attendance)
    VALUES (${requestId}, ${venue!.organization_id}, ${venue!.id}, ${`RQ-O${requestId.slice(0, 8).toUpperCase()}`},
            'APPROVED', 'Jo Booker', 'jo@bookers.example', 'Dusk Parade', 'Late show',
            (${date}::date + time '20:00') AT TIME ZONE ${venue!.timezone},
            (${date}::date + time '23:00') AT TIME ZONE ${venue!.timezone}, 500)`;
  await openSignedIn(page, stack, DEMO_OWNER);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await go(page, `#/requests/${requestId}`);
  await expect(page.getByRole('heading', { name: /Dusk Parade/ })).toBeVisible();

  // offline, the device knows of no event on the date: the confirmation is made and queued
  await stack.stopRelay();
  await expect(phase(page, 'offline')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Create event' }).click();
  await page.getByRole('form', { name: 'Create event' }).getByRole('button', { name: 'Confirm event' }).click();
  await expect(page.getByRole('heading', { name: 'Late show' })).toBeVisible();
  // meanwhile another desk confirmed a private party on that date
  await stack.db.sql`
    INSERT INTO events (organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at)
    VALUES (${venue!.organization_id}, ${venue!.id}, 'Private party', 'DJ Set', 'CONFIRMED', ${date},
            (${date}::date + time '19:00') AT TIME ZONE ${venue!.timezone},
            (${date}::date + time '20:00') AT TIME ZONE ${venue!.timezone},
            (${date}::date + time '23:00') AT TIME ZONE ${venue!.timezone})`;
  await stack.startRelay();

  const attention = page.getByRole('button', { name: '1 needs attention' });
  await expect(attention).toBeVisible({ timeout: 60_000 });
  await attention.click();
  const panel = page.getByRole('dialog', { name: 'Edits that need your attention' });
  const refused = panel.getByRole('listitem', { name: /Late show/ });
  await expect(refused).toContainText('give a reason to confirm anyway');
  await refused.getByRole('button', { name: 'Override…' }).click();
  await refused.getByLabel('Override with a reason').fill('The party moves to the terrace');
  await refused.getByRole('button', { name: 'Confirm anyway' }).click();
  await expect(panel.getByText('Nothing needs your attention.')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(
      async () =>
        (
          await stack.db.sql<{ status: string; note: string }[]>`
            SELECT e.status, d.note FROM events e JOIN decision_logs d ON d.request_id = e.request_id
             WHERE e.request_id = ${requestId} AND d.to_status = 'SCHEDULED'`
        )[0],
      { timeout: 30_000 },
    )
    .toEqual({ status: 'CONFIRMED', note: expect.stringContaining('The party moves to the terrace') });
});
