// A member removed while their app is open, through the real renderer in Chromium against a real
// relay and PostgreSQL: the owner removes them, and within moments the app has closed the
// organization, says why, and offers only the organizations they still belong to.
import { expect, test } from '@playwright/test';
import { createMember } from '@promoteros/relay/testing/fixtures';
import { envelope } from '@promoteros/relay/testing/mutation-client';
import { signInAt, startDesktopClient, type DesktopClient } from './desktop-client.js';
import { startVenueStack, type VenueStack } from './venue-stack.js';

const MANAGER = 'manager@lakeshore-live.demo';

let stack: VenueStack;
let desk: DesktopClient;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_removal');
  desk = await startDesktopClient(stack, 'removal');
});
test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});
test.afterAll(async () => {
  await desk?.stop();
  await stack?.stop();
});

test('should close the organization and say why when the owner removes the member', async ({ page }) => {
  const [organization] = await stack.db.sql<{ id: string; name: string }[]>`
    SELECT id, name FROM organizations WHERE slug = 'lakeshore-live'`;
  const [membership] = await stack.db.sql<{ id: string }[]>`
    SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.organization_id = ${organization!.id} AND lower(u.email) = ${MANAGER}`;
  const owner = await createMember(stack.db.sql, [{ organizationId: organization!.id, role: 'OWNER' }]);

  await signInAt(page, desk.pageUrl, stack, MANAGER);
  await expect(page.locator('[role="status"][data-sync-phase="live"]')).toBeVisible({ timeout: 60_000 });

  const answer = await fetch(`${stack.relayUrl()}/v1/mutations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
    body: JSON.stringify({
      organizationId: organization!.id,
      mutations: [envelope('member.remove', { membershipId: membership!.id })],
    }),
  });
  expect(answer.status).toBe(200);

  const notice = page.getByRole('alert', { name: `Removed from ${organization!.name}` });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(`you are no longer a member of ${organization!.name}`);
  await expect(notice).toContainText(`This computer has deleted its copy of ${organization!.name}`);
  await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(organization!.name) })).toHaveCount(0);
});
