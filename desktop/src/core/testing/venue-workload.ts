// Random but reproducible work on the central database, the way a venue's staff would cause
// it: venues opened and renamed, requests coming in and moving through review, holds and
// decisions written together, events booked, templates edited, a venue closed (its rows go
// by cascade). Sync tests run it and then compare the replica with the server.
import type { TestDatabase } from '@promoteros/relay/testing/test-database';

type Sql = TestDatabase['sql'];

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T | undefined =>
  items.length === 0 ? undefined : items[Math.floor(random() * items.length)];

async function ids(sql: Sql, table: string, organizationId: string): Promise<string[]> {
  const rows = await sql.unsafe<{ id: string }[]>(`SELECT id FROM "${table}" WHERE organization_id = $1 ORDER BY id`, [
    organizationId,
  ]);
  return rows.map((r) => r.id);
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Runs `steps` random transactions against the organization; returns what it did, for failure messages. */
export async function runVenueWorkload(
  sql: Sql,
  organizationId: string,
  options: { steps: number; seed: number },
): Promise<string[]> {
  const random = seededRandom(options.seed);
  const log: string[] = [];
  for (let step = 0; step < options.steps; step++) {
    const venues = await ids(sql, 'venues', organizationId);
    const requests = await ids(sql, 'event_requests', organizationId);
    const templates = await ids(sql, 'task_templates', organizationId);
    const roll = random();
    if (venues.length === 0 || roll < 0.12) {
      await sql`INSERT INTO venues (organization_id, slug, name, timezone, capacity)
                VALUES (${organizationId}, ${'venue-' + unique()}, ${'Hall ' + step}, 'Europe/Berlin',
                        ${1200 + Math.floor(random() * 2300)})`;
      log.push('insert venue');
    } else if (roll < 0.22) {
      await sql`UPDATE venues SET name = ${'Renamed ' + step}, capacity = ${1200 + Math.floor(random() * 2300)},
                                  intake_enabled = ${random() < 0.5}
                 WHERE id = ${pick(random, venues)!}`;
      log.push('update venue');
    } else if (roll < 0.42) {
      // a request comes in, is put on hold and logged: one transaction over three tables
      await sql.begin(async (tx) => {
        const venueId = pick(random, venues)!;
        const [request] = await tx<{ id: string }[]>`
          INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                      event_title, preferred_start, preferred_end, expected_attendance, tags,
                                      budget_min_cents, budget_max_cents)
          VALUES (${organizationId}, ${venueId}, ${'RQ-' + unique()}, 'Dana Booker', 'dana@example.test',
                  ${'Artist ' + step}, ${'Tour ' + step}, '2027-05-01 20:00+00', '2027-05-01 23:00+00',
                  ${100 + Math.floor(random() * 1000)}, ${['indie', 'step ' + step]}, 100000, 9007199254740993)
          RETURNING id`;
        await tx`INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank)
                 VALUES (${organizationId}, ${venueId}, ${request!.id}, '2027-05-01', ${1 + Math.floor(random() * 3)})`;
        await tx`INSERT INTO decision_logs (organization_id, request_id, from_status, to_status, note)
                 VALUES (${organizationId}, ${request!.id}, NULL, 'NEW', ${'step ' + step})`;
      });
      log.push('insert request + hold + decision');
    } else if (roll < 0.55 && requests.length > 0) {
      await sql`UPDATE event_requests SET status = ${pick(random, ['REVIEW', 'APPROVED', 'DECLINED'])!},
                                          tags = ${['reviewed', String(step)]}, description = ${random() < 0.3 ? null : 'notes ' + step}
                 WHERE id = ${pick(random, requests)!}`;
      log.push('update request');
    } else if (roll < 0.62 && requests.length > 0) {
      await sql`DELETE FROM event_requests WHERE id = ${pick(random, requests)!}`;
      log.push('delete request (cascades to holds, decisions)');
    } else if (roll < 0.75) {
      await sql`INSERT INTO task_templates (organization_id, title, default_due_days, position, active)
                VALUES (${organizationId}, ${'Task ' + step}, ${Math.floor(random() * 30)}, ${step}, ${random() < 0.8})`;
      log.push('insert template');
    } else if (roll < 0.85 && templates.length > 0) {
      await sql`UPDATE task_templates SET title = ${'Retitled ' + step}, active = ${random() < 0.5}
                 WHERE id = ${pick(random, templates)!}`;
      log.push('update template');
    } else if (roll < 0.93 && templates.length > 0) {
      await sql`DELETE FROM task_templates WHERE id = ${pick(random, templates)!}`;
      log.push('delete template');
    } else if (venues.length > 1) {
      await sql`DELETE FROM venues WHERE id = ${pick(random, venues)!}`;
      log.push('delete venue (cascades)');
    } else {
      await sql`UPDATE venues SET capacity = capacity + 1 WHERE id = ${venues[0]!}`;
      log.push('update venue');
    }
  }
  return log;
}

/** Adds `count` task templates in one statement: bulk data for the initial-sync benchmark. */
export async function insertManyTaskTemplates(sql: Sql, organizationId: string, count: number): Promise<void> {
  await sql`
    INSERT INTO task_templates (organization_id, title, description, default_due_days, default_role, position)
    SELECT ${organizationId}, 'Task ' || n, 'Advance item number ' || n, n % 60, 'STAFF', n
      FROM generate_series(1, ${count}) AS n`;
}
