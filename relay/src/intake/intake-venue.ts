// The venue a public request page is for: found by its slug inside its organization's slug (two
// organizations may both have a venue called "main-room"), and only while it takes requests.
import type { Sql } from '../db/database.js';

export interface IntakeVenueRow {
  readonly id: string;
  readonly organizationId: string;
  readonly organizationName: string;
  /** the organization's locale (organizations.locale): how the page writes numbers */
  readonly locale: string;
  readonly name: string;
  readonly timezone: string;
  readonly capacity: number;
  readonly minAttendance: number;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export async function findIntakeVenue(
  sql: Sql,
  orgSlug: string,
  venueSlug: string,
): Promise<IntakeVenueRow | undefined> {
  if (!SLUG.test(orgSlug) || !SLUG.test(venueSlug)) return undefined;
  // any organization's venue, by its slugs: intake_venue (migrations 0018, 0027) returns only what the
  // page needs, and only while the venue takes requests
  const [venue] = await sql<IntakeVenueRow[]>`
    SELECT id, organization_id AS "organizationId", organization_name AS "organizationName",
           organization_locale AS locale, name, timezone, capacity, min_attendance AS "minAttendance"
      FROM intake_venue(${orgSlug}, ${venueSlug})`;
  return venue;
}

/** The slug a renamed venue has now, when `oldSlug` is one it had (renamed_venue_slug, 0029). */
export async function renamedVenueSlug(sql: Sql, orgSlug: string, oldSlug: string): Promise<string | undefined> {
  if (!SLUG.test(orgSlug) || !SLUG.test(oldSlug)) return undefined;
  const [renamed] = await sql<{ slug: string }[]>`SELECT slug FROM renamed_venue_slug(${orgSlug}, ${oldSlug})`;
  return renamed?.slug;
}

/** How long a venue's page details are reused: a venue closing its form takes this long to show. */
export const VENUE_CACHE_MS = 5_000;
const MAX_CACHED = 1_000;

/**
 * The look-up above, remembered for a few seconds: a busy form (a festival's on-sale day) asks
 * for the same venue hundreds of times a second, and the answer changes rarely.
 */
export class IntakeVenues {
  readonly #cache = new Map<string, { at: number; venue: Promise<IntakeVenueRow | undefined> }>();

  constructor(private readonly sql: Sql) {}

  find(orgSlug: string, venueSlug: string, now = Date.now()): Promise<IntakeVenueRow | undefined> {
    const key = `${orgSlug}/${venueSlug}`;
    const hit = this.#cache.get(key);
    if (hit && now - hit.at < VENUE_CACHE_MS) return hit.venue;
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    const venue = findIntakeVenue(this.sql, orgSlug, venueSlug);
    this.#cache.set(key, { at: now, venue });
    venue.catch(() => this.#cache.delete(key));
    return venue;
  }
}
