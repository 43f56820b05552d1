// Opening the app signed in, as a manager does: email, then the code from the mail. The specs of
// a file share one app (as one desktop would), so a later spec may find it signed in already.
import { expect, type Page } from '@playwright/test';
import type { VenueStack } from './venue-stack.js';

export async function openSignedIn(page: Page, stack: VenueStack, email: string): Promise<void> {
  await page.goto(stack.devHost.pageUrl);
  const signIn = page.getByRole('heading', { name: 'Sign in to PromoterOS' });
  const organization = page.getByLabel('Organization');
  await expect(signIn.or(organization)).toBeVisible();
  if (await organization.isVisible()) return;
  await expect(page.getByLabel('Relay address')).toHaveValue(stack.relayUrl());
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  const code = await stack.nextSignInCode(email);
  await page.getByLabel('Six-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // the first open of the replica, and the first sync of the demo's three busy venues into it, may
  // take a while on a busy machine
  await expect(organization).toBeVisible({ timeout: 90_000 });
}
