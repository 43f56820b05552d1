// Numbered SQL migrations, read from shared/migrations. Each file's first line names where it
// runs: `-- target: domain` (central PostgreSQL and every desktop replica) or
// `-- target: relay` (central PostgreSQL only: private tables, change capture).
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type MigrationTarget = 'domain' | 'relay';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly target: MigrationTarget;
  readonly sql: string;
  /** SHA-256 of the file, so an edited migration that already ran is noticed. */
  readonly checksum: string;
}

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

let cached: readonly Migration[] | undefined;

export function loadMigrations(): readonly Migration[] {
  if (cached) return cached;
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  cached = files.map((file) => {
    const sql = readFileSync(join(migrationsDir, file), 'utf8');
    const target = /^-- target: (domain|relay)\s*$/m.exec(sql.split('\n', 1)[0] ?? '')?.[1];
    if (target !== 'domain' && target !== 'relay') {
      throw new Error(`migration ${file} must start with "-- target: domain" or "-- target: relay"`);
    }
    return {
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      target,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    };
  });
  return cached;
}
