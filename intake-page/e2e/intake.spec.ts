// The public request page in Chromium, with JavaScript off (a plain form post, the relay's
// errors) and on (checks as the person types, sent with fetch), checked by axe-core empty and
// showing errors.
import { expect, test } from '@playwright/test';
import {
  accessibilityViolations,
  accessibilityViolationsWithoutScript,
  fillValidRequest,
  startIntakeStack,
  type IntakeStack,
} from './intake-stack.js';
import { intakeWorld } from '@promoteros/relay/testing/intake-world';

let stack: IntakeStack;

test.beforeAll(async () => {
  stack = await startIntakeStack('intake_e2e');
});

test.afterAll(async () => {
  await stack?.stop();
});

const requestsFiled = async () => {
  const [row] = await stack.db.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM event_requests WHERE organization_id = ${stack.world.organizationId}`;
  return row!.n;
};

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('should show the relay’s errors next to the fields, then file the corrected request', async ({
    page,
    browser,
  }) => {
    await page.goto(stack.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request a date at The Main Room');
    expect(await accessibilityViolationsWithoutScript(page, browser)).toEqual([]);
    const before = await requestsFiled();

    await page.getByLabel('Your name').fill('Robin Agent');
    await page.getByLabel('Email address').fill('robin-at-example');
    await page.getByRole('button', { name: 'Send request' }).click();

    // the page came back from the relay: summary focused, each error next to its field, values kept
    const summary = page.locator('#error-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Enter an email address like name@example.com' })).toHaveAttribute(
      'href',
      '#f-email',
    );
    const email = page.getByLabel('Email address');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com');
    await expect(email).toHaveValue('robin-at-example');
    await expect(page.getByLabel('Your name')).toHaveValue('Robin Agent');
    await expect(page.locator('#f-artist-error')).toHaveText('Enter the artist or act');
    expect(await accessibilityViolationsWithoutScript(page, browser)).toEqual([]);
    expect(await requestsFiled()).toBe(before);

    await fillValidRequest(page);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
    const reference = (await page.locator('#reference').textContent())!;
    expect(reference).toMatch(/^REQ-[0-9A-Z]{6}$/);
    const [filed] = await stack.db.sql`
      SELECT status, contact_email FROM event_requests
       WHERE organization_id = ${stack.world.organizationId} AND reference = ${reference}`;
    expect(filed).toEqual({ status: 'NEW', contact_email: 'robin@example.com' });
  });
});

test.describe('with JavaScript', () => {
  test('should check fields as they are left, list the problems on send, then send with fetch', async ({ page }) => {
    await page.goto(stack.url);
    expect(await accessibilityViolations(page)).toEqual([]);
    const before = await requestsFiled();

    // leaving a field shows its problem at once, without a round trip
    await page.getByLabel('Email address').fill('robin-at-example');
    await page.getByLabel('Email address').press('Tab');
    await expect(page.locator('#f-email-error')).toHaveText('Enter an email address like name@example.com');
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Expected attendance').fill('5000');
    await page.getByLabel('Expected attendance').press('Tab');
    await expect(page.locator('#f-expectedAttendance-error')).toHaveText(
      "Expected attendance must be between 1 and 800 (the venue's capacity)",
    );

    // sending lists every problem in the summary, which takes the focus; nothing is sent
    await page.getByRole('button', { name: 'Send request' }).click();
    const summary = page.locator('#error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Enter your name',
      'Enter an email address like name@example.com',
      'Enter the artist or act',
      'Enter a title for the event',
      'Enter the date you would like',
      'Enter the start time',
      'Enter the end time',
      "Expected attendance must be between 1 and 800 (the venue's capacity)",
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: 'Enter your name' }).click();
    await expect(page.getByLabel('Your name')).toBeFocused();
    expect(await requestsFiled()).toBe(before);

    // fixing a field clears its error as the person types
    await fillValidRequest(page);
    await expect(page.locator('#f-email-error')).toHaveText('');
    await expect(page.getByLabel('Email address')).not.toHaveAttribute('aria-invalid', 'true');

    // sent with fetch: the page is not reloaded
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    const reference = (await page.locator('#reference').textContent())!;
    expect(reference).toMatch(/^REQ-[0-9A-Z]{6}$/);
    expect(await requestsFiled()).toBe(before + 1);
    const [filed] = await stack.db.sql`
      SELECT expected_attendance FROM event_requests
       WHERE organization_id = ${stack.world.organizationId} AND reference = ${reference}`;
    expect(filed).toEqual({ expected_attendance: 450 });
  });

  test('should write numbers as the venue’s organization does, in its hint and as fields are left', async ({
    page,
  }) => {
    // a hall of a German organization; the page's words stay English, the browser's language too
    const hall = await intakeWorld(stack.db.sql, { locale: 'de-DE', capacity: 2500, minAttendance: 1200 });
    await page.goto(`${stack.relay.url}${hall.path}`);
    const attendance = page.getByLabel('Expected attendance');
    await expect(page.locator('#f-expectedAttendance-hint')).toHaveText('Between 1.200 and 2.500 people');
    await attendance.fill('3000');
    await attendance.press('Tab');
    // the page's script judged it, in the locale the page handed it
    await expect(page.locator('#f-expectedAttendance-error')).toHaveText(
      "Expected attendance must be between 1.200 and 2.500 (the venue's capacity)",
    );
    // typed as the hint writes numbers: taken
    await attendance.fill('2.000');
    await attendance.press('Tab');
    await expect(page.locator('#f-expectedAttendance-error')).toHaveText('');
    await expect(attendance).not.toHaveAttribute('aria-invalid', 'true');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('should answer an unknown venue with a clear page', async ({ page }) => {
    const response = await page.goto(`${stack.relay.url}/request/${stack.world.orgSlug}/no-such-room`);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This request page does not exist');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
