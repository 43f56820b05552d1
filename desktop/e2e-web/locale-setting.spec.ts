// The organization's locale, set in Settings in Chromium against a real relay, PostgreSQL and SMTP
// mailbox: the owner picks British English from the keyboard while the relay is away, reads the
// preview, saves; the event page writes its times on a 24-hour clock at once, the relay has the
// locale once it is back, and the confirmation email and its PDF sent afterwards write the show's
// date as the app does. A manager reads the setting and cannot change it.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatsFor } from '@promoteros/shared/format';
import { pdfText } from '@promoteros/relay/testing/pdf-text';
import { flat } from '@promoteros/relay/testing/document-world';
import { signInAt, startDesktopClient, type DesktopClient } from './desktop-client.js';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

const DEMO_MANAGER = 'manager@lakeshore-live.demo';

let stack: VenueStack;
let managerDesk: DesktopClient | undefined;

interface Show {
  readonly id: string;
  readonly organization_id: string;
  readonly title: string;
  readonly contact_email: string;
  readonly timezone: string;
}
let show: Show;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_locale_setting');
  const [found] = await stack.db.sql<Show[]>`
    SELECT e.id, e.organization_id, e.title, r.contact_email, v.timezone
      FROM events e
      JOIN organizations o ON o.id = e.organization_id
      JOIN venues v ON v.id = e.venue_id
      JOIN event_requests r ON r.id = e.request_id
      JOIN deal_terms d ON d.event_id = e.id
     WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED'
     ORDER BY e.show_date DESC, e.id LIMIT 1`;
  if (!found) throw new Error('the demo has no confirmed show made from a request');
  show = found;
  // whatever the demo starts with: the test begins in the default
  await stack.db.sql`UPDATE organizations SET locale = 'en-US' WHERE id = ${show.organization_id}`;
  // signed in through the app's core first (see delivery-problems.spec.ts: the demo's first sync)
  expect((await stack.app.dispatch('auth.requestCode', { relayUrl: stack.relayUrl(), email: DEMO_OWNER })).ok).toBe(
    true,
  );
  const code = await stack.nextSignInCode(DEMO_OWNER);
  expect((await stack.app.dispatch('auth.verifyCode', { email: DEMO_OWNER, code })).ok).toBe(true);
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await managerDesk?.stop();
  await stack?.stop();
});

const storedLocale = async () =>
  (await stack.db.sql<{ locale: string }[]>`SELECT locale FROM organizations WHERE id = ${show.organization_id}`)[0]!
    .locale;

/** the event page's show time and date, as the app writes them */
async function eventTimes(page: Page): Promise<{ show: string; date: string }> {
  await page.evaluate((to) => (window.location.hash = to), `#/events/${show.id}`);
  await expect(page.getByRole('heading', { name: show.title })).toBeVisible();
  const term = page.locator('dt', { hasText: /^Show$/ }).locator('+ dd');
  const header = page.locator('main header p, header:has(h1) p').first();
  return { show: (await term.textContent())!.trim(), date: (await header.textContent())!.split(' · ').at(-1)!.trim() };
}

test('should let the owner set the locale offline from the keyboard, and the app, email and PDF follow it', async ({
  page,
}) => {
  await openSignedIn(page, stack, DEMO_OWNER);
  const before = await eventTimes(page);
  expect(before.show).toMatch(/^\d{1,2}:\d{2} [AP]M\b/);

  await page.getByRole('link', { name: 'Settings' }).click();
  const setting = page.getByRole('region', { name: 'Dates, times and numbers' });
  const locale = setting.getByLabel('Locale');
  await expect(locale).toHaveValue('en-US');
  const save = setting.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();
  const axe = await new AxeBuilder({ page }).include('form[aria-label="Dates, times and numbers"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // the relay goes away: the setting is an edit like any other, made here and uploaded later
  await stack.stopRelay();
  await locale.focus();
  await locale.selectOption('en-GB');
  // the preview is what the shared module writes for the choice, before anything is saved
  const preview = setting.locator('dl');
  await expect(preview).toContainText('19:30');
  await expect(preview).toContainText('US$2,500.50');
  await expect(save).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(setting.getByRole('status')).toHaveText(
    'Saved: dates, times and numbers are now written as in British English (en-GB).',
  );
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('pending-edits')).toBeVisible();

  // every screen follows at once, before the relay has heard of it
  const after = await eventTimes(page);
  expect(after.show).toMatch(/^\d{2}:\d{2}\b/);
  expect(after.date).not.toBe(before.date);
  expect(after.date).toMatch(/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
  expect(await storedLocale()).toBe('en-US');

  await stack.startRelay();
  await expect.poll(storedLocale, { timeout: 60_000 }).toBe('en-GB');
  await expect(page.getByTestId('pending-edits')).toHaveCount(0, { timeout: 60_000 });

  // what the relay sends from now on is written in it too: the confirmation and its sheet
  await stack.db.sql`
    INSERT INTO jobs (organization_id, kind, payload)
    VALUES (${show.organization_id}, 'event.confirmed', ${stack.db.sql.json({ eventId: show.id })})`;
  const mail = await stack.mailbox.next(show.contact_email, 60_000, /^Confirmed: /);
  const date = /^Date:\s+(.+)$/m.exec(mail.parsed.text ?? '')?.[1]?.trim();
  expect(date).toBe(after.date);
  const [attachment] = mail.parsed.attachments;
  expect(attachment?.contentType).toBe('application/pdf');
  expect(flat((await pdfText(attachment!.content)).text)).toContain(`Date ${after.date}`);
  // and it is the module's own writing of the show's day in en-GB
  const [day] = await stack.db.sql<{ show_date: string }[]>`SELECT show_date::text FROM events WHERE id = ${show.id}`;
  expect(after.date).toBe(formatsFor('en-GB').date(day!.show_date));
});

test('should show a manager the locale and how it looks, with no way to change it', async ({ page }) => {
  managerDesk = await startDesktopClient(stack, 'manager');
  await signInAt(page, managerDesk.pageUrl, stack, DEMO_MANAGER);
  await page.getByRole('link', { name: 'Settings' }).click();
  const setting = page.getByRole('region', { name: 'Dates, times and numbers' });
  await expect(setting.getByLabel('Locale')).toHaveText('British English (en-GB)', { timeout: 60_000 });
  await expect(setting.locator('dl')).toContainText('19:30');
  await expect(setting.getByRole('combobox')).toHaveCount(0);
  await expect(setting.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(setting).toContainText('Only an owner can change it.');
});
