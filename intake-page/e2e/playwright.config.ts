// Playwright drives the public request page in Debian's Chromium (the launch flags the desktop's
// web specs use). Each spec starts its own PostgreSQL database and relay; the relay bundles the
// page's script itself, so there is nothing to build first.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '@promoteros/desktop/e2e-web/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // one machine shared with the rest of the suite: specs run one at a time
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../../node_modules/.cache/playwright/intake-results',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    viewport: { width: 1024, height: 900 },
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
});
