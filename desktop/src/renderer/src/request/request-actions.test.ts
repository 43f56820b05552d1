import { describe, expect, it } from 'vitest';
import { mayConvert, requestActions } from './request-actions.js';

const labels = (actions: ReturnType<typeof requestActions>) => actions.map((action) => action.label);

describe('requestActions', () => {
  it('should offer a manager start review, decline and withdraw on a new request', () => {
    expect(labels(requestActions('MANAGER', 'NEW'))).toEqual(['Start review', 'Decline', 'Withdraw']);
  });

  it('should offer an owner approve on a request under review, and ask for a note only to decline', () => {
    const actions = requestActions('OWNER', 'REVIEW');
    expect(labels(actions)).toEqual(['Approve', 'Decline', 'Withdraw']);
    expect(actions.filter((action) => action.needsNote).map((action) => action.toStatus)).toEqual(['DECLINED']);
  });

  it('should call moving a declined request back into review reopening it', () => {
    expect(labels(requestActions('MANAGER', 'DECLINED'))).toEqual(['Reopen']);
  });

  it('should offer nothing on a scheduled or withdrawn request', () => {
    expect(requestActions('MANAGER', 'SCHEDULED')).toEqual([]);
    expect(requestActions('MANAGER', 'WITHDRAWN')).toEqual([]);
  });

  it('should offer staff, promoters and the signed-out no decisions', () => {
    expect(requestActions('STAFF', 'NEW')).toEqual([]);
    expect(requestActions('PROMOTER', 'REVIEW')).toEqual([]);
    expect(requestActions(undefined, 'NEW')).toEqual([]);
  });
});

describe('mayConvert', () => {
  it('should let a manager turn only an approved request into an event', () => {
    expect(mayConvert('MANAGER', 'APPROVED')).toBe(true);
    expect(mayConvert('MANAGER', 'REVIEW')).toBe(false);
    expect(mayConvert('STAFF', 'APPROVED')).toBe(false);
  });
});
