// For the tests of shared/src/mutations: the ids, the moment and the caller that every mutation's
// test plans with, so one organization's story reads the same from file to file.
import type { Role } from '../../roles.js';
import type { MutationContext } from '../define.js';

export const VENUE = '00000000-0000-4000-8000-00000000f001';
export const OTHER_VENUE = '00000000-0000-4000-8000-00000000f002';
export const REQUEST = '00000000-0000-4000-8000-00000000c001';
export const DECISION = '00000000-0000-4000-8000-00000000c101';
export const EVENT = '00000000-0000-4000-8000-00000000e001';
export const HOLD = '00000000-0000-4000-8000-00000000a001';
export const USER = '00000000-0000-4000-8000-0000000000b1';
export const AT = '2026-06-01T12:00:00.000Z';

/** The caller planning a mutation: USER of the test organization, at AT, with `role`. */
export function contextAs(role: Role): MutationContext {
  return { organizationId: '00000000-0000-4000-8000-0000000000a1', userId: USER, role, at: AT };
}

/** A manager: the role most mutations are tested as. */
export const context: MutationContext = contextAs('MANAGER');

/** The n-th made-up id, for rows a test needs many of. */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
