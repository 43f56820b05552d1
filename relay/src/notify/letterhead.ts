// Who writes and about which venue: the organization (its name, its sender address) and the
// venue, read in the handler so a letter says what is true when it is sent, not when it was queued.
import { formatsFor, type Formats } from '@promoteros/shared/format';
import type { Queries } from '../db/as-organizations.js';

export interface Letterhead {
  readonly organizationName: string;
  /** organizations.email_from, when the organization has its own sender */
  readonly emailFrom: string | null;
  readonly venueName: string;
  readonly timezone: string;
  /** organizations.locale: how the letter writes dates, times, counts and money */
  readonly locale: string;
}

/**
 * How a letter writes dates, times, counts and money: the organization's locale, and every venue
 * time with its zone (shared/src/format: who reads an email, and on which clock, is unknown).
 */
export const letterFormats = (head: Letterhead): Formats => formatsFor(head.locale);

export async function readLetterhead(sql: Queries, venueId: string): Promise<Letterhead | undefined> {
  const [row] = await sql<
    { organization_name: string; email_from: string | null; venue_name: string; timezone: string; locale: string }[]
  >`
    SELECT o.name AS organization_name, o.email_from, v.name AS venue_name, v.timezone, o.locale
      FROM venues v JOIN organizations o ON o.id = v.organization_id
     WHERE v.id = ${venueId}`;
  return row
    ? {
        organizationName: row.organization_name,
        emailFrom: row.email_from,
        venueName: row.venue_name,
        timezone: row.timezone,
        locale: row.locale,
      }
    : undefined;
}

/**
 * The From header: the organization's own address under its name, or the relay's MAIL_FROM.
 * An email_from already written as `Name <address>` is used as it is.
 */
export function senderOf(letterhead: Letterhead, mailFrom: string): string {
  const own = letterhead.emailFrom?.trim();
  if (!own) return mailFrom;
  if (own.includes('<')) return own;
  const name = letterhead.organizationName.replace(/["\\\r\n]/g, '');
  return `"${name}" <${own}>`;
}

export interface Person {
  readonly email: string;
  readonly name: string;
}

/**
 * The manager a hold's emails go to: who placed it (holds.created_by), while still an OWNER or
 * MANAGER of the organization; else the organization's OWNERs, so a hold of a member who left
 * still reaches someone who can act on it.
 */
export async function holdManagers(sql: Queries, holdIds: readonly string[]): Promise<Person[]> {
  const placed = await sql<Person[]>`
    SELECT DISTINCT u.email, u.display_name AS name
      FROM holds h
      JOIN memberships m ON m.organization_id = h.organization_id AND m.user_id = h.created_by
                        AND m.role IN ('OWNER', 'MANAGER')
      JOIN users u ON u.id = h.created_by
     WHERE h.id = ANY(${sql.array([...holdIds])}::uuid[])
     ORDER BY u.email`;
  if (placed.length > 0) return placed;
  return sql<Person[]>`
    SELECT DISTINCT u.email, u.display_name AS name
      FROM holds h
      JOIN memberships m ON m.organization_id = h.organization_id AND m.role = 'OWNER'
      JOIN users u ON u.id = m.user_id
     WHERE h.id = ANY(${sql.array([...holdIds])}::uuid[])
     ORDER BY u.email`;
}
