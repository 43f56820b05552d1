// Delivery problems in Chromium, against a real relay, PostgreSQL and SMTP server: the owner
// finds the email the relay gave up on under Settings, reads the mail server's reason, and
// retries it from the keyboard; the email arrives and the list empties.
import { expect, test } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_delivery');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

test('should let the owner see a refused email with its reason and retry it by keyboard', async ({ page }) => {
  // a requester's confirmation the relay gave up on: their mail server refused it (since fixed)
  const [request] = await stack.db.sql<{ id: string; organization_id: string; contact_email: string }[]>`
    SELECT r.id, r.organization_id, r.contact_email FROM event_requests r
      JOIN organizations o ON o.id = r.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY r.reference LIMIT 1`;
  const [job] = await stack.db.sql<{ id: string }[]>`
    INSERT INTO jobs (organization_id, kind, payload, status, attempts, last_error)
    VALUES (${request!.organization_id}, 'request.received', ${stack.db.sql.json({ requestId: request!.id })},
            'DEAD', 1, 'PermanentJobFailure: Recipient command failed: 550 5.2.1 mailbox disabled')
    RETURNING id::text AS id`;
  await stack.db.sql`
    INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, last_error)
    VALUES (${job!.id}, ${request!.organization_id}, 'request.received', ${`<job-${job!.id}.request-received@test>`},
            ${stack.db.sql.array([request!.contact_email])}, 'We received your request', 'FAILED',
            'Recipient command failed: 550 5.2.1 mailbox disabled')`;

  // signed in through the app's core first (the page then opens signed in): on a loaded machine the
  // demo's first sync can outlast the sign-in form's wait, and signing in is not what this tests
  expect((await stack.app.dispatch('auth.requestCode', { relayUrl: stack.relayUrl(), email: DEMO_OWNER })).ok).toBe(
    true,
  );
  const code = await stack.nextSignInCode(DEMO_OWNER);
  expect((await stack.app.dispatch('auth.verifyCode', { email: DEMO_OWNER, code })).ok).toBe(true);
  await openSignedIn(page, stack, DEMO_OWNER);
  await page.getByRole('link', { name: 'Settings' }).click();
  const problems = page.getByRole('list', { name: 'Delivery problems' });
  const item = problems.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`Confirmation to the requester to ${request!.contact_email}`);
  await expect(item).toContainText('Recipient command failed: 550 5.2.1 mailbox disabled');
  await expect(item).toContainText('Given up after 1 try');

  const retry = item.getByRole('button', { name: `Retry: Confirmation to the requester to ${request!.contact_email}` });
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'queued again' })).toBeVisible();
  const mail = await stack.mailbox.next(request!.contact_email, 15_000, /We received your request/);
  expect(mail.parsed.messageId).toBe(`<job-${job!.id}.request-received@promoteros.local>`);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('No delivery problems: everything went out.')).toBeVisible();
});

test('should show an email refused for one of its recipients, with no Retry that would resend it to the others', async ({
  page,
}) => {
  const [request] = await stack.db.sql<{ id: string; organization_id: string; contact_email: string }[]>`
    SELECT r.id, r.organization_id, r.contact_email FROM event_requests r
      JOIN organizations o ON o.id = r.organization_id
     WHERE o.slug = 'lakeshore-live' ORDER BY r.reference LIMIT 1`;
  const [job] = await stack.db.sql<{ id: string }[]>`
    INSERT INTO jobs (organization_id, kind, payload, status, attempts)
    VALUES (${request!.organization_id}, 'event.confirmed', '{}', 'DONE', 1)
    RETURNING id::text AS id`;
  await stack.db.sql`
    INSERT INTO email_deliveries (job_id, organization_id, kind, message_id, recipients, subject, status, sent_at, last_error)
    VALUES (${job!.id}, ${request!.organization_id}, 'event.confirmed', ${`<job-${job!.id}.event-confirmed@test>`},
            ${stack.db.sql.array([request!.contact_email, 'promoter@typo.example'])}, 'Your show is confirmed', 'SENT',
            now(), 'refused by the mail server: promoter@typo.example')`;

  await openSignedIn(page, stack, DEMO_OWNER);
  await page.getByRole('link', { name: 'Settings' }).click();
  const item = page.getByRole('list', { name: 'Delivery problems' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`Event confirmation to ${request!.contact_email}, promoter@typo.example`);
  await expect(item).toContainText('refused by the mail server: promoter@typo.example');
  await expect(item).toContainText('Delivered to the other recipients');
  await expect(item.getByRole('button')).toHaveCount(0);
});
