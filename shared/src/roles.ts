import { z } from 'zod';

/** OWNER > MANAGER > STAFF > PROMOTER: each role can do what the ones below it can. */
export const roles = ['OWNER', 'MANAGER', 'STAFF', 'PROMOTER'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

const rank: Record<Role, number> = { OWNER: 3, MANAGER: 2, STAFF: 1, PROMOTER: 0 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}
