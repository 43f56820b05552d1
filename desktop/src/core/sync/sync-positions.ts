// Where an organization's sync stopped last time, as the replica saved it with the rows: each
// shape's handle and offset (a table without one downloads its snapshot again), and when the
// replica last held everything the relay had sent. Written by commit-batch.ts.
import type { Replica } from '../replica/open-replica.js';

export interface ShapePosition {
  readonly handle: string;
  readonly offset: string;
}

export interface SyncPositions {
  readonly shapes: ReadonlyMap<string, ShapePosition>;
  readonly lastSyncedAt?: Date;
}

export async function readSyncPositions(replica: Replica, organizationId: string): Promise<SyncPositions> {
  const stored = await replica.query<{ table_name: string; handle: string; offset: string }>(
    `SELECT table_name, handle, "offset" FROM _sync_shapes WHERE organization_id = $1`,
    [organizationId],
  );
  const [last] = await replica.query<{ last_synced_at: Date }>(
    'SELECT last_synced_at FROM _sync_organizations WHERE organization_id = $1',
    [organizationId],
  );
  const shapes = new Map(stored.map((row) => [row.table_name, { handle: row.handle, offset: row.offset }]));
  return { shapes, ...(last ? { lastSyncedAt: last.last_synced_at } : {}) };
}
