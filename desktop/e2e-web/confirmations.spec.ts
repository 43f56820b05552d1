// Deciding on a request and confirming the show, as the requester reads it: every part real
// (relay, PostgreSQL, SMTP mailbox read with mailparser, the PDF's text with pdfjs, Chromium).
// Approving opens a dialog that names who will be emailed and takes a note; made offline, the
// approval waits in the outbox with its note, and the requester's email quotes it once the relay
// is back. The event made from the request starts its deal form from the request's budget and
// deal notes. Its first confirmation says the deal terms are still to be agreed, as its PDF does;
// once the terms are saved the event offers the revised confirmation, whose email says the terms
// are attached and whose PDF has them; the event lists who received which version.
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pdfText } from '@promoteros/relay/testing/pdf-text';
import type { ReceivedMail } from '@promoteros/relay/testing/test-mailbox';
import { signInAt } from './desktop-client.js';
import { DEMO_OWNER, freeDate, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_confirmations');
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

async function lakeshoreVenue(): Promise<Venue> {
  const [venue] = await stack.db.sql<Venue[]>`
    SELECT v.id, v.organization_id, v.timezone FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY v.name LIMIT 1`;
  if (!venue) throw new Error('the demo has no Lakeshore venue');
  return venue;
}

/** a request under review, as the public page and a first review leave it, with a budget and deal notes */
async function requestUnderReview(venue: Venue, date: string, artist: string, contactEmail: string) {
  const id = randomUUID();
  const reference = `RQ-${id.slice(0, 4).toUpperCase()}-${id.slice(9, 13).toUpperCase()}`;
  await stack.db.sql.begin(async (tx) => {
    await tx`
      INSERT INTO event_requests (id, organization_id, venue_id, reference, status, contact_name, contact_email,
                                  artist_name, event_title, preferred_start, preferred_end, expected_attendance,
                                  budget_min_cents, budget_max_cents, deal_notes)
      VALUES (${id}, ${venue.organization_id}, ${venue.id}, ${reference}, 'REVIEW', 'Jo Booker', ${contactEmail},
              ${artist}, 'Harbour Lights', (${date}::date + time '20:00') AT TIME ZONE ${venue.timezone},
              (${date}::date + time '23:30') AT TIME ZONE ${venue.timezone}, 700, 250000, 400000,
              'Versus deal, 80% of the door after costs')`;
    await tx`
      INSERT INTO decision_logs (organization_id, request_id, from_status, to_status, note)
      VALUES (${venue.organization_id}, ${id}, NULL, 'NEW', 'Submitted on the venue''s page'),
             (${venue.organization_id}, ${id}, 'NEW', 'REVIEW', NULL)`;
  });
  return { id, reference };
}

const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash);
const phase = (page: Page, name: string) => page.locator(`[role="status"][data-sync-phase="${name}"]`);
const decisions = (page: Page) => page.getByRole('group', { name: 'Decision' });
const requestStatus = async (id: string) =>
  (await stack.db.sql<{ status: string }[]>`SELECT status FROM event_requests WHERE id = ${id}`)[0]?.status;

/** the email's text and its one PDF's text and name */
async function readConfirmation(mail: ReceivedMail) {
  expect(mail.parsed.attachments).toHaveLength(1);
  const [pdf] = mail.parsed.attachments;
  expect(pdf!.contentType).toBe('application/pdf');
  return { text: mail.parsed.text ?? '', file: pdf!.filename ?? '', pdf: (await pdfText(pdf!.content)).text };
}

