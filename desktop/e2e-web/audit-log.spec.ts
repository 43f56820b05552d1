// Verifying the audit log in Chromium, against a real relay and PostgreSQL with the demo loaded:
// the owner finds "Verify audit log" under Settings, runs it from the keyboard and reads that the
// log is intact; after an entry is removed behind the relay's back, the same button names it.
import { expect, test } from '@playwright/test';
import { openSignedIn } from './sign-in.js';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_audit');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await stack?.stop();
});

test('should let the owner verify the audit log by keyboard, and show where it was tampered with', async ({ page }) => {
  const [organization] = await stack.db.sql<{ id: string; entries: string }[]>`
    SELECT o.id, (SELECT count(*) FROM audit_logs a WHERE a.organization_id = o.id)::text AS entries
      FROM organizations o WHERE o.slug = 'lakeshore-live'`;
  const entries = Number(organization!.entries);
  expect(entries).toBeGreaterThan(2);

  // signed in through the app's core first, as delivery-problems.spec.ts does (the demo's first sync)
  expect((await stack.app.dispatch('auth.requestCode', { relayUrl: stack.relayUrl(), email: DEMO_OWNER })).ok).toBe(
    true,
  );
  const code = await stack.nextSignInCode(DEMO_OWNER);
  expect((await stack.app.dispatch('auth.verifyCode', { email: DEMO_OWNER, code })).ok).toBe(true);
  await openSignedIn(page, stack, DEMO_OWNER);
  await page.getByRole('link', { name: 'Settings' }).click();

  const section = page.getByRole('region', { name: 'Audit log' });
  const verify = section.getByRole('button', { name: 'Verify audit log' });
  await verify.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toContainText(
    `Intact: ${entries.toLocaleString('en-US')} entries, none changed, missing or out of order.`,
  );

  await stack.db.sql.begin(async (tx) => {
    await tx`SET LOCAL session_replication_role = replica`;
    await tx`DELETE FROM audit_logs WHERE organization_id = ${organization!.id} AND chain_position = 2`;
  });
  await verify.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toContainText('Broken: the log was tampered with.');
  await expect(section.getByRole('status')).toContainText(
    `entry 2 is missing: it was deleted (the chain goes on at 3)`,
  );
  await expect(section.getByRole('status')).toContainText('The entry before it is intact.');
});
