// Which decisions the screen offers on a request: the shared state machine's next statuses for
// the request's status, as buttons with the venue's words, and only for a member whose role
// decides on requests (the relay refuses the rest anyway; the screen hides what would fail).
import { roleAtLeast } from '@promoteros/shared';
import { canConvertToEvent, nextStatuses, requestDecidingRole } from '@promoteros/shared/mutations';
import type { CommandResult } from '../../../common/command-map.js';
import type { Role } from '../event/edit-rights.js';

export type RequestStatus = CommandResult<'requests.get'>['status'];

export interface RequestAction {
  readonly toStatus: RequestStatus;
  readonly label: string;
  /** declining says why: the requester is told */
  readonly needsNote: boolean;
  readonly tone: 'primary' | 'danger' | 'plain';
}

const labels: Partial<Record<RequestStatus, string>> = {
  REVIEW: 'Start review',
  APPROVED: 'Approve',
  DECLINED: 'Decline',
  WITHDRAWN: 'Withdraw',
};

/** whether the member decides on requests (request.setStatus and friends: MANAGER and above) */
export function decidesRequests(role: Role | undefined): boolean {
  return role !== undefined && roleAtLeast(role, requestDecidingRole);
}

export function requestActions(role: Role | undefined, status: RequestStatus): RequestAction[] {
  if (!decidesRequests(role)) return [];
  return nextStatuses(status).map((toStatus) => ({
    toStatus,
    // a declined request comes back into review when the requester returns
    label: status === 'DECLINED' && toStatus === 'REVIEW' ? 'Reopen' : (labels[toStatus] ?? toStatus),
    needsNote: toStatus === 'DECLINED',
    tone: toStatus === 'APPROVED' ? 'primary' : toStatus === 'DECLINED' ? 'danger' : 'plain',
  }));
}

/** whether the screen offers "Create event" for this request */
export function mayConvert(role: Role | undefined, status: RequestStatus): boolean {
  return decidesRequests(role) && canConvertToEvent(status);
}

/** whether the member may place, release, challenge holds and set their expiry (MANAGER and above) */
export const managesHolds = decidesRequests;
