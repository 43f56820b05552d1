// One formatting module (shared/src/format, docs/formatting.md): the same show, read on the event
// page in Chromium, in the confirmation email (a real SMTP mailbox, parsed with mailparser) and in
// the PDF attached to it (its text read with pdfjs), says the same date and the same time, in
// the organization's locale and with the venue's zone, on a computer whose clock is elsewhere.
import { expect, test } from '@playwright/test';
import { pdfText } from '@promoteros/relay/testing/pdf-text';
import { flat } from '@promoteros/relay/testing/document-world';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_one_format');
  // signed in through the app's core first (see delivery-problems.spec.ts: the demo's first sync)
  expect((await stack.app.dispatch('auth.requestCode', { relayUrl: stack.relayUrl(), email: DEMO_OWNER })).ok).toBe(
    true,
  );
  const code = await stack.nextSignInCode(DEMO_OWNER);
  expect((await stack.app.dispatch('auth.verifyCode', { email: DEMO_OWNER, code })).ok).toBe(true);
});
test.afterAll(async () => {
  await stack?.stop();
});

// Honolulu keeps no daylight time and shares a clock with none of the demo venues: the app must
// name the venue's zone, as the email and the sheet always do
const DEVICE_ZONE = 'Pacific/Honolulu';

for (const locale of ['en-GB', 'en-US'] as const) {
  test(`should write a show's date and time alike in the app, the email and the PDF (${locale})`, async ({
    browser,
  }) => {
    const [show] = await stack.db.sql<
      { id: string; organization_id: string; title: string; contact_email: string; timezone: string }[]
    >`
      SELECT e.id, e.organization_id, e.title, r.contact_email, v.timezone
        FROM events e
        JOIN organizations o ON o.id = e.organization_id
        JOIN venues v ON v.id = e.venue_id
        JOIN event_requests r ON r.id = e.request_id
        JOIN deal_terms d ON d.event_id = e.id
       WHERE o.slug = 'lakeshore-live' AND e.status = 'CONFIRMED'
       ORDER BY e.show_date DESC, e.id LIMIT 1`;
    if (!show) throw new Error('the demo has no confirmed show made from a request');
    expect(show.timezone).not.toBe(DEVICE_ZONE);
    await stack.db.sql`UPDATE organizations SET locale = ${locale} WHERE id = ${show.organization_id}`;

    // the browser's own language stays en-US: the organization's locale is what counts
    const context = await browser.newContext({ locale: 'en-US', timezoneId: DEVICE_ZONE });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    await openSignedIn(page, stack, DEMO_OWNER);
    await page.evaluate((to) => (window.location.hash = to), `#/events/${show.id}`);
    await expect(page.getByRole('heading', { name: show.title })).toBeVisible();
    const term = (label: string) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');
    // the locale arrives with the organization's row: wait for its clock (24-hour in en-GB)
    await expect(term('Show')).toHaveText(locale === 'en-GB' ? /^\d{2}:\d{2} / : /^\d{1,2}:\d{2} [AP]M /);
    const appShow = (await term('Show').textContent())!.trim();
    const appDoors = (await term('Doors').textContent())!.trim();
    const header = (await page.locator('main header p, header:has(h1) p').first().textContent())!;
    const appDate = header.split(' · ').at(-1)!.trim();
    await context.close();

    await stack.db.sql`
      INSERT INTO jobs (organization_id, kind, payload)
      VALUES (${show.organization_id}, 'event.confirmed', ${stack.db.sql.json({ eventId: show.id })})`;
    const mail = await stack.mailbox.next(show.contact_email, 60_000, /^Confirmed: /);
    const text = mail.parsed.text ?? '';
    const fact = (label: string) => new RegExp(`^${label}:\\s+(.+)$`, 'm').exec(text)?.[1]?.trim();
    const [attachment] = mail.parsed.attachments;
    expect(attachment?.contentType).toBe('application/pdf');
    const sheet = flat((await pdfText(attachment!.content)).text);

    // the same words in all three, and they are what the module writes for this locale
    expect({ show: fact('Show'), doors: fact('Doors'), date: fact('Date') }).toEqual({
      show: appShow,
      doors: appDoors,
      date: appDate,
    });
    expect(mail.parsed.subject).toContain(appDate);
    expect(sheet).toContain(`Show ${appShow}`);
    expect(sheet).toContain(`Doors ${appDoors}`);
    expect(sheet).toContain(`Date ${appDate}`);
    // the zone is named (the device is elsewhere), and the clock is the locale's
    expect(appShow).toMatch(locale === 'en-GB' ? /^\d{2}:\d{2} \S+$/ : /^\d{1,2}:\d{2} [AP]M \S+$/);
    expect(appDate).toMatch(
      locale === 'en-GB'
        ? /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2,3} \d{4}$/
        : /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
    );
  });
}
