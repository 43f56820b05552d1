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

/**
 * Who may give, change or take away a role: an OWNER any role, a MANAGER only the roles below
 * their own that do not run the organization (STAFF and PROMOTER). A manager who could make
 * managers could make themselves a peer of every other manager, and an owner's seat is the
 * owners' to give.
 */
export function mayManageRole(actor: Role, role: Role): boolean {
  if (actor === 'OWNER') return true;
  return actor === 'MANAGER' && (role === 'STAFF' || role === 'PROMOTER');
}

/** The roles an actor may invite or set, for a form to offer: `mayManageRole` as a list. */
export function manageableRoles(actor: Role): Role[] {
  return roles.filter((role) => mayManageRole(actor, role));
}
