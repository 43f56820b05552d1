// `npm run screenshots`: the same browser and stack as the specs, only the screenshot script.
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

export default defineConfig({ ...base, testMatch: '**/*.shot.ts' });
