// A fresh PostgreSQL database per test file on the local server (TEST_PG_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), migrated, and dropped afterwards.
//
// Two ways in, as in production (docs/database-roles.md): `sql` is the superuser that created and
// migrated it (the owner, and the test's own view of everything, for arranging and checking rows);
// `serving` is the relay's restricted role under row-level security, which startTestRelay serves
// with, so every test through a relay runs behind the second wall.
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { TEST_RELAY_ROLE } from './test-roles.js';
import { createEmptyDatabase } from './empty-database.js';

export { adminUrl } from './empty-database.js';

export interface TestDatabase extends Database {
  readonly url: string;
  readonly name: string;
  /** the same database as the relay's role (no superuser, row-level security applies) */
  readonly serving: Database;
  readonly servingUrl: string;
  /** closes the pools and drops the database */
  drop(): Promise<void>;
}

export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(label);
  const { name } = empty;
  const url = new URL(empty.url);
  const servingUrl = new URL(url);
  servingUrl.username = TEST_RELAY_ROLE;
  servingUrl.password = '';
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', maxConnections: 30 });
  await migrate(db.sql, { servingRole: TEST_RELAY_ROLE });
  const serving = await openDatabase({
    databaseUrl: servingUrl.toString(),
    migrationUrl: url.toString(),
    dataDir: '',
    maxConnections: 30,
  });
  return {
    ...db,
    url: url.toString(),
    name,
    serving: { ...serving, withOwner: (work) => work(db.sql) },
    servingUrl: servingUrl.toString(),
    async drop() {
      await serving.close();
      await db.close();
      await empty.drop();
    },
  };
}
