import { describe, expect, it } from 'vitest';
import type { Row } from './define.js';
import { holdChallenge, holdPlace, holdRelease, holdSetExpiry, rankName } from './holds.js';
import { MemoryRows } from './testing/memory-reader.js';
import { VENUE, OTHER_VENUE, REQUEST, HOLD, USER, AT, context, id } from './testing/fixtures.js';

const DATE = '2026-07-03';

function request(requestId: string, status = 'REVIEW', venueId = VENUE): Row {
  return { id: requestId, venue_id: venueId, status, event_title: 'Summer Night' };
}

function hold(n: number, rank: number, extra: Row = {}): Row {
  return {
    id: id(n),
    venue_id: VENUE,
    request_id: id(1000 + n),
    hold_date: DATE,
    rank,
    status: 'ACTIVE',
    released_at: null,
    release_reason: null,
    updated_at: '2026-05-01T10:00:00+00:00',
    ...extra,
  };
}

function place(args: Record<string, unknown>, memory: MemoryRows) {
  const parsed = holdPlace.args.parse({ holdId: HOLD, requestId: REQUEST, holdDate: DATE, ...args });
  return holdPlace.plan(parsed, context, memory);
}

function release(args: Record<string, unknown>, memory: MemoryRows) {
  return holdRelease.plan(holdRelease.args.parse(args), context, memory);
}

const activeRanks = (memory: MemoryRows) =>
  Object.fromEntries(
    memory.tables
      .get('holds')!
      .filter((h) => h.status === 'ACTIVE' && h.venue_id === VENUE && h.hold_date === DATE)
      .map((h) => [h.id, h.rank]),
  );

describe('hold.place', () => {
  it('should place the first hold on a date at rank 1', async () => {
    const writes = await place(
      { expiresAt: '2026-06-15T00:00:00Z' },
      new MemoryRows({ event_requests: [request(REQUEST)] }),
    );
    expect(writes).toEqual([
      {
        op: 'insert',
        table: 'holds',
        row: {
          id: HOLD,
          venue_id: VENUE,
          request_id: REQUEST,
          hold_date: DATE,
          rank: 1,
          status: 'ACTIVE',
          expires_at: '2026-06-15T00:00:00Z',
          challenged_by_hold_id: null,
          challenge_deadline: null,
          released_at: null,
          release_reason: null,
          event_id: null,
          created_by: USER,
          created_at: AT,
          updated_at: AT,
        },
      },
    ]);
  });

  it('should queue a new hold behind the active ones on the same venue and date', async () => {
    const memory = new MemoryRows({
      event_requests: [request(REQUEST)],
      holds: [
        hold(1, 1),
        hold(2, 2),
        // none of these hold a place in the queue
        hold(3, 3, { status: 'RELEASED' }),
        hold(4, 1, { status: 'EXPIRED' }),
        hold(5, 1, { hold_date: '2026-07-04' }),
        hold(6, 1, { venue_id: OTHER_VENUE }),
      ],
    });
    const writes = await place({}, memory);
    expect(writes[0]).toMatchObject({ op: 'insert', row: { rank: 3, expires_at: null } });
  });

  it('should let each of the statuses still being decided hold a date', async () => {
    for (const status of ['NEW', 'REVIEW', 'APPROVED']) {
      const writes = await place({}, new MemoryRows({ event_requests: [request(REQUEST, status)] }));
      expect(writes).toHaveLength(1);
    }
  });

  it('should refuse a request that is declined, withdrawn or already scheduled', async () => {
    for (const status of ['DECLINED', 'WITHDRAWN', 'SCHEDULED']) {
      await expect(place({}, new MemoryRows({ event_requests: [request(REQUEST, status)] }))).rejects.toMatchObject({
        name: 'RuleViolation',
        message: `a ${status} request cannot hold a date`,
      });
    }
  });

  it('should refuse a request that no longer exists', async () => {
    await expect(place({}, new MemoryRows())).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'the request no longer exists',
    });
  });

  it('should refuse a second active hold of the same request on the same date', async () => {
    const memory = new MemoryRows({ event_requests: [request(REQUEST)], holds: [hold(1, 1, { request_id: REQUEST })] });
    await expect(place({}, memory)).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'this request already holds 2026-07-03',
    });
  });

  it('should let a request hold a date again after its earlier hold was released', async () => {
    const memory = new MemoryRows({
      event_requests: [request(REQUEST)],
      holds: [hold(1, 1, { request_id: REQUEST, status: 'RELEASED' }), hold(2, 1)],
    });
    expect(await place({}, memory)).toMatchObject([{ row: { rank: 2 } }]);
  });

  it('should refuse a hold id that is already taken', async () => {
    const memory = new MemoryRows({ event_requests: [request(REQUEST)], holds: [hold(1, 1, { id: HOLD })] });
    await expect(place({ holdDate: '2026-08-01' }, memory)).rejects.toMatchObject({
      message: 'a hold with this id already exists',
    });
  });

  describe('arguments', () => {
    const refused = (args: Record<string, unknown>) => {
      const result = holdPlace.args.safeParse({ holdId: HOLD, requestId: REQUEST, holdDate: DATE, ...args });
      expect(result.success).toBe(false);
      return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };

    it('should refuse a date that is not on the calendar', () => {
      expect(refused({ holdDate: '2026-02-30' })).toEqual(['holdDate: must be a date as YYYY-MM-DD']);
      expect(refused({ holdDate: '3 July' })).toEqual(['holdDate: must be a date as YYYY-MM-DD']);
    });

    it('should refuse an expiry without a zone offset', () => {
      expect(refused({ expiresAt: '2026-06-15T00:00:00' })).toEqual([
        'expiresAt: must be a timestamp with a time zone offset',
      ]);
    });

    it('should refuse ids that are not uuids', () => {
      expect(refused({ holdId: 'h1', requestId: 'r1' })).toEqual([
        'holdId: must be a uuid',
        'requestId: must be a uuid',
      ]);
    });
  });
});

