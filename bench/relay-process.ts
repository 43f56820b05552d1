// What the benchmarks share: a relay in its own process (so its CPU and memory are its own),
// and the arithmetic of their figures.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Whether the relay serves under row-level security. BENCH_ROW_LEVEL_SECURITY=off serves it as the
 * database's superuser instead, whom PostgreSQL never holds to a policy: the same code and the same
 * statements (the per-transaction organizations setting included) with the policies not evaluated,
 * so that a run with and a run without, back to back, tell what the policies cost a hot path.
 */
export const rowLevelSecurity = process.env.BENCH_ROW_LEVEL_SECURITY !== 'off';

/**
 * `db`: a test database (relay/src/testing/test-database.ts). The relay serves as its restricted
 * role under row-level security and migrates as the owner, as in production (docs/database-roles.md),
 * unless `rowLevelSecurity` is off.
 */
export async function startRelayProcess(db: {
  readonly url: string;
  readonly servingUrl: string;
}): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_RELAY_CPU_PROFILE=<dir>: the relay writes a V8 CPU profile there when it stops
  const profile = process.env.BENCH_RELAY_CPU_PROFILE;
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'relay/src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: rowLevelSecurity ? db.servingUrl : db.url,
      MIGRATION_DATABASE_URL: db.url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the relay did not start within 30 s');
}

/** CPU time a process has used so far, in ms (user + system, from /proc); 0 once it has gone. */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  const fields = stat.split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
