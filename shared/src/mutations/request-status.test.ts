import { describe, expect, it } from 'vitest';
import { requestStatuses, type RequestStatus } from '../entities/booking.js';
import { canConvertToEvent, canMoveRequest, nextStatuses } from './request-status.js';

// The moves a manager may make, written out again here so that a change to the table in
// request-status.ts has to be made twice, on purpose.
const allowed = new Set([
  'NEW→REVIEW',
  'NEW→DECLINED',
  'NEW→WITHDRAWN',
  'REVIEW→APPROVED',
  'REVIEW→DECLINED',
  'REVIEW→WITHDRAWN',
  'APPROVED→WITHDRAWN',
  'APPROVED→DECLINED',
  'DECLINED→REVIEW',
]);

describe('the request state machine', () => {
  for (const from of requestStatuses) {
    for (const to of requestStatuses) {
      const move = `${from}→${to}`;
      const expected = allowed.has(move);
      it(`should ${expected ? 'allow' : 'refuse'} ${move}`, () => {
        expect(canMoveRequest(from, to)).toBe(expected);
      });
    }
  }

  it('should offer in the status menu exactly the allowed moves', () => {
    for (const from of requestStatuses) {
      const expected = requestStatuses.filter((to) => allowed.has(`${from}→${to}`));
      expect([...nextStatuses(from)].sort()).toEqual([...expected].sort());
    }
  });

  it('should never offer SCHEDULED, which only turning a request into an event reaches', () => {
    for (const from of requestStatuses) expect(nextStatuses(from)).not.toContain('SCHEDULED' satisfies RequestStatus);
  });

  it('should treat SCHEDULED and WITHDRAWN as final', () => {
    expect(nextStatuses('SCHEDULED')).toEqual([]);
    expect(nextStatuses('WITHDRAWN')).toEqual([]);
  });

  it('should let only an APPROVED request become an event', () => {
    expect(requestStatuses.filter(canConvertToEvent)).toEqual(['APPROVED']);
  });
});
