import { describe, expect, it } from 'vitest';
import { requestStatuses, type RequestStatus } from '../entities/booking.js';
import { MemoryRows } from './testing/memory-reader.js';
import { roleAtLeast, roles, type Role } from '../roles.js';
import { canMoveRequest, mayMoveRequest } from './request-status.js';
import { requestSetStatus } from './requests.js';
import { REQUEST, DECISION, USER, AT, context } from './testing/fixtures.js';

function rows(status: string, extra: Partial<ConstructorParameters<typeof MemoryRows>[0]> = {}) {
  return new MemoryRows({ event_requests: [{ id: REQUEST, status, event_title: 'Summer Night' }], ...extra });
}

function setStatus(args: Record<string, unknown>, memory: MemoryRows) {
  const parsed = requestSetStatus.args.parse({ requestId: REQUEST, decisionId: DECISION, ...args });
  return requestSetStatus.plan(parsed, context, memory);
}

describe('request.setStatus', () => {
  it('should move the request and log the decision with who made it', async () => {
    const writes = await setStatus({ toStatus: 'REVIEW', note: 'looks promising' }, rows('NEW'));
    expect(writes).toEqual([
      { op: 'update', table: 'event_requests', id: REQUEST, set: { status: 'REVIEW', updated_at: AT } },
      {
        op: 'insert',
        table: 'decision_logs',
        row: {
          id: DECISION,
          request_id: REQUEST,
          from_status: 'NEW',
          to_status: 'REVIEW',
          note: 'looks promising',
          actor_user_id: USER,
          created_at: AT,
        },
      },
      {
        op: 'enqueue',
        kind: 'request.status_changed',
        payload: {
          requestId: REQUEST,
          fromStatus: 'NEW',
          toStatus: 'REVIEW',
          note: 'looks promising',
          actorUserId: USER,
        },
      },
    ]);
  });

  it('should enqueue the status email with a null note when none is given', async () => {
    const writes = await setStatus({ toStatus: 'WITHDRAWN' }, rows('APPROVED'));
    expect(writes[2]).toEqual({
      op: 'enqueue',
      kind: 'request.status_changed',
      payload: { requestId: REQUEST, fromStatus: 'APPROVED', toStatus: 'WITHDRAWN', note: null, actorUserId: USER },
    });
  });

  it('should log a null note when none is given', async () => {
    const writes = await setStatus({ toStatus: 'APPROVED' }, rows('REVIEW'));
    expect(writes[1]).toMatchObject({ row: { from_status: 'REVIEW', to_status: 'APPROVED', note: null } });
  });

  it('should decline with the reason in the log', async () => {
    const writes = await setStatus({ toStatus: 'DECLINED', note: 'the date is taken' }, rows('REVIEW'));
    expect(writes[1]).toMatchObject({ row: { to_status: 'DECLINED', note: 'the date is taken' } });
  });

  it('should go ahead when the status is the one the user saw', async () => {
    const writes = await setStatus({ toStatus: 'APPROVED', expectedStatus: 'REVIEW' }, rows('REVIEW'));
    expect(writes).toHaveLength(3);
  });

  it('should refuse when someone else changed the request since the user saw it', async () => {
    const memory = rows('DECLINED');
    await expect(setStatus({ toStatus: 'APPROVED', expectedStatus: 'REVIEW' }, memory)).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'someone changed this request to DECLINED meanwhile',
    });
  });

  it('should refuse setting SCHEDULED, which comes from turning the request into an event', async () => {
    await expect(setStatus({ toStatus: 'SCHEDULED' }, rows('APPROVED'))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'a request is scheduled by turning it into an event, not by setting its status',
    });
  });

  it('should refuse moving a request to the status it already has', async () => {
    await expect(setStatus({ toStatus: 'REVIEW' }, rows('REVIEW'))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'this request is already REVIEW',
    });
  });

  it('should refuse a move the state machine does not allow', async () => {
    await expect(setStatus({ toStatus: 'REVIEW' }, rows('WITHDRAWN'))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'a WITHDRAWN request cannot be moved to REVIEW',
    });
  });

  it('should refuse a request that no longer exists', async () => {
    await expect(setStatus({ toStatus: 'REVIEW' }, new MemoryRows())).rejects.toMatchObject({
      message: 'the request no longer exists',
    });
  });

  it('should refuse a decision id that is already taken', async () => {
    const memory = rows('NEW', { decision_logs: [{ id: DECISION, request_id: REQUEST }] });
    await expect(setStatus({ toStatus: 'REVIEW' }, memory)).rejects.toMatchObject({
      message: 'a decision with this id already exists',
    });
  });

  it('should follow the state machine for every pair of statuses', async () => {
    for (const from of requestStatuses) {
      for (const to of requestStatuses) {
        const planned = setStatus({ toStatus: to, note: 'because' }, rows(from));
        if (canMoveRequest(from, to)) {
          const writes = await planned;
          expect(writes[0]).toEqual({
            op: 'update',
            table: 'event_requests',
            id: REQUEST,
            set: { status: to, updated_at: AT },
          });
        } else {
          await expect(planned, `${from}→${to}`).rejects.toMatchObject({ name: 'RuleViolation' });
        }
      }
    }
  });

  it('should describe each decision in the user’s words', () => {
    const describeMove = (toStatus: string, note?: string) =>
      requestSetStatus.describe(
        requestSetStatus.args.parse({ requestId: REQUEST, decisionId: DECISION, toStatus, note }),
      );
    expect(describeMove('APPROVED')).toBe('Approve a request');
    expect(describeMove('DECLINED', 'no')).toBe('Decline a request');
    expect(describeMove('WITHDRAWN')).toBe('Withdraw a request');
    expect(describeMove('REVIEW')).toBe('Put a request under review');
  });

  describe('arguments', () => {
    const refused = (args: Record<string, unknown>) => {
      const result = requestSetStatus.args.safeParse({ requestId: REQUEST, decisionId: DECISION, ...args });
      expect(result.success).toBe(false);
      return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };

    it('should refuse declining without saying why', () => {
      expect(refused({ toStatus: 'DECLINED' })).toEqual(['note: say why the request is declined']);
      expect(refused({ toStatus: 'DECLINED', note: null })).toEqual(['note: say why the request is declined']);
      expect(refused({ toStatus: 'DECLINED', note: '   ' })).toEqual(['note: say why the request is declined']);
    });

    it('should refuse a note over 5000 characters', () => {
      expect(refused({ toStatus: 'REVIEW', note: 'x'.repeat(5001) })).toEqual([
        'note: must be at most 5000 characters',
      ]);
    });

    it('should refuse an unknown status', () => {
      expect(refused({ toStatus: 'MAYBE' })).toHaveLength(1);
      expect(refused({ toStatus: 'REVIEW', expectedStatus: 'MAYBE' })).toHaveLength(1);
    });

    it('should refuse ids that are not uuids', () => {
      expect(refused({ requestId: 'r1', decisionId: 'd1', toStatus: 'REVIEW' })).toEqual([
        'requestId: must be a uuid',
        'decisionId: must be a uuid',
      ]);
    });
  });
});

