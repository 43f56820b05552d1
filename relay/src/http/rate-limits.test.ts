// The counts behind every rate limit of the relay, against real PostgreSQL: exact under
// concurrency (requests counted together in one batch, and by two relays at once), windows that
// end, and points given back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { RateLimits } from './rate-limits.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('rate_limits');
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(async () => {
  await db.sql`DELETE FROM rate_limits`;
});

const allowedOf = (answers: readonly { allowed: boolean }[]) => answers.filter((a) => a.allowed).length;

describe('rate limits in the database', () => {
  it('should allow exactly the limit when many requests of one key arrive at once', async () => {
    const limit = new RateLimits(db.sql).limit({ name: 'burst', points: 3, windowSeconds: 60 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => limit.count('203.0.113.7')));
    expect(answers.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(allowedOf(answers)).toBe(3);
    for (const refused of answers.slice(3)) {
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
      if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    }
    // another key has a count of its own
    expect(await limit.count('198.51.100.9')).toEqual({ allowed: true });
    const [row] = await db.sql<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = 'burst:203.0.113.7'`;
    expect(row!.points).toBe(10);
  });

  it('should share one count between two relays counting at once', async () => {
    const [one, two] = [new RateLimits(db.sql), new RateLimits(db.sql)].map((limits) =>
      limits.limit({ name: 'shared', points: 5, windowSeconds: 60 }),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one! : two!).count('client')),
    );
    expect(allowedOf(answers)).toBe(5);
  });

  it('should start a new window when the last one has ended', async () => {
    const limit = new RateLimits(db.sql).limit({ name: 'window', points: 1, windowSeconds: 60 });
    expect(await limit.count('k')).toEqual({ allowed: true });
    expect((await limit.count('k')).allowed).toBe(false);
    await db.sql`UPDATE rate_limits SET expire = expire - 61000 WHERE key = 'window:k'`;
    expect(await limit.count('k')).toEqual({ allowed: true });
  });

  it('should take a point back', async () => {
    const limit = new RateLimits(db.sql).limit({ name: 'back', points: 1, windowSeconds: 60 });
    expect(await limit.count('k')).toEqual({ allowed: true });
    await limit.giveBack('k');
    expect(await limit.count('k')).toEqual({ allowed: true });
    expect((await limit.count('k')).allowed).toBe(false);
  });

  it('should sweep windows that ended over an hour ago, and only those', async () => {
    const limits = new RateLimits(db.sql);
    const limit = limits.limit({ name: 'sweep', points: 1, windowSeconds: 60 });
    await Promise.all([limit.count('old'), limit.count('new')]);
    await db.sql`UPDATE rate_limits SET expire = expire - 2 * 3600000 WHERE key = 'sweep:old'`;
    expect(await limits.sweep()).toBe(1);
    expect((await db.sql<{ key: string }[]>`SELECT key FROM rate_limits`).map((r) => r.key)).toEqual(['sweep:new']);
  });
});
