// Documents in Chromium, against a real relay with its job loop, PostgreSQL and the dev host: the
// owner asks for a demo show's settlement, sees it drawn, downloads it (the browser's download,
// with the document's file name and exact bytes), then a change to the deal brings a second
// version by itself, the first kept under "earlier versions".
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_documents');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

test('should draw, download and redraw a settlement from the event page', async ({ page }) => {
  // a past demo show with ticket sales at the owner's venue
  const [event] = await stack.db.sql<{ id: string; title: string }[]>`
    SELECT e.id, e.title FROM events e JOIN organizations o ON o.id = e.organization_id JOIN venues v ON v.id = e.venue_id
     WHERE o.slug = 'lakeshore-live' AND e.status <> 'CANCELLED'
       AND e.show_date < (now() AT TIME ZONE v.timezone)::date
       AND EXISTS (SELECT 1 FROM settlement_lines s WHERE s.event_id = e.id AND s.kind = 'TICKETS')
     ORDER BY e.show_date DESC LIMIT 1`;
  // signed in through the app's core first (see delivery-problems.spec.ts: the demo's first sync)
  expect((await stack.app.dispatch('auth.requestCode', { relayUrl: stack.relayUrl(), email: DEMO_OWNER })).ok).toBe(
    true,
  );
  const code = await stack.nextSignInCode(DEMO_OWNER);
  expect((await stack.app.dispatch('auth.verifyCode', { email: DEMO_OWNER, code })).ok).toBe(true);
  await openSignedIn(page, stack, DEMO_OWNER);
  await page.evaluate((to) => (window.location.hash = to), `#/events/${event!.id}`);
  await expect(page.getByRole('heading', { name: event!.title })).toBeVisible();

  const documents = page.getByRole('region', { name: 'Documents' });
  const settlement = documents.locator('[data-document-kind="SETTLEMENT"]');
  await expect(settlement).toContainText('Not drawn up yet');
  await settlement.getByRole('button', { name: 'Generate Settlement' }).click();
  await expect(settlement).toContainText(/v1 · .* · \d+ kB/);

  const [stored] = await stack.db.sql<{ file_name: string; sha256: string }[]>`
    SELECT file_name, sha256 FROM documents WHERE event_id = ${event!.id} AND kind = 'SETTLEMENT'`;
  const downloading = page.waitForEvent('download');
  await settlement.getByRole('button', { name: 'Save Settlement v1' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(stored!.file_name);
  const bytes = await readFile(await download.path());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored!.sha256);

  // a change to the deal, from anywhere: the relay queues the redraw in the same transaction
  await stack.db.sql`UPDATE deal_terms SET guarantee_cents = guarantee_cents + 10000 WHERE event_id = ${event!.id}`;
  await expect(settlement).toContainText(/v2 · /, { timeout: 30_000 });
  await expect(settlement.getByText('1 earlier version')).toBeVisible();
  await expect(settlement.getByRole('button', { name: 'Open Settlement v2' })).toBeVisible();
});
