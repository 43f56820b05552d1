// Playwright's Electron support drives the built app (desktop/out) where the Electron binary
// exists. Here it does not (ELECTRON_SKIP_BINARY_DOWNLOAD=1), and the spec skips with the reason.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: '../../node_modules/.cache/playwright/electron-results',
  reporter: [['list']],
});
