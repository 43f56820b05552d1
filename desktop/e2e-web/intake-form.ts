// For specs that start at a venue's public request page and follow the request into the desktop
// app: a venue stack whose relay takes a form as soon as it is filled (a person needs a few
// seconds, Playwright does not, and waiting out the minimum fill time would be a fixed sleep), and
// a promoter filling the form in as a person would, with or without JavaScript.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { seedDemo } from '../../relay/src/demo/seed.js';
import { TestMailbox } from '../../relay/src/mail/test-mailbox.js';
import { createTestDatabase } from '../../relay/src/testing/test-database.js';
import { startTestRelay, type TestRelay } from '../../relay/src/testing/test-relay.js';
import { MemoryCredentialStore } from '../src/core/app/credential-store.js';
import { startDesktopApp } from '../src/core/app/desktop-app.js';
import { startDevHost } from '../src/dev-host/dev-host.js';
import { RENDERER_DIR, type VenueStack } from './venue-stack.js';

/** startVenueStack's stack (the demo loaded, a mailbox, a desktop on the dev host), its relay without a minimum fill time */
export async function startIntakeVenueStack(label: string): Promise<VenueStack> {
  const db = await createTestDatabase(label);
  const seeded = await seedDemo(db.sql);
  if (!seeded.created) throw new Error(seeded.reason);
  const mailbox = await TestMailbox.start();
  const dataDir = await mkdtemp(join(tmpdir(), `promoteros-${label}-`));
  const relayOn = (port: string) =>
    startTestRelay(db, { SMTP_URL: mailbox.url, PORT: port, INTAKE_MIN_FILL_SECONDS: '0' });
  let relay: TestRelay | undefined = await relayOn('0');
  const url = relay.url;
  const port = new URL(url).port;
  const app = await startDesktopApp({
    relayUrl: url,
    dataDir,
    credentials: new MemoryCredentialStore(),
    deviceName: 'Playwright',
    backoff: { initialDelay: 100, maxDelay: 500 },
  });
  const devHost = await startDevHost({ app, rendererDir: RENDERER_DIR });

  return {
    db,
    mailbox,
    app,
    devHost,
    relayUrl: () => url,
    async stopRelay() {
      await relay?.stop();
      relay = undefined;
    },
    async startRelay() {
      relay = await relayOn(port);
    },
    async nextSignInCode(email) {
      const mail = await mailbox.next(email);
      const code = /sign-in code: (\d{6})/.exec(mail.parsed.subject ?? '')?.[1];
      if (!code) throw new Error(`no code in "${mail.parsed.subject}"`);
      return code;
    },
    async stop() {
      await devHost.close();
      await app.close();
      await relay?.stop();
      await mailbox.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a promoter types into the public form (times on the venue's clock). */
export interface PromoterRequest {
  readonly name: string;
  readonly email: string;
  readonly artist: string;
  readonly eventTitle: string;
  readonly description: string;
  /** 'YYYY-MM-DD' */
  readonly preferredDate: string;
  /** 'HH:MM' */
  readonly startTime: string;
  readonly endTime: string;
  readonly expectedAttendance: number;
}

/** Fills the form and sends it; returns the reference the confirmation shows. */
export async function sendIntakeRequest(page: Page, request: PromoterRequest): Promise<string> {
  await page.getByLabel('Your name').fill(request.name);
  await page.getByLabel('Email address').fill(request.email);
  await page.getByLabel('Artist or act').fill(request.artist);
  await page.getByLabel('Event title').fill(request.eventTitle);
  await page.getByLabel('Description').fill(request.description);
  await page.getByLabel('Preferred date').fill(request.preferredDate);
  await page.getByLabel('Start time').fill(request.startTime);
  await page.getByLabel('End time').fill(request.endTime);
  await page.getByLabel('Expected attendance').fill(String(request.expectedAttendance));
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
  await expect(page.getByText(`A confirmation is on its way to ${request.email}.`)).toBeVisible();
  const reference = (await page.locator('#reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^REQ-[0-9A-Z]{6}$/);
  return reference;
}
