// One SQL client for both kinds of database: central PostgreSQL when DATABASE_URL is set,
// otherwise an embedded PGlite data directory served on a loopback socket, so the very same
// queries (and the postgres.js driver) run in both cases.
import postgres from 'postgres';
import { mkdirSync } from 'node:fs';
import { outageConnectionOptions } from './database-trouble.js';

export type Sql = postgres.Sql;

export interface Database {
  readonly sql: Sql;
  readonly kind: 'postgres' | 'embedded';
  /** where the data lives, for the startup log line (no password) */
  readonly description: string;
  /** cross-instance notifications exist only on real PostgreSQL */
  readonly supportsListen: boolean;
  /**
   * Runs `work` as the tables' owner: migrations, the privileges step, the demo. A short-lived
   * connection of MIGRATION_DATABASE_URL when there is one, else the serving pool itself.
   */
  withOwner<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly databaseUrl?: string;
  /** the tables' owner, used only by withOwner (docs/database-roles.md) */
  readonly migrationUrl?: string;
  readonly dataDir: string;
  readonly maxConnections?: number;
}

const types = {
  // int8 as a string: ids and money must not lose precision on the way through
  bigint: postgres.BigInt,
};

/** The database the relay's settings name (relay/src/config.ts): the relay, its CLIs and tools. */
export function openConfiguredDatabase(
  config: { readonly DATABASE_URL?: string; readonly MIGRATION_DATABASE_URL?: string; readonly DATA_DIR: string },
  maxConnections?: number,
): Promise<Database> {
  return openDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationUrl: config.MIGRATION_DATABASE_URL,
    dataDir: config.DATA_DIR,
    ...(maxConnections !== undefined && { maxConnections }),
  });
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const max = options.maxConnections ?? 10;
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, {
      max,
      onnotice: () => {},
      types,
      // the relay runs short OLTP queries; JIT compiling them (on by default when the planner's
      // estimates for the fast-growing change log are high) costs far more than it saves: a
      // long-poll wake-up query that takes under a millisecond would wait for the compiler
      connection: { jit: 'off' },
      // fail fast while the database is away, reconnect within a second once it is back
      ...outageConnectionOptions,
    });
    // The pool learns the server's array types on its first connection, and a `sql.array(...)`
    // parameter built before that is sent untyped ("op ANY/ALL (array) requires array on right
    // side"): one query first, so the relay's first real query can be any query. A database that
    // is away now is no reason to fail here; the first query that reaches it does the same.
    await sql`SELECT 1`.catch(() => {});
    const url = new URL(options.databaseUrl);
    const { migrationUrl } = options;
    return {
      sql,
      kind: 'postgres',
      description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname} as ${decodeURIComponent(url.username) || 'the default user'}`,
      supportsListen: true,
      withOwner: migrationUrl ? (work) => withConnection(migrationUrl, work) : (work) => work(sql),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  return openEmbedded(options.dataDir);
}

/** One connection for one piece of work, closed afterwards whatever happens. */
export async function withConnection<T>(url: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, types, connection: { jit: 'off' } });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  const conn = server.getServerConn();
  const sql = postgres(`postgres://postgres@${conn}/postgres`, {
    // One connection: PGlite is a single backend, and pglite-socket interleaves the
    // extended-protocol messages of concurrent connections (one connection's unnamed
    // statement replaces another's: "bind message supplies 1 parameters…"). Queries queue in
    // the driver instead, which is what PGlite would do anyway.
    max: 1,
    onnotice: () => {},
    types,
    // PGlite runs one statement at a time; prepared statements are fine but keep it simple
    prepare: false,
  });
  return {
    sql,
    kind: 'embedded',
    description: `embedded PGlite in ${dataDir}`,
    supportsListen: false,
    withOwner: (work) => work(sql),
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop();
      await db.close();
    },
  };
}