describe('hold.release', () => {
  it('should release the hold with the reason and when', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1)] });
    expect(await release({ holdId: id(1), reason: 'artist chose another city' }, memory)).toEqual([
      {
        op: 'update',
        table: 'holds',
        id: id(1),
        set: { status: 'RELEASED', released_at: AT, release_reason: 'artist chose another city', updated_at: AT },
      },
    ]);
  });

  it('should record no reason when none is given', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1)] });
    expect(await release({ holdId: id(1) }, memory)).toMatchObject([{ set: { release_reason: null } }]);
  });

  it('should move every lower hold on the date up one place', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1), hold(2, 2), hold(3, 3), hold(4, 4)] });
    const writes = await release({ holdId: id(2) }, memory);
    expect(writes.slice(1)).toEqual([
      { op: 'update', table: 'holds', id: id(3), set: { rank: 2, updated_at: AT } },
      { op: 'update', table: 'holds', id: id(4), set: { rank: 3, updated_at: AT } },
    ]);
    memory.apply(writes);
    expect(activeRanks(memory)).toEqual({ [id(1)]: 1, [id(3)]: 2, [id(4)]: 3 });
  });

  it('should make the 2nd hold the 1st when the 1st is released, and queue a new hold after the rest', async () => {
    const memory = new MemoryRows({ event_requests: [request(REQUEST)], holds: [hold(1, 1), hold(2, 2), hold(3, 3)] });
    memory.apply(await release({ holdId: id(1) }, memory));
    expect(activeRanks(memory)).toEqual({ [id(2)]: 1, [id(3)]: 2 });
    memory.apply(await place({}, memory));
    expect(activeRanks(memory)).toEqual({ [id(2)]: 1, [id(3)]: 2, [HOLD]: 3 });
  });

  it('should move nothing when the last hold is released', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1), hold(2, 2)] });
    expect(await release({ holdId: id(2) }, memory)).toHaveLength(1);
  });

  it('should leave holds on other dates, other venues and ended holds where they are', async () => {
    const memory = new MemoryRows({
      holds: [
        hold(1, 1),
        hold(2, 2, { hold_date: '2026-07-04' }),
        hold(3, 2, { venue_id: OTHER_VENUE }),
        hold(4, 3, { status: 'RELEASED' }),
        hold(5, 2),
      ],
    });
    const writes = await release({ holdId: id(1) }, memory);
    expect(writes.slice(1)).toEqual([{ op: 'update', table: 'holds', id: id(5), set: { rank: 1, updated_at: AT } }]);
  });

  it('should refuse a hold that has already ended, saying how', async () => {
    const ended = {
      RELEASED: 'this hold was already released',
      CONVERTED: 'this hold was already converted into an event',
      EXPIRED: 'this hold has already expired',
    };
    for (const [status, message] of Object.entries(ended)) {
      const memory = new MemoryRows({ holds: [hold(1, 1, { status })] });
      await expect(release({ holdId: id(1) }, memory)).rejects.toMatchObject({ name: 'RuleViolation', message });
    }
  });

  it('should refuse a hold that no longer exists', async () => {
    await expect(release({ holdId: id(1) }, new MemoryRows())).rejects.toMatchObject({
      message: 'the hold no longer exists',
    });
  });

  it('should refuse a reason over 2000 characters and a hold id that is not a uuid', () => {
    const long = holdRelease.args.safeParse({ holdId: id(1), reason: 'x'.repeat(2001) });
    expect(long.error?.issues.map((i) => i.message)).toEqual(['must be at most 2000 characters']);
    const bad = holdRelease.args.safeParse({ holdId: 'hold-1' });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['must be a uuid']);
  });
});

