// What an intake spec needs running, all real: a PostgreSQL test database with an organization,
// its venue (in Los Angeles) and managers, and a relay serving the venue's request page.
import type { Browser, Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { intakeWorld, type IntakeWorld } from '@promoteros/relay/testing/intake-world';

export interface IntakeStack {
  readonly db: TestDatabase;
  readonly relay: TestRelay;
  readonly world: IntakeWorld;
  /** the page's address */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startIntakeStack(label: string): Promise<IntakeStack> {
  const db = await createTestDatabase(label);
  // the minimum fill time is covered by the relay's tests; here a person fills the form in
  // whatever time the browser takes
  const relay = await startTestRelay(db, { INTAKE_MIN_FILL_SECONDS: '0' });
  const world = await intakeWorld(db.sql);
  return {
    db,
    relay,
    world,
    url: `${relay.url}${world.path}`,
    async stop() {
      await relay.stop();
      await db.drop();
    },
  };
}

/** axe-core's findings on the page as it is now, as "rule: target" lines (empty when none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}

/**
 * The same for a page shown with JavaScript off, where axe-core cannot run: its markup, exactly as
 * the relay sent it, is checked in a page of its own (without the script it would not have run).
 */
export async function accessibilityViolationsWithoutScript(page: Page, browser: Browser): Promise<string[]> {
  const markup = (await page.content()).replace(/<script\b[^>]*><\/script>/g, '');
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.setContent(markup);
    return await accessibilityViolations(copy);
  } finally {
    await context.close();
  }
}

export const dateAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Fills every field a valid request needs, as a person would. */
export async function fillValidRequest(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Robin Agent');
  await page.getByLabel('Email address').fill('robin@example.com');
  await page.getByLabel('Artist or act').fill('The Late Trains');
  await page.getByLabel('Event title').fill('Winter Run');
  await page.getByLabel('Preferred date').fill(dateAhead(45));
  await page.getByLabel('Start time').fill('20:00');
  await page.getByLabel('End time').fill('23:00');
  await page.getByLabel('Expected attendance').fill('450');
  await page.getByLabel('Budget from').fill('2500');
  await page.getByLabel('Budget up to').fill('4000');
}
