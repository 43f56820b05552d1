// A second desktop beside a venue stack's own: its own core (data directory, keychain stand-in)
// and dev host, on the same relay. restart() stops the core and starts it again on the same data,
// keychain, port and secret, as quitting and reopening the app would; the page reloads onto it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { MemoryCredentialStore } from '../src/core/app/credential-store.js';
import type { DesktopApp } from '../src/core/app/desktop-app.js';
import { startDevHost, type DevHost } from '../src/dev-host/dev-host.js';
import { startDesktopAppInWorker } from '../src/worker-host/worker-host.js';
import { RENDERER_DIR, type VenueStack } from './venue-stack.js';

export interface DesktopClient {
  readonly app: DesktopApp;
  readonly pageUrl: string;
  /** quit and reopen: same data directory and stored token, same page address */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDesktopClient(stack: VenueStack, label: string): Promise<DesktopClient> {
  const dataDir = await mkdtemp(join(tmpdir(), `promoteros-${label}-`));
  const credentials = new MemoryCredentialStore();
  const open = () =>
    startDesktopAppInWorker({
      relayUrl: stack.relayUrl(),
      dataDir,
      credentials,
      deviceName: `Playwright ${label}`,
      // come back quickly once the relay is up again
      backoff: { initialDelay: 100, maxDelay: 500 },
      uploadBackoff: { initialMs: 100, maxMs: 500 },
    });
  let app = await open();
  let devHost: DevHost = await startDevHost({ app, rendererDir: RENDERER_DIR });
  const { secret } = devHost;
  const port = Number(new URL(devHost.origin).port);
  const pageUrl = devHost.pageUrl;

  return {
    get app() {
      return app;
    },
    pageUrl,
    async restart() {
      await devHost.close();
      await app.close();
      app = await open();
      devHost = await startDevHost({ app, rendererDir: RENDERER_DIR, port, secret });
    },
    async stop() {
      await devHost.close();
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app at `pageUrl` signed in as `email` with the mailed code (or already signed in). */
export async function signInAt(page: Page, pageUrl: string, stack: VenueStack, email: string): Promise<void> {
  await page.goto(pageUrl);
  const signIn = page.getByRole('heading', { name: 'Sign in to PromoterOS' });
  const organization = page.getByLabel('Organization');
  await expect(signIn.or(organization)).toBeVisible();
  if (await organization.isVisible()) return;
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  const code = await stack.nextSignInCode(email);
  await page.getByLabel('Six-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // a first sign-in creates this computer's replica of the organization (PGlite) and syncs the
  // demo's three busy venues into it: seconds, more on a busy machine
  await expect(organization).toBeVisible({ timeout: 90_000 });
}
