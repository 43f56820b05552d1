// A relay started as in production (docs/database-roles.md): MIGRATION_DATABASE_URL migrates an
// empty database as the tables' owner, DATABASE_URL is the restricted role every request is served as.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelay, type Relay } from '../app.js';
import { loadConfig } from '../config.js';
import { createEmptyDatabase, type EmptyDatabase } from '../testing/empty-database.js';
import { TEST_RELAY_ROLE } from '../testing/test-roles.js';

let database: EmptyDatabase;
let relay: Relay | undefined;

beforeAll(async () => {
  database = await createEmptyDatabase('two_roles');
});

afterAll(async () => {
  await relay?.stop();
  await database?.drop();
});

describe('a relay with an owner URL and a serving URL', () => {
  it('migrates as the owner and serves as the restricted role', async () => {
    relay = await createRelay(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_DATA: 'never',
        AUTH_SECRET: 'test-secret-test-secret-test-secret-42',
        DATABASE_URL: servingUrl(database.url),
        MIGRATION_DATABASE_URL: database.url,
      }),
    );
    const url = await relay.listen();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const [serving] = await relay.db.sql<{ user: string }[]>`SELECT current_user AS user`;
    expect(serving!.user).toBe(TEST_RELAY_ROLE);
    // the tables are the owner's; the serving role sees the migrations it did not run
    const owners = await relay.db.sql<{ owner: string }[]>`
      SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class
       WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'`;
    expect(owners).toEqual([{ owner: 'postgres' }]);
    const [migrations] = await relay.db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM schema_migrations`;
    expect(migrations!.n).toBeGreaterThan(0);
    // and it cannot do what the owner did
    await expect(relay.db.sql`CREATE TABLE escape (id int)`).rejects.toMatchObject({ code: '42501' });
  });
});

function servingUrl(url: string): string {
  const serving = new URL(url);
  serving.username = TEST_RELAY_ROLE;
  return serving.toString();
}