describe('every transition by every role', () => {
  // written out again on purpose: the state machine in request-status.ts, seen from outside
  const moves = new Set([
    'NEW→REVIEW',
    'NEW→DECLINED',
    'NEW→WITHDRAWN',
    'REVIEW→APPROVED',
    'REVIEW→DECLINED',
    'REVIEW→WITHDRAWN',
    'APPROVED→DECLINED',
    'APPROVED→WITHDRAWN',
    'DECLINED→REVIEW',
  ]);
  const deciders = new Set<Role>(['OWNER', 'MANAGER']);

  /** what the relay does with the edit: its role gate, then the plan */
  async function attempt(
    role: Role,
    from: RequestStatus,
    to: RequestStatus,
  ): Promise<'applied' | 'forbidden' | 'rule'> {
    if (!roleAtLeast(role, requestSetStatus.minimumRole)) return 'forbidden';
    try {
      await setStatus({ toStatus: to, note: 'because' }, rows(from));
      return 'applied';
    } catch (error) {
      if ((error as Error).name === 'RuleViolation') return 'rule';
      throw error;
    }
  }

  for (const role of roles) {
    for (const from of requestStatuses) {
      for (const to of requestStatuses) {
        const allowed = deciders.has(role) && moves.has(`${from}→${to}`);
        it(`should ${allowed ? 'let' : 'not let'} ${role} move a ${from} request to ${to}`, async () => {
          const outcome = await attempt(role, from, to);
          expect(outcome).toBe(allowed ? 'applied' : deciders.has(role) ? 'rule' : 'forbidden');
          // what the UI asks before offering the move
          expect(mayMoveRequest(role, from, to)).toBe(allowed);
        });
      }
    }
  }
});
