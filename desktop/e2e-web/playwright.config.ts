// Playwright drives the renderer in Debian's Chromium through the browser dev host (the Electron
// binary cannot be downloaded here). Each spec starts its own relay, mailbox and dev host.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './chromium.js';

export { chromiumArgs };

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // one machine shared with the rest of the suite: specs run one at a time
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: '../../node_modules/.cache/playwright/test-results',
  reporter: [['list']],
  globalSetup: './global-setup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
});
