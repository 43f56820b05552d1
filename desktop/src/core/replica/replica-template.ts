// A new replica starts as a copy of an empty one. Creating a PGlite database runs initdb inside
// WebAssembly: seconds on a laptop, most of what a first sign-in waits for. Copying the files of
// a closed, empty, migrated replica and opening the copy takes a fraction of that (docs/sync.md).
// The template is made once, by
// the first replica that needs it, and never opened again once made; a copy of an older template
// is brought up to date by migrateReplica like any replica.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrateReplica } from './replica-schema.js';
import { fsyncDirectory, fsyncTree } from '../journal/durable-files.js';

/** Where replicas are copied from when the caller names no template (tests share one per run). */
export const TEMPLATE_DIR_VARIABLE = 'PROMOTEROS_REPLICA_TEMPLATE_DIR';

/** A data directory PGlite has made: initdb writes PG_VERSION first thing. */
export const holdsDatabase = (dataDir: string) => existsSync(join(dataDir, 'PG_VERSION'));

/** Nothing there yet: no directory, or an empty one. */
export const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Fills an empty `dataDir` with a copy of the template, making the template first if there is
 * none yet. Both are made aside and renamed into place: a copy cut short (the app closed, the
 * disk full) is never taken for a replica, and of two processes making the template at once (two
 * replicas opening, test workers) the second rename loses and its own is thrown away.
 */
export async function copyReplicaTemplate(templateDir: string, dataDir: string): Promise<void> {
  if (!holdsDatabase(templateDir)) {
    // replicas of one process opening at once wait for one template rather than make one each
    let making = templatesInTheMaking.get(templateDir);
    if (!making) {
      making = makeTemplate(templateDir).finally(() => templatesInTheMaking.delete(templateDir));
      templatesInTheMaking.set(templateDir, making);
    }
    await making;
  }
  const copying = `${dataDir}.copying-${randomBytes(4).toString('hex')}`;
  try {
    cpSync(templateDir, copying, { recursive: true });
    // on disk before the name is: after a cut, a replica folder is a whole copy or absent
    await fsyncTree(copying);
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(copying, dataDir);
    fsyncDirectory(dirname(dataDir));
  } catch (error) {
    rmSync(copying, { recursive: true, force: true });
    throw error;
  }
}

const templatesInTheMaking = new Map<string, Promise<void>>();

async function makeTemplate(templateDir: string): Promise<void> {
  mkdirSync(dirname(templateDir), { recursive: true });
  const making = `${templateDir}.making-${randomBytes(4).toString('hex')}`;
  const db = await PGlite.create(making);
  try {
    await migrateReplica(db);
  } finally {
    await db.close();
  }
  try {
    await fsyncTree(making);
    renameSync(making, templateDir);
    fsyncDirectory(dirname(templateDir));
  } catch (error) {
    rmSync(making, { recursive: true, force: true });
    if (!holdsDatabase(templateDir)) throw error;
  }
}