describe('hold.challenge', () => {
  const DEADLINE = '2026-06-05T17:00:00Z';
  const challenge = (args: Record<string, unknown>, memory: MemoryRows) =>
    holdChallenge.plan(holdChallenge.args.parse({ deadline: DEADLINE, ...args }), context, memory);

  it('should mark the 1st hold as challenged by the lower hold, with the deadline, and tell its promoter', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1), hold(2, 2), hold(3, 3)] });
    expect(await challenge({ holdId: id(3) }, memory)).toEqual([
      {
        op: 'update',
        table: 'holds',
        id: id(1),
        set: { challenged_by_hold_id: id(3), challenge_deadline: DEADLINE, updated_at: AT },
      },
      {
        op: 'enqueue',
        kind: 'hold.challenged',
        payload: {
          holdId: id(1),
          challengerHoldId: id(3),
          requestId: id(1001),
          challengerRequestId: id(1003),
          venueId: VENUE,
          holdDate: DATE,
          deadline: DEADLINE,
        },
      },
    ]);
  });

  it('should let the same challenger move its deadline', async () => {
    const memory = new MemoryRows({
      holds: [hold(1, 1, { challenged_by_hold_id: id(2), challenge_deadline: '2026-06-03T00:00:00Z' }), hold(2, 2)],
    });
    expect(await challenge({ holdId: id(2) }, memory)).toMatchObject([{ set: { challenge_deadline: DEADLINE } }, {}]);
  });

  it('should refuse a second challenger while the first challenge stands', async () => {
    const memory = new MemoryRows({
      holds: [hold(1, 1, { challenged_by_hold_id: id(2) }), hold(2, 2), hold(3, 3)],
    });
    await expect(challenge({ holdId: id(3) }, memory)).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'the 1st hold is already challenged by another hold',
    });
  });

  it('should refuse the 1st hold challenging itself', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1), hold(2, 2)] });
    await expect(challenge({ holdId: id(1) }, memory)).rejects.toMatchObject({
      message: 'this hold is already the 1st hold on its date',
    });
  });

  it('should refuse a deadline that has already passed', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1), hold(2, 2)] });
    await expect(challenge({ holdId: id(2), deadline: AT }, memory)).rejects.toMatchObject({
      message: 'the deadline to answer the challenge must be in the future',
    });
  });

  it('should refuse a challenger that has ended, and one that no longer exists', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1), hold(2, 2, { status: 'RELEASED' })] });
    await expect(challenge({ holdId: id(2) }, memory)).rejects.toMatchObject({
      message: 'this hold was already released',
    });
    await expect(challenge({ holdId: id(9) }, memory)).rejects.toMatchObject({
      message: 'the hold no longer exists',
    });
  });

  it('should refuse a deadline without a zone offset', () => {
    const result = holdChallenge.args.safeParse({ holdId: id(2), deadline: '2026-06-05T17:00' });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'deadline: must be a timestamp with a time zone offset',
    ]);
  });

  it('should withdraw the challenge when the challenger is released, and move it up', async () => {
    const memory = new MemoryRows({
      holds: [hold(1, 1, { challenged_by_hold_id: id(3), challenge_deadline: DEADLINE }), hold(2, 2), hold(3, 3)],
    });
    const writes = await release({ holdId: id(3) }, memory);
    expect(writes.slice(1)).toEqual([
      {
        op: 'update',
        table: 'holds',
        id: id(1),
        set: { challenged_by_hold_id: null, challenge_deadline: null, updated_at: AT },
      },
    ]);
  });

  it('should make the challenger the 1st hold when the challenged hold answers by releasing', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1), hold(2, 2)] });
    memory.apply(await challenge({ holdId: id(2) }, memory));
    memory.apply(await release({ holdId: id(1), reason: 'answered the challenge' }, memory));
    expect(activeRanks(memory)).toEqual({ [id(2)]: 1 });
  });
});

