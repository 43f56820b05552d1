// Starts a relay on a random loopback port against a given database, for tests.
import { loadConfig, type RelayConfig } from '../config.js';
import { createRelay, type Relay, type RelayDeps } from '../app.js';
import type { Database } from '../db/database.js';
import type { TestDatabase } from './test-database.js';

export interface TestRelay extends Relay {
  readonly url: string;
}

export async function startTestRelay(
  db: Database,
  overrides: Partial<Record<keyof RelayConfig, string>> = {},
  deps: Omit<RelayDeps, 'db'> = {},
): Promise<TestRelay> {
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'never',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-42',
    ...overrides,
  });
  // a test database is served as the relay's restricted role, under row-level security
  const serving = 'serving' in db ? (db as TestDatabase).serving : db;
  const relay = await createRelay(config, { db: serving, ...deps });
  const url = await relay.listen();
  return Object.assign(relay, { url });
}
