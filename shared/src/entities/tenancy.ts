// Organizations (the tenant), their venues, people and memberships: rows as the database
// holds them (shared/migrations/0001_tenancy.sql).
import { z } from 'zod';
import { Role } from '../roles.js';
import {
  bool,
  countryCode,
  currencyCode,
  email,
  int,
  localeTag,
  text,
  timeZone,
  timestamp,
  slug,
  uuid,
} from './fields.js';

export const OrganizationRow = z.object({
  id: uuid,
  slug,
  name: text({ min: 1, max: 200 }),
  email_from: z.string('must be text').nullable(),
  /** how the organization's app, emails and documents write dates, numbers and money (0023) */
  locale: localeTag,
  /** what its deals and settlements are in unless a deal says otherwise (0028) */
  currency: currencyCode,
  created_at: timestamp,
  updated_at: timestamp,
});
export type OrganizationRow = z.output<typeof OrganizationRow>;

export const VenueRow = z
  .object({
    id: uuid,
    organization_id: uuid,
    slug,
    name: text({ min: 1, max: 200 }),
    timezone: timeZone,
    capacity: int({ min: 1, max: 100000 }),
    min_attendance: int({ min: 0 }),
    address: z.string('must be text').nullable(),
    city: z.string('must be text').nullable(),
    country: countryCode.nullable(),
    intake_enabled: bool,
    /** the name the venue's emails come from ("The Harbour Stage"); null: the organization's (0028) */
    sender_name: text({ min: 1, max: 200 }).nullable(),
    /** archived: no more requests, gone from the pickers; its events and history stay (0028) */
    archived_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .refine(
    (v) => typeof v.min_attendance !== 'number' || typeof v.capacity !== 'number' || v.min_attendance <= v.capacity,
    {
      message: 'must not be more than the capacity',
      path: ['min_attendance'],
    },
  );
export type VenueRow = z.output<typeof VenueRow>;

/** A slug a venue had before a rename: its old intake links redirect (relay only, migration 0029). */
export const VenueSlugRow = z.object({
  organization_id: uuid,
  slug,
  venue_id: uuid,
  replaced_at: timestamp,
});
export type VenueSlugRow = z.output<typeof VenueSlugRow>;

export const UserRow = z.object({
  id: uuid,
  email,
  display_name: text({ min: 1, max: 200 }),
  phone: z.string('must be text').nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type UserRow = z.output<typeof UserRow>;

export const MembershipRow = z.object({
  id: uuid,
  organization_id: uuid,
  user_id: uuid,
  role: Role,
  // copied from users by a trigger, so that members see names without the users table
  user_email: z.string('must be text'),
  user_name: z.string('must be text'),
  created_at: timestamp,
  updated_at: timestamp,
});
export type MembershipRow = z.output<typeof MembershipRow>;

export const InvitationRow = z.object({
  id: uuid,
  organization_id: uuid,
  email,
  role: Role,
  token_hash: z.string('must be text'),
  invited_by: uuid.nullable(),
  expires_at: timestamp,
  accepted_at: timestamp.nullable(),
  revoked_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type InvitationRow = z.output<typeof InvitationRow>;

/** An invitation as members receive it: the relay never serves token_hash. */
export const SyncedInvitationRow = InvitationRow.omit({ token_hash: true });
export type SyncedInvitationRow = z.output<typeof SyncedInvitationRow>;
