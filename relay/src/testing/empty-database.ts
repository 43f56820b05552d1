// An empty database on the test server, made by its administrator (TEST_PG_URL) with the test
// roles in place, for tests that migrate it themselves or as someone else (two-roles.test.ts,
// managed-owner.test.ts) and for createTestDatabase. Dropped by drop(), connections and all.
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { ensureTestRoles } from './test-roles.js';

export const adminUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface EmptyDatabase {
  readonly name: string;
  /** the database as the administrator */
  readonly url: string;
  drop(): Promise<void>;
}

/** Runs `work` on a short connection as the administrator. */
export async function asAdministrator<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function createEmptyDatabase(label: string, options: { owner?: string } = {}): Promise<EmptyDatabase> {
  const name = `promoteros_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  await asAdministrator(async (admin) => {
    await ensureTestRoles(admin);
    await admin.unsafe(`CREATE DATABASE ${name}${options.owner ? ` OWNER ${options.owner}` : ''}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => asAdministrator((admin) => admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
