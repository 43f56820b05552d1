// First start on a laptop: an empty embedded database gets the demo, so that one command
// shows a working venue. Central PostgreSQL is never touched, and DEMO_DATA=never turns it off.
// The relay runs it as its `seed` (RelayDeps) where a start script hands it in (start.ts).
import type { RelayConfig, Database } from '@promoteros/relay';
import { seedDemo, type SeedDemoResult } from './seed.js';

export interface DemoLog {
  info(message: string): void;
}

export async function seedDemoIfEmpty(
  db: Database,
  config: Pick<RelayConfig, 'DEMO_DATA'>,
  log: DemoLog,
): Promise<SeedDemoResult | undefined> {
  if (db.kind !== 'embedded' || config.DEMO_DATA !== 'auto') return undefined;
  const [any] = await db.sql`SELECT 1 FROM organizations LIMIT 1`;
  if (any) return undefined;
  const result = await seedDemo(db.sql);
  if (result.created) {
    log.info(
      `demo data loaded: sign in as ${result.people.map((p) => `${p.email} (${p.role.toLowerCase()})`).join(', ')}`,
    );
  }
  return result;
}
