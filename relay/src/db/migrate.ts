// Runs the shared migrations that belong on the central database, under an advisory lock so
// that two relays starting at once apply each migration exactly once.
import { loadMigrations } from '@promoteros/shared/migrations';
import type { Sql } from './database.js';
import { applyPrivileges } from './privileges.js';

const MIGRATION_LOCK = 72504140;

export interface MigrationReport {
  readonly applied: readonly string[];
}

export interface MigrateOptions {
  /** the role the relay serves as (gets its grants); the migrating role itself by default */
  readonly servingRole?: string;
}

/** Runs as the tables' owner: creates and alters tables, then grants (relay/src/db/privileges.ts). */
export async function migrate(sql: Sql, options: MigrateOptions = {}): Promise<MigrationReport> {
  const migrations = loadMigrations();
  return sql.begin(async (tx) => {
    // transaction-level lock: released on commit, and on a crash with the connection
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`;
    const done = await tx<{ version: number; name: string; checksum: string }[]>`
      SELECT version, name, checksum FROM schema_migrations`;
    const seen = new Map(done.map((row) => [row.version, row]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = seen.get(migration.version);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was changed after it ran (add a new migration instead of editing it)`,
          );
        }
        continue;
      }
      await tx.unsafe(migration.sql);
      await tx`
        INSERT INTO schema_migrations (version, name, checksum)
        VALUES (${migration.version}, ${migration.name}, ${migration.checksum})`;
      applied.push(migration.name);
    }
    // after every run, not only when something was applied: a role created or renamed since,
    // or privileges changed by hand, are put back as privileges.ts says
    const [{ current_user: owner } = { current_user: '' }] = await tx<{ current_user: string }[]>`SELECT current_user`;
    await applyPrivileges(tx, options.servingRole ?? owner);
    return { applied };
  });
}
