import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RelayDeps, openDatabase, type Database, migrate } from '@promoteros/relay';
import { createTestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay } from '@promoteros/relay/testing/test-relay';
import { seedDemoIfEmpty } from './seed-if-empty.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function embedded(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'promoteros-demo-'));
  const db = await openDatabase({ dataDir: dir, maxConnections: 2 });
  cleanups.push(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

const organizations = async (db: Database) =>
  (await db.sql`SELECT slug FROM organizations ORDER BY slug`).map((r) => r.slug);

describe('seedDemoIfEmpty', () => {
  it('should load the demo into an empty embedded database once, and log who can sign in', async () => {
    const db = await embedded();
    await migrate(db.sql);
    const lines: string[] = [];
    const log = { info: (message: string) => lines.push(message) };

    expect(await seedDemoIfEmpty(db, { DEMO_DATA: 'never' }, log)).toBeUndefined();
    expect(await organizations(db)).toEqual([]);

    const result = await seedDemoIfEmpty(db, { DEMO_DATA: 'auto' }, log);
    expect(result?.created).toBe(true);
    expect(await organizations(db)).toEqual(['lakeshore-live', 'meridian-halls']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^demo data loaded: sign in as owner@lakeshore-live\.demo \(owner\), /);
    expect(lines[0]).toContain('door@meridian-halls.demo (staff)');

    // not empty any more: nothing happens
    expect(await seedDemoIfEmpty(db, { DEMO_DATA: 'auto' }, log)).toBeUndefined();
    expect(lines).toHaveLength(1);
  }, 120_000);

  it('should run as the seed a relay is handed: on an empty embedded database, never on PostgreSQL', async () => {
    const db = await embedded();
    const seed: RelayDeps['seed'] = (owner, log) => seedDemoIfEmpty(owner, { DEMO_DATA: 'auto' }, log);
    const relay = await startTestRelay(db, { DEMO_DATA: 'auto' }, { seed });
    cleanups.push(() => relay.stop());
    expect(await organizations(db)).toEqual(['lakeshore-live', 'meridian-halls']);

    const central = await createTestDatabase('demo_central');
    cleanups.push(() => central.drop());
    const other = await startTestRelay(central, { DEMO_DATA: 'auto' }, { seed });
    cleanups.push(() => other.stop());
    expect(await organizations(central)).toEqual([]);

    // the relay alone (relay/src/main.ts) is handed none, and loads nothing of its own
    const bare = await embedded();
    const alone = await startTestRelay(bare, { DEMO_DATA: 'auto' });
    cleanups.push(() => alone.stop());
    expect(await organizations(bare)).toEqual([]);
  }, 120_000);
});
