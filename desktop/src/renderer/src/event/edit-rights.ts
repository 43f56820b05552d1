// What the signed-in member may change on an event, mirroring each mutation's minimumRole
// (shared/src/mutations): the screen hides what the core would refuse anyway. A settled
// event's paperwork is final for everyone.
import type { CommandResult } from '../../../common/command-map.js';

type SignedIn = Extract<CommandResult<'session.get'>, { state: 'signed-in' }>;
export type Role = SignedIn['organizations'][number]['role'];

export interface EditRights {
  /** event.update, dealTerms.set: managers and owners */
  readonly event: boolean;
  /** add, edit, assign, tick off and reorder tasks: staff and above */
  readonly tasks: boolean;
  /** task.remove: managers and owners */
  readonly removeTasks: boolean;
}

const rank: Record<Role, number> = { OWNER: 3, MANAGER: 2, STAFF: 1, PROMOTER: 0 };

export function editRights(role: Role | undefined, eventStatus: string): EditRights {
  const level = role === undefined || eventStatus === 'SETTLED' ? -1 : rank[role];
  return { event: level >= rank.MANAGER, tasks: level >= rank.STAFF, removeTasks: level >= rank.MANAGER };
}