test('should email the approval with the manager’s note, made offline through a dialog naming the requester; start the deal from the request; and offer the revised confirmation once the terms are set', async ({
  page,
}) => {
  // two PDFs drawn, an outage and a resync: more than the default minute and a half
  test.setTimeout(240_000);
  const venue = await lakeshoreVenue();
  const date = await freeDate(stack, venue.id, 140);
  const artist = `The Lamplighters ${randomUUID().slice(0, 6)}`;
  const contact = `jo-${randomUUID().slice(0, 6)}@bookers.example`;
  const request = await requestUnderReview(venue, date, artist, contact);
  const note = 'We would love to have you.\nLoad-in is from 14:00.';

  await signInAt(page, stack.devHost.pageUrl, stack, DEMO_OWNER);
  await expect(phase(page, 'live')).toBeVisible({ timeout: 60_000 });
  await go(page, `#/requests/${request.id}`);
  await expect(page.getByRole('heading', { name: new RegExp(artist) })).toBeVisible();

  const approve = decisions(page).getByRole('button', { name: 'Approve…' });
  const dialog = page.getByRole('dialog', { name: 'Approve the request' });
  await test.step('approving opens a dialog naming who is emailed, with the note field focused; Escape changes nothing', async () => {
    await approve.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Emailed to' })).toHaveText(`Jo Booker <${contact}>`);
    await expect(dialog.getByText('They are told the request is approved')).toBeVisible();
    await expect(dialog.getByLabel('Note to the requester (optional)')).toBeFocused();
    expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(approve).toBeFocused();
    expect(await requestStatus(request.id)).toBe('REVIEW');
  });

  await test.step('offline, the approval and its note go in by keyboard, and wait in the outbox', async () => {
    await stack.stopRelay();
    await expect(phase(page, 'offline')).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.type(note.split('\n')[0]!);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(note.split('\n')[1]!);
    await expect(dialog.getByLabel('Note to the requester (optional)')).toHaveValue(note);
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Approve and email
    await expect(dialog.getByRole('button', { name: 'Approve and email' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('list', { name: 'Decision history' }).getByText('Load-in is from 14:00.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create event' })).toBeVisible();
    expect(await requestStatus(request.id)).toBe('REVIEW');
  });

  await test.step('back online, the requester’s email quotes the note', async () => {
    await stack.startRelay();
    await expect.poll(() => requestStatus(request.id), { timeout: 60_000 }).toBe('APPROVED');
    const mail = await stack.mailbox.next(contact, 60_000, /is approved/);
    expect(mail.to).toEqual([contact]);
    expect(mail.parsed.text).toContain(
      'A note from Lakeshore Live:\n> We would love to have you.\n> Load-in is from 14:00.',
    );
  });

  let eventId = '';
  await test.step('the event made from the request; its first confirmation says the deal is to be agreed, as its PDF does', async () => {
    await page.getByRole('button', { name: 'Create event' }).click();
    const form = page.getByRole('form', { name: 'Create event' });
    await form.getByLabel('Title').fill('Harbour Lights');
    await form.getByLabel('Doors').fill('19:00');
    await form.getByLabel('Show', { exact: true }).fill('20:00');
    await form.getByLabel('Ends').fill('23:00');
    await form.getByRole('button', { name: 'Confirm event' }).click();
    await expect(page.getByRole('heading', { name: 'Harbour Lights' })).toBeVisible();
    // the form navigates once the edit is saved (on disk), which may be after the title shows
    await expect(page).toHaveURL(/#\/events\/[0-9a-f-]+/);
    eventId = /#\/events\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
    expect(eventId).not.toBe('');

    const first = await readConfirmation(await stack.mailbox.next(contact, 60_000, /^Confirmed:/));
    expect(first.text).toContain(`The confirmation is attached (${first.file}).`);
    expect(first.text).toContain(
      'The deal terms are still to be agreed; a revised confirmation with them will follow.',
    );
    expect(first.pdf).toContain('The deal terms are still to be agreed');
    const sent = page.getByRole('list', { name: 'Confirmation emails' }).getByRole('listitem');
    await expect(sent).toHaveCount(1, { timeout: 30_000 });
    await expect(sent.first()).toContainText('Confirmation v1, deal terms to follow');
    await expect(sent.first()).toContainText('Sent');
    await expect(sent.first()).toContainText(contact);
    await expect(page.getByTestId('revised-confirmation-offer')).toHaveCount(0);
  });

  await test.step('the deal form starts from the request’s budget and deal notes', async () => {
    await page.getByRole('button', { name: 'Add terms' }).click();
    const form = page.getByRole('form', { name: 'Edit deal terms' });
    await expect(
      form.getByText(`Filled in from request ${request.reference}, whose budget was $2,500.00 – $4,000.00`),
    ).toBeVisible();
    await expect(form.getByLabel('Guarantee (USD)')).toHaveValue('2500.00');
    await expect(form.getByLabel('Notes')).toHaveValue('Versus deal, 80% of the door after costs');
    await form.getByLabel('Deal type').selectOption('VERSUS');
    await form.getByLabel('Artist share (%)').fill('80');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
  });

  await test.step('the terms set since the confirmation: the event offers the revised one, whose email and PDF carry them', async () => {
    const offer = page.getByTestId('revised-confirmation-offer');
    await expect(offer).toContainText('Deal terms set since the confirmation sent on');
    await expect(offer).toContainText(`to ${contact}`);
    await offer.getByRole('button', { name: 'Send revised confirmation' }).click();
    await expect(page.getByText('The revised confirmation is on its way')).toBeVisible();
    // the button went with the offer; focus stays where it was, not at the top of the page
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-live'))).toBe('polite');

    const revised = await readConfirmation(await stack.mailbox.next(contact, 60_000, /^Revised confirmation:/));
    expect(revised.text).toContain(`The confirmation with the deal terms is attached (${revised.file}).`);
    expect(revised.text).not.toContain('still to be agreed');
    expect(revised.pdf).not.toContain('still to be agreed');
    expect(revised.pdf).toContain('$2,500.00');
    expect(revised.pdf).toContain('80%');
    expect(revised.file).toMatch(/Confirmation v2\.pdf$/);

    const sent = page.getByRole('list', { name: 'Confirmation emails' }).getByRole('listitem');
    await expect(sent).toHaveCount(2);
    await expect(sent.first()).toContainText('Revised confirmation v2, with deal terms');
    await expect(sent.first()).toContainText('Sent', { timeout: 30_000 });
    await expect(offer).toHaveCount(0);
    await expect(page.getByText('The revised confirmation is on its way')).toHaveCount(0);
  });
});
