// A sign-in email's link, followed as a person would: it opens in the browser, where the relay's
// page offers to open the app (promoteros://) and shows the link to paste should it not open;
// pasted on the app's sign-in screen it signs in, and the page then says the link is spent.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO_OWNER, startVenueStack, type VenueStack } from './venue-stack.js';

let stack: VenueStack;

test.beforeAll(async () => {
  stack = await startVenueStack('e2e_web_sign_in_link');
});
test.afterAll(async () => {
  await stack?.stop();
});

test("should open the email's link on a page that hands it to the app, and sign in with it pasted", async ({
  page,
  context,
}) => {
  await page.goto(stack.devHost.pageUrl);
  await expect(page.getByRole('heading', { name: 'Sign in to PromoterOS' })).toBeVisible();
  await page.getByLabel('Email').fill(DEMO_OWNER);
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  const mail = await stack.mailbox.next(DEMO_OWNER, 10_000, /sign-in code/);
  const emailLink = /https?:\/\/\S+\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')![0];
  const token = new URL(emailLink).searchParams.get('token')!;

  // the link, clicked in the email, opens in the browser
  const browser = await context.newPage();
  await browser.goto(emailLink);
  await expect(browser.getByRole('heading', { name: 'Sign in to PromoterOS' })).toBeVisible();
  await expect(browser.getByRole('link', { name: 'Open PromoterOS and sign in' })).toHaveAttribute(
    'href',
    `promoteros://sign-in?token=${token}`,
  );
  const shown = browser.getByLabel('Sign-in link');
  await expect(shown).toHaveValue(emailLink);
  const violations = (await new AxeBuilder({ page: browser }).analyze()).violations.map((v) => v.id);
  expect(violations).toEqual([]);

  // the app did not open (no Electron here): the link goes in by hand
  await page.getByRole('button', { name: 'Paste a sign-in link instead' }).click();
  await page.getByLabel('Sign-in link').fill(await shown.inputValue());
  await page.getByRole('button', { name: 'Sign in with link' }).click();
  // a first sign-in creates this computer's replica of the organization (PGlite): seconds
  await expect(page.getByLabel('Organization')).toHaveText(/Lakeshore Live/, { timeout: 60_000 });

  await browser.reload();
  await expect(browser.getByRole('heading', { name: 'This sign-in link was already used' })).toBeVisible();
});
