// Two relays started at once on one empty database (as a deploy of several instances does):
// both must come up, and each migration must run exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { loadMigrations } from '@promoteros/shared/migrations';
import { adminUrl } from './testing/test-database.js';
import { openDatabase, type Database } from './db/database.js';
import { loadConfig } from './config.js';
import { createRelay, type Relay } from './app.js';

const name = `promoteros_concurrent_start_${randomBytes(4).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const relays: Relay[] = [];
const clients: Database[] = [];

async function admin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.stop()));
  await Promise.all(clients.map((db) => db.close()));
  await admin((sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

describe('two relays starting at once', () => {
  it('should both start, with every migration applied and recorded once', async () => {
    await admin((sql) => sql.unsafe(`CREATE DATABASE ${name}`));
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url.toString(),
      AUTH_SECRET: 'test-secret-test-secret-test-secret-42',
    });
    for (let i = 0; i < 2; i += 1) {
      clients.push(await openDatabase({ databaseUrl: url.toString(), dataDir: '', maxConnections: 5 }));
    }
    const started = await Promise.all(clients.map((db) => createRelay(config, { db })));
    relays.push(...started);

    for (const relay of started) {
      const address = await relay.listen();
      const health = await fetch(`${address}/healthz`);
      expect(health.status).toBe(200);
    }

    const recorded = await clients[0]!.sql<{ version: number; name: string }[]>`
      SELECT version, name FROM schema_migrations ORDER BY version`;
    const expected = loadMigrations().map((m) => ({ version: m.version, name: m.name }));
    expect(expected.length).toBeGreaterThan(0);
    expect(recorded).toEqual(expected);
  });
});
