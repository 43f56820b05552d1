// What the signed-in member may change on an event, mirroring each mutation's minimumRole
// (shared/src/mutations): the screen hides what the core would refuse anyway. A settled
// event's paperwork is final for everyone.
import { roleAtLeast } from '@promoteros/shared';
import { mutations, type MutationName } from '@promoteros/shared/mutations';
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

/** whether the member's role reaches the named mutation's minimumRole */
const may = (role: Role, mutation: MutationName) => roleAtLeast(role, mutations[mutation].minimumRole);

export function editRights(role: Role | undefined, eventStatus: string): EditRights {
  if (role === undefined || eventStatus === 'SETTLED') return { event: false, tasks: false, removeTasks: false };
  return { event: may(role, 'event.update'), tasks: may(role, 'task.create'), removeTasks: may(role, 'task.remove') };
}

/** whether the member may email a revised confirmation (event.sendConfirmation) of an event in this status */
export function maySendConfirmation(role: Role | undefined, eventStatus: string): boolean {
  return role !== undefined && eventStatus === 'CONFIRMED' && may(role, 'event.sendConfirmation');
}
