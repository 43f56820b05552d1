// postgres.js 3.4.9 throws from a setImmediate when a query reaches a connection whose backend
// has died (porsager/postgres#1154, #1208): no caller can catch it and the process exits. The
// relay applies a patch at install (patches/postgres+3.4.9.patch). Each case runs in its own
// Node process that loads the driver exactly as the relay does (ESM, from node_modules), so a
// crash shows as that process dying, not as noise in the test runner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

interface Outcome {
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly results: Record<string, unknown>;
}

/** Runs an ES module body with `sql` (the pool under test) and `kill` (another pool) in scope. */
function runScript(url: string, body: string): Promise<Outcome> {
  const script = `
    import postgres from 'postgres';
    const sql = postgres(process.env.URL, { max: 2, onnotice() {} });
    const kill = postgres(process.env.URL, { max: 1, onnotice() {} });
    const results = {};
    const within = (ms, promise) => Promise.race([promise, new Promise((r) => setTimeout(r, ms, 'no answer'))]);
    const settled = (promise) => promise.then(() => 'answered', (error) => error.code ?? String(error));
    const terminate = (pid) => kill\`SELECT pg_terminate_backend(\${pid})\`;
    ${body}
    // a setImmediate the driver left behind has had its turn before this line
    await new Promise((r) => setTimeout(r, 200));
    console.log(JSON.stringify(results));
    await sql.end({ timeout: 1 });
    await kill.end({ timeout: 1 });
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (exitCode) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      resolve({ exitCode, stderr, results: line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {} });
    });
  });
}

describe('postgres.js when a backend dies under a connection in use', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('dead_connection');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('should reject a transaction whose backend is terminated mid-query, without crashing, and answer the next query', async () => {
    const outcome = await runScript(
      db.url,
      `
      let pid;
      const tx = sql.begin(async (t) => {
        [{ pid }] = await t\`SELECT pg_backend_pid() AS pid\`;
        await t\`SELECT pg_sleep(10)\`;
      });
      while (!pid) await new Promise((r) => setTimeout(r, 10));
      await terminate(pid);
      // sql.begin sends its own ROLLBACK on the dead connection: the write that crashed 3.4.9
      results.transaction = await within(3000, settled(tx));
      results.next = await within(3000, sql\`SELECT 1 AS one\`.then(([row]) => row.one));
      `,
    );
    // the whole outcome in one assertion: a failure shows what the process said
    expect(outcome).toEqual({
      exitCode: 0,
      stderr: '',
      results: { transaction: expect.stringMatching(/^(CONNECTION_CLOSED|ECONNRESET|57P01)$/), next: 1 },
    });
  });

  it('should answer the first query on a connection reopened after its backend was terminated mid-query', async () => {
    const outcome = await runScript(
      db.url,
      `
      const one = postgres(process.env.URL, { max: 1, onnotice() {} });
      const [{ pid }] = await one\`SELECT pg_backend_pid() AS pid\`;
      const sleeping = settled(one\`SELECT pg_sleep(10)\`);
      await new Promise((r) => setTimeout(r, 200));
      await terminate(pid);
      results.sleeping = await within(3000, sleeping);
      // 3.4.9 kept the dead backend's error and failed the reconnected connection's first query with it
      results.next = await within(3000, one\`SELECT 1 AS one\`.then(([row]) => row.one, (error) => error.code));
      await one.end({ timeout: 1 });
      `,
    );
    expect(outcome).toEqual({
      exitCode: 0,
      stderr: '',
      results: { sleeping: expect.stringMatching(/^(CONNECTION_CLOSED|ECONNRESET|57P01)$/), next: 1 },
    });
  });

  it('should reject queries on a reserved connection whose backend died, and give the pool a live connection after release', async () => {
    const outcome = await runScript(
      db.url,
      `
      const reserved = await sql.reserve();
      const [{ pid }] = await reserved\`SELECT pg_backend_pid() AS pid\`;
      await terminate(pid);
      // the driver sees the backend go (FATAL, then the socket closes)
      await new Promise((r) => setTimeout(r, 300));
      // small writes are queued behind a setImmediate: 3.4.9 flushed them to a null socket
      const queued = [reserved\`SELECT 1\`, reserved\`SELECT 2\`, reserved\`SELECT 3\`];
      results.reserved = await within(3000, Promise.all(queued.map(settled)));
      reserved.release();
      results.pool = await within(3000, Promise.all([1, 2, 3, 4].map((n) => sql\`SELECT \${n}::int AS n\`.then(([row]) => row.n))));
      `,
    );
    expect(outcome).toEqual({
      exitCode: 0,
      stderr: '',
      results: { reserved: ['CONNECTION_CLOSED', 'CONNECTION_CLOSED', 'CONNECTION_CLOSED'], pool: [1, 2, 3, 4] },
    });
  });
});
