// Deciding on a request: review, approve, decline, withdraw or reopen it. Each decision is kept
// in the decision log with who made it and why, so the history survives later changes, and
// enqueues the job that tells the requester:
//   request.status_changed { requestId, fromStatus, toStatus, note, actorUserId }
import { z } from 'zod';
import { RequestStatus } from '../entities/booking.js';
import { text, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation } from './define.js';
import { canMoveRequest, requestDecidingRole } from './request-status.js';

const verbs: Record<RequestStatus, string> = {
  NEW: 'Mark a request as new',
  REVIEW: 'Put a request under review',
  APPROVED: 'Approve a request',
  DECLINED: 'Decline a request',
  SCHEDULED: 'Schedule a request',
  WITHDRAWN: 'Withdraw a request',
};

export const requestSetStatus = defineMutation({
  name: 'request.setStatus',
  minimumRole: requestDecidingRole,
  args: z
    .object({
      requestId: uuid,
      /** made by the device: the decision log row's id, the same on both sides */
      decisionId: uuid,
      toStatus: RequestStatus,
      note: text({ max: 5000 }).nullable().optional(),
      /** the status the user saw when deciding; a different one now means someone else decided */
      expectedStatus: RequestStatus.optional(),
    })
    .refine((a) => a.toStatus !== 'DECLINED' || (a.note ?? '').trim() !== '', {
      message: 'say why the request is declined',
      path: ['note'],
    }),
  subject: (args) => ({ table: 'event_requests', id: args.requestId }),
  describe: (args) => verbs[args.toStatus],
  async plan(args, context, read) {
    const request = await mustGet(read, 'event_requests', args.requestId, 'the request');
    const from = request.status as RequestStatus;
    if (args.expectedStatus !== undefined && from !== args.expectedStatus)
      throw new RuleViolation(`someone changed this request to ${from} meanwhile`);
    if (args.toStatus === 'SCHEDULED')
      throw new RuleViolation('a request is scheduled by turning it into an event, not by setting its status');
    if (from === args.toStatus) throw new RuleViolation(`this request is already ${from}`);
    if (!canMoveRequest(from, args.toStatus))
      throw new RuleViolation(`a ${from} request cannot be moved to ${args.toStatus}`);
    if (await read.get('decision_logs', args.decisionId))
      throw new RuleViolation('a decision with this id already exists');
    return [
      {
        op: 'update',
        table: 'event_requests',
        id: args.requestId,
        set: { status: args.toStatus, updated_at: context.at },
      },
      {
        op: 'insert',
        table: 'decision_logs',
        row: {
          id: args.decisionId,
          request_id: args.requestId,
          from_status: from,
          to_status: args.toStatus,
          note: args.note ?? null,
          actor_user_id: context.userId,
          created_at: context.at,
        },
      },
      {
        op: 'enqueue',
        kind: 'request.status_changed',
        payload: {
          requestId: args.requestId,
          fromStatus: from,
          toStatus: args.toStatus,
          note: args.note ?? null,
          actorUserId: context.userId,
        },
      },
    ];
  },
});
