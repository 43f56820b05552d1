import { z } from 'zod';

/** OWNER > MANAGER > STAFF > PROMOTER: each role can do what the ones below it can. */
export const roles = ['OWNER', 'MANAGER', 'STAFF', 'PROMOTER'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

const rank: Record<Role, number> = { OWNER: 3, MANAGER: 2, STAFF: 1, PROMOTER: 0 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

/**
 * The venue's own people, who work its shows: a promoter is an outside party with a login of
 * their own, and the venue's checklist is not theirs to be given.
 */
export function isVenueStaff(role: Role): boolean {
  return roleAtLeast(role, 'STAFF');
}
