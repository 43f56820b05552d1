// The demo's first organization grown to a busy venue group's size for the UI benchmark: its own
// requests and events copied set-wise (generate_series) until it holds `requests` requests and
// `events` events. Each copy gets an artist of its own (word lists like the demo's, so a search
// for a name finds a handful of shows, not thousands), a title naming that artist, a date spread
// over two years either side of the original, and a status that fits the date. Copied events
// carry no request (events.request_id is unique); copied requests keep their venue and contact.
import type { TestDatabase } from '@promoteros/relay/testing/test-database';

import { adjectives as demoAdjectives, nouns as demoNouns } from '@promoteros/demo/names';

type Sql = TestDatabase['sql'];

export interface ScaledOrganization {
  readonly organizationId: string;
  readonly events: number;
  readonly requests: number;
}

// the demo's own words plus more, so 20,000 copies spread over ~2,400 artist names
const adjectives = [
  ...demoAdjectives,
  'Copper',
  'Distant',
  'Sunday',
  'Amber',
  'Restless',
  'Coastal',
  'Paper Moon',
  'Winter',
  'Scarlet',
  'Hidden',
];
// the demo's own words plus more, so 20,000 copies spread over ~2,400 artist names
const nouns = [
  ...demoNouns,
  'Sparrows',
  'Lighthouses',
  'Bandits',
  'Mirrors',
  'Orbits',
  'Canyons',
  'Ferries',
  'Owls',
  'Signals',
  'Gardens',
  'Tramlines',
  'Astronauts',
  'Islands',
  'Magpies',
  'Towers',
  'Valleys',
  'Drifters',
  'Beacons',
  'Hounds',
  'Meadows',
];

const array = (words: readonly string[]) => `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;
// copy i's artist: 30 × 40 × 2 forms = 2,400 names, so 20,000 events give each about eight shows
const artist = (i: string) =>
  `(CASE WHEN ${i} % 2 = 0 THEN 'The ' ELSE '' END || (${array(adjectives)})[1 + (${i} / 2) % ${adjectives.length}]
    || ' ' || (${array(nouns)})[1 + (${i} / ${2 * adjectives.length}) % ${nouns.length}])`;
// days to move copy i: spread over four years, centred on the original date
const shift = (i: string) => `((${i} * 7919) % 1461 - 730)`;

export async function scaleDemoOrganization(
  sql: Sql,
  slug: string,
  target: { events: number; requests: number },
): Promise<ScaledOrganization> {
  const [organization] = await sql<{ id: string }[]>`SELECT id FROM organizations WHERE slug = ${slug}`;
  if (!organization) throw new Error(`no organization ${slug}`);
  const organizationId = organization.id;

  await sql.begin(async (tx) => {
    await tx.unsafe(
      `
      WITH base AS (
        SELECT r.*, row_number() OVER (ORDER BY r.id) - 1 AS rn, count(*) OVER () AS total
          FROM event_requests r WHERE r.organization_id = $1)
      INSERT INTO event_requests (organization_id, venue_id, reference, status, contact_name, contact_email,
             contact_phone, company, artist_name, event_title, description, preferred_start, preferred_end,
             alternative_start, alternative_end, expected_attendance, budget_min_cents, budget_max_cents,
             deal_notes, tech_needs, tags, promoter_user_id, submitted_at, created_at, updated_at)
      SELECT b.organization_id, b.venue_id, b.reference || '-' || i, b.status, b.contact_name, b.contact_email,
             b.contact_phone, b.company, ${artist('i')}, replace(b.event_title, b.artist_name, ${artist('i')}),
             b.description, b.preferred_start + ${shift('i')} * interval '1 day',
             b.preferred_end + ${shift('i')} * interval '1 day',
             b.alternative_start + ${shift('i')} * interval '1 day', b.alternative_end + ${shift('i')} * interval '1 day',
             b.expected_attendance, b.budget_min_cents, b.budget_max_cents, b.deal_notes, b.tech_needs, b.tags,
             b.promoter_user_id, b.submitted_at + ${shift('i')} * interval '1 day',
             b.created_at + ${shift('i')} * interval '1 day', b.updated_at + ${shift('i')} * interval '1 day'
        FROM generate_series(1, greatest(0, $2::int - (SELECT count(*) FROM base)::int)) i
        JOIN base b ON b.rn = i % b.total`,
      [organizationId, target.requests],
    );
    await tx.unsafe(
      `
      WITH base AS (
        SELECT e.*, row_number() OVER (ORDER BY e.id) - 1 AS rn, count(*) OVER () AS total
          FROM events e WHERE e.organization_id = $1)
      INSERT INTO events (organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at,
             ends_at, capacity_override, promoter_user_id, notes, created_at, updated_at)
      SELECT b.organization_id, b.venue_id, replace(b.title, b.artist_name, ${artist('i')}), ${artist('i')},
             CASE WHEN b.status IN ('CANCELLED', 'DRAFT') THEN b.status
                  WHEN b.show_date + ${shift('i')} < current_date - 7 THEN 'SETTLED' ELSE 'CONFIRMED' END,
             b.show_date + ${shift('i')}, b.doors_at + ${shift('i')} * interval '1 day',
             b.show_at + ${shift('i')} * interval '1 day', b.ends_at + ${shift('i')} * interval '1 day',
             b.capacity_override, b.promoter_user_id, b.notes,
             b.created_at + ${shift('i')} * interval '1 day', b.updated_at + ${shift('i')} * interval '1 day'
        FROM generate_series(1, greatest(0, $2::int - (SELECT count(*) FROM base)::int)) i
        JOIN base b ON b.rn = i % b.total`,
      [organizationId, target.events],
    );
  });

  const [counts] = await sql<{ events: number; requests: number }[]>`
    SELECT (SELECT count(*)::int FROM events WHERE organization_id = ${organizationId}) AS events,
           (SELECT count(*)::int FROM event_requests WHERE organization_id = ${organizationId}) AS requests`;
  return { organizationId, ...counts! };
}
