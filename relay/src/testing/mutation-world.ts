// For the mutation tests (relay/src/mutations): a real PostgreSQL and relay, one organization with
// an owner and a staff member, and (unless a test wants an empty organization) a row in every table
// to mutate.
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { startTestRelay, type TestRelay } from './test-relay.js';
import { createMember, createOrganization, type TestMember } from './fixtures.js';
import { fillEveryTable, type OrganizationRows } from './every-table.js';

export interface MutationWorld {
  readonly db: TestDatabase;
  readonly relay: TestRelay;
  readonly organizationId: string;
  readonly owner: TestMember;
  readonly staff: TestMember;
  /** empty when the world was made with `everyTable: false` */
  readonly rows: OrganizationRows;
}

export interface MutationWorldOptions {
  readonly relayConfig?: Parameters<typeof startTestRelay>[1];
  /** false for tests that want an organization with nothing in it */
  readonly everyTable?: boolean;
}

/**
 * Sets the world up before the file's tests and tears it down after them; its fields are there
 * once `beforeAll` has run (so read them inside tests and helpers, not at the top of the file).
 */
export function useMutationWorld(
  databaseName: string,
  organizationName: string,
  options: MutationWorldOptions = {},
): MutationWorld {
  const world = {} as { -readonly [K in keyof MutationWorld]: MutationWorld[K] };
  beforeAll(async () => {
    world.db = await createTestDatabase(databaseName);
    world.relay = await startTestRelay(world.db, options.relayConfig);
    world.organizationId = await createOrganization(world.db.sql, organizationName);
    world.owner = await createMember(world.db.sql, [{ organizationId: world.organizationId, role: 'OWNER' }]);
    world.staff = await createMember(world.db.sql, [{ organizationId: world.organizationId, role: 'STAFF' }]);
    if (options.everyTable !== false) {
      world.rows = await fillEveryTable(world.db.sql, world.organizationId, world.owner.userId);
    }
  });
  afterAll(async () => {
    await world.relay?.stop();
    await world.db?.drop();
  });
  return world;
}