describe('hold.setExpiry', () => {
  const setExpiry = (args: Record<string, unknown>, memory: MemoryRows) =>
    holdSetExpiry.plan(holdSetExpiry.args.parse({ holdId: id(1), ...args }), context, memory);

  it('should set when the hold expires', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1, { expires_at: null })] });
    expect(await setExpiry({ expiresAt: '2026-06-10T00:00:00Z' }, memory)).toEqual([
      { op: 'update', table: 'holds', id: id(1), set: { expires_at: '2026-06-10T00:00:00Z', updated_at: AT } },
    ]);
  });

  it('should take the expiry away with null', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1, { expires_at: '2026-06-10T00:00:00+00:00' })] });
    expect(await setExpiry({ expiresAt: null }, memory)).toEqual([
      { op: 'update', table: 'holds', id: id(1), set: { expires_at: null, updated_at: AT } },
    ]);
  });

  it('should change nothing when the expiry is already the same instant', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1, { expires_at: '2026-06-10T02:00:00+02:00' })] });
    expect(await setExpiry({ expiresAt: '2026-06-10T00:00:00Z' }, memory)).toEqual([]);
  });

  it('should refuse an expiry in the past', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1)] });
    await expect(setExpiry({ expiresAt: '2026-05-01T00:00:00Z' }, memory)).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'a hold’s expiry must be in the future (release the hold to end it now)',
    });
  });

  it('should refuse a hold that has ended', async () => {
    const memory = new MemoryRows({ holds: [hold(1, 1, { status: 'EXPIRED' })] });
    await expect(setExpiry({ expiresAt: '2026-06-10T00:00:00Z' }, memory)).rejects.toMatchObject({
      message: 'this hold has already expired',
    });
  });

  it('should require the expiry to be named, as a timestamp or null', () => {
    expect(holdSetExpiry.args.safeParse({ holdId: id(1) }).success).toBe(false);
    expect(holdSetExpiry.args.safeParse({ holdId: id(1), expiresAt: 'tomorrow' }).success).toBe(false);
  });
});

describe('rankName', () => {
  it('should name ranks as people say them', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(rankName)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
