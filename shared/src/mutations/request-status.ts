// The request state machine: which status a manager may move a request to from which.
//
//   NEW ──▶ REVIEW ──▶ APPROVED ┄┄▶ SCHEDULED   (only by turning it into an event, not here)
//
//   NEW | REVIEW | APPROVED ──▶ DECLINED ──▶ REVIEW   (reopened when the requester comes back)
//   NEW | REVIEW | APPROVED ──▶ WITHDRAWN              (the requester pulled out)
//
// SCHEDULED and WITHDRAWN are final. Staying in the same status is not a move.
import type { RequestStatus } from '../entities/booking.js';

/** Every status a manager may move a request to, by the status it is in. */
export const requestMoves: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  NEW: ['REVIEW', 'DECLINED', 'WITHDRAWN'],
  REVIEW: ['APPROVED', 'DECLINED', 'WITHDRAWN'],
  APPROVED: ['DECLINED', 'WITHDRAWN'],
  DECLINED: ['REVIEW'],
  SCHEDULED: [],
  WITHDRAWN: [],
};

export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return requestMoves[from].includes(to);
}

/** What the status menu offers for a request in this status. */
export function nextStatuses(from: RequestStatus): readonly RequestStatus[] {
  return requestMoves[from];
}
