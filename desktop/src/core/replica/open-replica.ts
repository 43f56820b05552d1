// The organization replica: PGlite in a data directory on disk, migrated to the domain schema.
// It opens and answers reads with no network at all; sync writes into it when the relay is there.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { migrateReplica } from './replica-schema.js';
import { copyReplicaTemplate, isEmptyDir, TEMPLATE_DIR_VARIABLE } from './replica-template.js';

export type Row = Record<string, unknown>;

/** Which tables one applied sync batch touched; the UI re-reads them. */
export interface ReplicaChange {
  readonly tables: readonly string[];
}

export interface Replica {
  /** the PGlite instance; sync and the outbox write through it in their own transactions */
  readonly db: PGlite;
  readonly dataDir: string;
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** called after each committed sync batch; returns an unsubscribe function */
  onChange(listener: (change: ReplicaChange) => void): () => void;
  /** for the sync engine: tell listeners about a batch it committed */
  notifyChange(change: ReplicaChange): void;
  close(): Promise<void>;
}

export interface OpenReplicaOptions {
  readonly dataDir: string;
  /**
   * An empty replica to copy a new one from (replica-template.ts), made here if missing; by
   * default the one PROMOTEROS_REPLICA_TEMPLATE_DIR names, else none: the database is created.
   */
  readonly templateDir?: string;
}

export async function openReplica(options: OpenReplicaOptions): Promise<Replica> {
  const templateDir = options.templateDir ?? process.env[TEMPLATE_DIR_VARIABLE];
  if (templateDir && isEmptyDir(options.dataDir)) await copyReplicaTemplate(templateDir, options.dataDir);
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  try {
    await migrateReplica(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const listeners = new Set<(change: ReplicaChange) => void>();
  let closing: Promise<void> | undefined;
  return {
    db,
    dataDir: options.dataDir,
    async query<T = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifyChange(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch {
          // a failing listener must not stop sync or the other listeners
        }
      }
    },
    close() {
      closing ??= (async () => {
        listeners.clear();
        await db.close();
      })();
      return closing;
    },
  };
}
