// A claim that commits while its connection dies: the jobs it locked must not wait for their
// lease (minutes) with no lane running them. Real PostgreSQL behind a proxy that loses the claim's
// answer after the server committed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startAnswerLosingProxy, type AnswerLosingProxy } from '../testing/answer-losing-proxy.js';
import { insertJob, newWorker, readJob } from '../testing/job-kit.js';

describe('a claim whose answer is lost', () => {
  let db: TestDatabase;
  let proxy: AnswerLosingProxy;
  let throughProxy: Database;

  beforeAll(async () => {
    db = await createTestDatabase('lost_claim');
    proxy = await startAnswerLosingProxy(db.url);
    throughProxy = await openDatabase({ databaseUrl: proxy.url, dataDir: '', maxConnections: 2 });
  });
  afterAll(async () => {
    await throughProxy?.close();
    await proxy?.close();
    await db?.drop();
  });

  it('should hand its jobs back at the next claim and run each once, its attempt given back', async () => {
    const ran: unknown[] = [];
    // a lease of an hour: only the hand-back, not the lease, can bring the job back in this test
    const worker = newWorker(
      throughProxy,
      { 'test.lost-claim': async (payload) => void ran.push(payload) },
      {
        leaseSeconds: 3600,
      },
    );
    const id = await insertJob(db.sql, 'test.lost-claim', { n: 1 });

    const lost = proxy.loseNextAnswer('UPDATE');
    await expect(worker.work()).rejects.toThrow();
    await lost;
    // the claim committed: the job is RUNNING under a claim no lane holds
    const orphaned = await readJob(db.sql, id);
    expect(orphaned).toMatchObject({ status: 'RUNNING', attempts: 1, claims: 1 });
    expect(orphaned.locked_by).toMatch(new RegExp(`^${worker.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#\\d+$`));
    expect(ran).toEqual([]);

    expect(await worker.work()).toBe(true);
    expect(ran).toEqual([{ n: 1 }]);
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'DONE', attempts: 1, claims: 2, locked_by: null });
    expect(await worker.work()).toBe(false);
    expect(ran).toHaveLength(1);
  });

  it('should hand them back at stop when no claim follows', async () => {
    const worker = newWorker(throughProxy, { 'test.lost-at-stop': async () => {} }, { leaseSeconds: 3600 });
    const id = await insertJob(db.sql, 'test.lost-at-stop', {});
    const lost = proxy.loseNextAnswer('UPDATE');
    await expect(worker.work()).rejects.toThrow();
    await lost;
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'RUNNING' });
    await worker.stop();
    expect(await readJob(db.sql, id)).toMatchObject({ status: 'QUEUED', attempts: 0, locked_by: null });
  });
});
