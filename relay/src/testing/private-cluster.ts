// A PostgreSQL server of a test's own (initdb + pg_ctl from the machine's PostgreSQL, its own
// data directory and port), for tests that stop, restart or cut off the database: never do that
// to the shared server the other tests use. fsync is off: a test's data need not survive a crash
// of the machine. The server's files belong to the postgres user when the test runs as root
// (initdb refuses root).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

export const POSTGRES_BIN = process.env.TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a private cluster cannot run here, or undefined when it can. */
export function privateClusterUnavailable(): string | undefined {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) return `no initdb in ${POSTGRES_BIN} (set TEST_PG_BIN)`;
  return undefined;
}

export interface PrivateCluster {
  readonly port: number;
  /** a connection URL for one of its databases (trust authentication, user postgres) */
  url(database?: string): string;
  /** a database of its own, created if need be */
  createDatabase(name: string): Promise<string>;
  /** pg_terminate_backend for every connection to `database`; answers how many there were */
  terminateBackends(database: string): Promise<number>;
  /** pg_ctl stop (fast: open connections are ended at once, as in a failover) */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** pg_ctl start, waiting until it accepts connections */
  start(): Promise<void>;
  /** stops it and deletes its data directory */
  destroy(): Promise<void>;
}

export async function startPrivateCluster(port: number): Promise<PrivateCluster> {
  const root = mkdtempSync(join(tmpdir(), 'promoteros-cluster-'));
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  // initdb will not run as root: the cluster belongs to the postgres user then
  const command = (bin: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(POSTGRES_BIN, bin), ...args])
      : run(join(POSTGRES_BIN, bin), args);
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  await command('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-N', '-E', 'UTF8', '--locale=C']);
  const settings = [
    `-c port=${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${root}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=60',
  ].join(' ');
  const start = () => command('pg_ctl', ['-D', data, '-l', join(root, 'server.log'), '-o', settings, '-w', 'start']);
  await start();

  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = () => postgres(url(), { max: 1, onnotice: () => {} });
  let running = true;

  return {
    port,
    url,
    async createDatabase(name) {
      const sql = admin();
      try {
        await sql.unsafe(`CREATE DATABASE ${name}`);
      } finally {
        await sql.end();
      }
      return url(name);
    },
    async terminateBackends(database) {
      const sql = admin();
      try {
        const rows = await sql`
          SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = ${database} AND pid <> pg_backend_pid()`;
        return rows.length;
      } finally {
        await sql.end();
      }
    },
    async stop(mode = 'fast') {
      await command('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
