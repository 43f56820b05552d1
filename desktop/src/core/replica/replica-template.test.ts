// New replicas copied from an empty one, with real PGlite on disk: the template is made once, by
// whichever replica needs it first (also two at once), each copy is a database of its own with
// the domain schema, and an existing replica is never replaced by a copy.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReplica } from './open-replica.js';
import { holdsDatabase } from './replica-template.js';

const root = mkdtempSync(join(tmpdir(), 'promoteros-replica-template-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const venueRow = (name: string) =>
  `INSERT INTO synced.venues (id, organization_id, slug, name, timezone, capacity)
   VALUES (gen_random_uuid(), gen_random_uuid(), '${name.toLowerCase()}', '${name}', 'Europe/London', 1500)`;

describe('replicas copied from a template', () => {
  it('should make the template once, for two replicas opening at once, and give each a database of its own', async () => {
    const templateDir = join(root, 'shared', 'template');
    const [first, second] = await Promise.all([
      openReplica({ dataDir: join(root, 'shared', 'org-a'), templateDir }),
      openReplica({ dataDir: join(root, 'shared', 'org-b'), templateDir }),
    ]);
    try {
      expect(holdsDatabase(templateDir)).toBe(true);
      // nothing half-made left beside them
      expect(readdirSync(join(root, 'shared')).sort()).toEqual(['org-a', 'org-b', 'template']);
      await first!.db.exec(venueRow('Harbour'));
      expect(await first!.query('SELECT name FROM venues')).toEqual([{ name: 'Harbour' }]);
      expect(await second!.query('SELECT name FROM venues')).toEqual([]);
    } finally {
      await Promise.all([first?.close(), second?.close()]);
    }

    // a third, from the template as it was: empty, with the schema
    const third = await openReplica({ dataDir: join(root, 'shared', 'org-c'), templateDir });
    try {
      expect(await third.query('SELECT count(*)::int AS n FROM events')).toEqual([{ n: 0 }]);
    } finally {
      await third.close();
    }
  });

  it('should open an existing replica as it is, not replace it with a copy', async () => {
    const templateDir = join(root, 'kept', 'template');
    const dataDir = join(root, 'kept', 'org');
    const replica = await openReplica({ dataDir, templateDir });
    await replica.db.exec(venueRow('Roundhouse'));
    await replica.close();
    const again = await openReplica({ dataDir, templateDir });
    try {
      expect(await again.query('SELECT name FROM venues')).toEqual([{ name: 'Roundhouse' }]);
    } finally {
      await again.close();
    }
  });
});
