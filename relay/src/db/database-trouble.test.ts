// isDatabaseUnavailable against the errors postgres.js really raises: the database away is told
// from a request or a relay at fault (those must stay 4xx/500, never a 503 the client retries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { isDatabaseUnavailable } from './database-trouble.js';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the query to fail');
    },
    (error: unknown) => error,
  );

describe('isDatabaseUnavailable', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('database_trouble');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('should say yes to a refused connection, a terminated backend and a pool already ended', async () => {
    // a port of the faults tests' range with nothing listening
    const nowhere = postgres('postgres://postgres@127.0.0.1:55439/nothing', { max: 1, connect_timeout: 2 });
    expect(isDatabaseUnavailable(await failure(nowhere`SELECT 1`))).toBe(true);
    await nowhere.end();

    const victim = postgres(db.url, { max: 1, onnotice: () => {} });
    const [row] = await victim<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    const sleeping = failure(victim`SELECT pg_sleep(10)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await db.sql`SELECT pg_terminate_backend(${row!.pid})`;
    expect(isDatabaseUnavailable(await sleeping)).toBe(true);

    await victim.end();
    expect(isDatabaseUnavailable(await failure(victim`SELECT 1`))).toBe(true);
  });

  it('should say no to errors of the request or of the relay', async () => {
    const errors = await Promise.all([
      failure(db.sql.unsafe('SELEC 1')),
      failure(db.sql`SELECT 1 / 0`),
      failure(db.sql`INSERT INTO organizations (slug, name) VALUES (NULL, NULL)`),
    ]);
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['42601', '22012', '23502']);
    expect(errors.map(isDatabaseUnavailable)).toEqual([false, false, false]);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
