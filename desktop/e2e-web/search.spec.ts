// Ctrl/Cmd-K through the real renderer in Chromium, against a real relay and PostgreSQL: a guest
// of an upcoming show is found by name and opens that show's door with the name in its search
// (nobody highlighted); hits read in words (status labels, the show's time on the venue's clock
// with its zone, counts with correct plurals), never raw codes or ISO dates; keyboard only.
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, freeDate, startVenueStack, type VenueStack } from './venue-stack.js';

// another clock than the venue's (Chicago), so a show's time must name its zone
test.use({ timezoneId: 'Europe/London' });

let stack: VenueStack;
const GUEST = 'Quintessa Marlowe-Bright';
const ARTIST = 'The Velvet Quorum';
const SHOW = 'Velvet Quorum at the Lakeshore';
const eventId = randomUUID();
let show: { show_date: string; show_at: Date; venue_name: string } | undefined;

const rawCode = /\b(NEW|REVIEW|APPROVED|DECLINED|SCHEDULED|WITHDRAWN|DRAFT|CONFIRMED|CANCELLED|SETTLED)\b/;
const isoDate = /\d{4}-\d{2}-\d{2}/;
// ICU puts a narrow no-break space before AM/PM
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_search');
  const [venue] = await stack.db.sql<{ id: string; organization_id: string; name: string }[]>`
    SELECT v.id, v.organization_id, v.name FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' AND v.timezone = 'America/Chicago' ORDER BY v.name LIMIT 1`;
  if (!venue) throw new Error('the demo has no Chicago venue');
  const date = await freeDate(stack, venue.id, 20);
  // an artist with one show and one request (the one the show was made from): "1 event · 1 request"
  const [request] = await stack.db.sql<{ id: string }[]>`
    INSERT INTO event_requests (organization_id, venue_id, reference, status, contact_name, contact_email,
                                artist_name, event_title, preferred_start, preferred_end, expected_attendance)
    VALUES (${venue.organization_id}, ${venue.id}, 'RQ-VQVQ-0001', 'SCHEDULED', 'Odile Fenwick', 'odile@example.com',
            ${ARTIST}, ${SHOW}, (${date}::date + time '20:00') AT TIME ZONE 'America/Chicago',
            (${date}::date + time '23:00') AT TIME ZONE 'America/Chicago', 300)
    RETURNING id`;
  [show] = await stack.db.sql<{ show_date: string; show_at: Date; venue_name: string }[]>`
    INSERT INTO events (id, organization_id, venue_id, request_id, title, artist_name, status, show_date,
                        doors_at, show_at, ends_at)
    VALUES (${eventId}, ${venue.organization_id}, ${venue.id}, ${request!.id}, ${SHOW}, ${ARTIST}, 'CONFIRMED', ${date},
            (${date}::date + time '19:00') AT TIME ZONE 'America/Chicago',
            (${date}::date + time '20:00') AT TIME ZONE 'America/Chicago',
            (${date}::date + time '23:00') AT TIME ZONE 'America/Chicago')
    RETURNING show_date::text, show_at, ${venue.name}::text AS venue_name`;
  const list = randomUUID();
  await stack.db.sql`
    INSERT INTO guest_lists (id, organization_id, event_id, name, kind, allotment)
    VALUES (${list}, ${venue.organization_id}, ${eventId}, 'Press and photo', 'MEDIA', 10)`;
  await stack.db.sql`
    INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count)
    VALUES (${venue.organization_id}, ${eventId}, ${list}, ${GUEST}, 2)`;
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && console.error(`[console] ${message.text()}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

const palette = (page: Page) => page.getByRole('combobox', { name: 'Search' });

/** types into the open palette and waits for the answer to that text */
async function searchFor(page: Page, text: string) {
  await palette(page).fill(text);
  await expect(page.getByRole('listbox', { name: 'Results' })).toHaveAttribute('data-query', text);
}

test('should find a guest with Ctrl-K, read every hit in words, and open the guest’s door by keyboard', async ({
  page,
}) => {
  await openSignedIn(page, stack, DEMO_OWNER);
  await expect(page.locator('[data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });
  const opener = page.getByRole('link', { name: 'Calendar' });
  await opener.focus();

  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeFocused();

  await test.step('an artist counts one event and one request, in the singular', async () => {
    await searchFor(page, ARTIST);
    const artist = page.getByRole('option').filter({ hasText: /^Artist/ });
    await expect(artist).toHaveText(`Artist${ARTIST}1 event · 1 request`);
  });

  await test.step('the show and its request read their status in words and the time on the venue’s clock', async () => {
    // the venue's clock and its zone, as a Chicagoan reads them
    const when = plain(
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Chicago',
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(show!.show_at),
    );
    expect(when).toMatch(/ 8:00 PM C[DS]T$/);
    const event = page.getByRole('option').filter({ hasText: /^Event/ });
    await expect(event).toHaveCount(1);
    expect(plain((await event.textContent()) ?? '')).toBe(
      `Event${SHOW}${ARTIST} · ${when} · ${show!.venue_name} · Confirmed`,
    );
    const request = page.getByRole('option').filter({ hasText: /^Request/ });
    await expect(request).toContainText('RQ-VQVQ-0001 · The Velvet Quorum · Odile Fenwick · Scheduled');
    for (const text of await page.getByRole('option').allInnerTexts()) {
      expect(plain(text)).not.toMatch(rawCode);
      expect(text).not.toMatch(isoDate);
      expect(text).not.toMatch(/\b1 (events|requests)\b/);
    }
    await expect(page.getByRole('status').filter({ hasText: /results?$/ })).toHaveText('3 results');
  });

  await test.step('a guest is found by name, with their party, list and show', async () => {
    await searchFor(page, 'quintessa');
    const guest = page.getByRole('option').filter({ hasText: /^Guest/ });
    await expect(guest).toHaveCount(1);
    await expect(guest).toContainText(GUEST);
    await expect(guest).toContainText(`+1 · Press and photo · ${SHOW} · `);
    expect(await guest.innerText()).not.toMatch(isoDate);
    await expect(page.getByRole('status').filter({ hasText: /results?$/ })).toHaveText('1 result');
    const violations = (await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations;
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });

  await test.step('Escape closes the palette and gives focus back', async () => {
    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();
    await expect(opener).toBeFocused();
  });

  await test.step('arrows and Enter open the guest’s show at the door, the name searched, nobody highlighted', async () => {
    await page.keyboard.press('Control+k');
    await searchFor(page, GUEST.slice(0, 9));
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((text) => text.startsWith('Guest'));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option').nth(index)).toHaveAttribute('aria-selected', 'true');
    await expect(palette(page)).toHaveAttribute(
      'aria-activedescendant',
      (await page.getByRole('option').nth(index).getAttribute('id'))!,
    );
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: SHOW, level: 1 })).toBeVisible();
    const doorSearch = page.getByRole('combobox', { name: 'Find a guest' });
    await expect(doorSearch).toHaveValue(GUEST);
    const row = page.getByRole('option', { name: GUEST, exact: true });
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('aria-selected', 'false');
    // Enter with nobody chosen admits nobody
    await doorSearch.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('door-total')).toHaveText('0');
    await expect(page.getByText(/^Admitted/)).toHaveCount(0);
  });
});
