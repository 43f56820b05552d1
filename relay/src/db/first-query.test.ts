// A freshly opened pool must take any query first, array parameters included: the job loop's
// claim (`kind = ANY(${sql.array(kinds)})`) can be the relay's first statement on a new pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

describe('a freshly opened database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('first_query');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('should take an array parameter in its very first query', async () => {
    const fresh = await openDatabase({ databaseUrl: db.url, dataDir: '', maxConnections: 2 });
    try {
      const kinds = fresh.sql.array(['email.confirmation', 'document.render']);
      const rows = await fresh.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM jobs WHERE kind = ANY(${kinds})`;
      expect(rows[0]!.n).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
