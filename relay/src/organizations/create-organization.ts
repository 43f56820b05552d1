// Starts an organization: its row, its first venue and its first OWNER, with one audit entry, in
// one transaction acting for the new organization alone (row-level security admits the rows
// because the transaction names the id it made). Used by POST /v1/organizations and by the
// operator's `npm run org:create -w relay`.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/database.js';
import { asOrganizations } from '../db/as-organizations.js';
import { HttpError } from '../http/errors.js';
import type { NewOrganization } from './new-organization.js';

export interface CreatedOrganization {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly venueId: string;
}

export const slugTaken = (slug: string) =>
  new HttpError(409, 'slug_taken', `the address “${slug}” is taken by another organization: choose another`, {
    slug: 'is taken by another organization',
  });

export async function createOrganization(
  sql: Sql,
  fields: NewOrganization,
  ownerUserId: string,
): Promise<CreatedOrganization> {
  const id = randomUUID();
  const venueId = randomUUID();
  try {
    await asOrganizations(sql, [id], async (tx) => {
      await tx`INSERT INTO organizations (id, slug, name, locale, currency)
               VALUES (${id}, ${fields.slug}, ${fields.name}, ${fields.locale}, ${fields.currency})`;
      const v = fields.venue;
      await tx`INSERT INTO venues (id, organization_id, slug, name, timezone, capacity, min_attendance, address, city, country)
               VALUES (${venueId}, ${id}, ${v.slug}, ${v.name}, ${v.timezone}, ${v.capacity}, ${v.minAttendance},
                       ${v.address ?? null}, ${v.city ?? null}, ${v.country ?? null})`;
      const [membership] = await tx<{ id: string }[]>`
        INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
        VALUES (${id}, ${ownerUserId}, 'OWNER', '', '') RETURNING id`;
      // the first entry of the organization's audit chain: who started it
      await tx`
        INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
        VALUES (${id}, ${ownerUserId}, 'organization.create', 'organizations', ${id},
                ${JSON.stringify({ slug: fields.slug, venueId, ownerMembershipId: membership!.id })}::text::jsonb)`;
    });
  } catch (error) {
    if ((error as { code?: string; constraint_name?: string }).code === '23505') {
      const constraint = (error as { constraint_name?: string }).constraint_name ?? '';
      if (constraint.startsWith('organizations_slug')) throw slugTaken(fields.slug);
    }
    throw error;
  }
  return { id, slug: fields.slug, name: fields.name, venueId };
}

/** Whether a slug could be an organization's now: free, and well formed. */
export async function slugAvailable(sql: Sql, slug: string): Promise<boolean> {
  const [row] = await sql<{ taken: boolean }[]>`SELECT organization_slug_taken(${slug}) AS taken`;
  return !row!.taken;
}
