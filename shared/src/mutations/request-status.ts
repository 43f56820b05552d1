// The request state machine: which status a manager may move a request to from which.
//
//   NEW ──▶ REVIEW ──▶ APPROVED ┄┄▶ SCHEDULED   (only by turning it into an event, not here)
//
//   NEW | REVIEW | APPROVED ──▶ DECLINED ──▶ REVIEW   (reopened when the requester comes back)
//   NEW | REVIEW | APPROVED ──▶ WITHDRAWN              (the requester pulled out)
//
// SCHEDULED and WITHDRAWN are final. Staying in the same status is not a move.
//
// Only an APPROVED request becomes an event (request.convertToEvent): approving is the decision
// the requester is told about, scheduling is the paperwork that follows, and keeping them apart
// means an event never appears for a request nobody approved. A request under review is
// approved first (two edits, queued in order, when the manager does both at once).
import type { RequestStatus } from '../entities/booking.js';
import { roleAtLeast, type Role } from '../roles.js';

/** Every status a manager may move a request to, by the status it is in. */
export const requestMoves: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  NEW: ['REVIEW', 'DECLINED', 'WITHDRAWN'],
  REVIEW: ['APPROVED', 'DECLINED', 'WITHDRAWN'],
  APPROVED: ['DECLINED', 'WITHDRAWN'],
  DECLINED: ['REVIEW'],
  SCHEDULED: [],
  WITHDRAWN: [],
};

/** The lowest role that decides on requests (moves them, turns them into events). */
export const requestDecidingRole: Role = 'MANAGER';

export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return requestMoves[from].includes(to);
}

/** What the status menu offers for a request in this status. */
export function nextStatuses(from: RequestStatus): readonly RequestStatus[] {
  return requestMoves[from];
}

/** Whether a member with this role may move a request from one status to the other. */
export function mayMoveRequest(role: Role, from: RequestStatus, to: RequestStatus): boolean {
  return roleAtLeast(role, requestDecidingRole) && canMoveRequest(from, to);
}

/** Whether a request in this status may be turned into an event (APPROVED → SCHEDULED). */
export function canConvertToEvent(status: RequestStatus): boolean {
  return status === 'APPROVED';
}
