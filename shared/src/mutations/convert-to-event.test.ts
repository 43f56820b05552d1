import { describe, expect, it } from 'vitest';
import { firstConfirmationId } from './confirmation-sends.js';
import { requestConvertToEvent, daysBefore, templateTaskId } from './convert-to-event.js';
import type { PlannedWrite, Row } from './define.js';
import { derivedId } from './derived-id.js';
import { MemoryRows } from './testing/memory-reader.js';
import { VENUE, OTHER_VENUE, REQUEST, DECISION, EVENT, HOLD, USER, AT, context } from './testing/fixtures.js';

const OTHER_REQUEST = '00000000-0000-4000-8000-00000000c002';
const OTHER_HOLD = '00000000-0000-4000-8000-00000000a002';
const PROMOTER = '00000000-0000-4000-8000-0000000000b7';
const template = (n: number, extra: Row = {}): Row => ({
  id: `00000000-0000-4000-8000-00000000d00${n}`,
  title: `Task ${n}`,
  description: null,
  default_due_days: 7,
  position: n,
  active: true,
  ...extra,
});

// 20:00 on 3 July in New York is already the 4th in UTC
const times = { doorsAt: '2026-07-03T23:00:00Z', showAt: '2026-07-04T00:00:00Z', endsAt: '2026-07-04T03:00:00Z' };

function world(extra: Partial<Record<'holds' | 'events' | 'task_templates' | 'event_requests', Row[]>> = {}) {
  return new MemoryRows({
    venues: [
      { id: VENUE, timezone: 'America/New_York', capacity: 900 },
      { id: OTHER_VENUE, timezone: 'Europe/Berlin', capacity: 400 },
    ],
    event_requests: [
      { id: REQUEST, venue_id: VENUE, status: 'APPROVED', promoter_user_id: PROMOTER },
      { id: OTHER_REQUEST, venue_id: VENUE, status: 'REVIEW', promoter_user_id: null },
      ...(extra.event_requests ?? []),
    ],
    holds: extra.holds ?? [],
    events: extra.events ?? [],
    task_templates: extra.task_templates ?? [],
  });
}

function hold(id: string, rank: number, extra: Row = {}): Row {
  return {
    id,
    venue_id: VENUE,
    request_id: id === HOLD ? REQUEST : OTHER_REQUEST,
    hold_date: '2026-07-03',
    rank,
    status: 'ACTIVE',
    challenged_by_hold_id: null,
    ...extra,
  };
}

function convert(args: Record<string, unknown>, memory: MemoryRows) {
  const parsed = requestConvertToEvent.args.parse({
    requestId: REQUEST,
    eventId: EVENT,
    decisionId: DECISION,
    title: 'Summer Night',
    artistName: 'The Test Pattern',
    ...times,
    ...args,
  });
  return requestConvertToEvent.plan(parsed, context, memory);
}

const ofTable = (writes: PlannedWrite[], table: string) =>
  writes.filter((w) => 'table' in w && w.table === table) as Extract<PlannedWrite, { table: string }>[];
const dueDates = (writes: PlannedWrite[]) =>
  ofTable(writes, 'event_tasks').map((w) => (w as { row: Row }).row.due_date);

describe('request.convertToEvent', () => {
  it('should confirm the event, schedule the request, convert its hold, make the checklist and enqueue the confirmation', async () => {
    const memory = world({
      holds: [hold(HOLD, 1)],
      task_templates: [
        template(1, { default_due_days: 14, description: 'tech rider, stage plot' }),
        template(2, { default_due_days: 1 }),
        template(3, { active: false }),
      ],
    });
    const writes = await convert({ capacityOverride: 850 }, memory);
    expect(writes).toEqual([
      {
        op: 'insert',
        table: 'events',
        row: {
          id: EVENT,
          venue_id: VENUE,
          request_id: REQUEST,
          title: 'Summer Night',
          artist_name: 'The Test Pattern',
          status: 'CONFIRMED',
          show_date: '2026-07-03',
          doors_at: times.doorsAt,
          show_at: times.showAt,
          ends_at: times.endsAt,
          capacity_override: 850,
          promoter_user_id: PROMOTER,
          notes: null,
          created_at: AT,
          updated_at: AT,
        },
      },
      { op: 'update', table: 'event_requests', id: REQUEST, set: { status: 'SCHEDULED', updated_at: AT } },
      {
        op: 'insert',
        table: 'decision_logs',
        row: {
          id: DECISION,
          request_id: REQUEST,
          from_status: 'APPROVED',
          to_status: 'SCHEDULED',
          note: null,
          actor_user_id: USER,
          created_at: AT,
        },
      },
      { op: 'update', table: 'holds', id: HOLD, set: { status: 'CONVERTED', event_id: EVENT, updated_at: AT } },
      {
        op: 'insert',
        table: 'event_tasks',
        row: {
          id: derivedId(EVENT, template(1).id as string),
          event_id: EVENT,
          template_id: template(1).id,
          title: 'Task 1',
          description: 'tech rider, stage plot',
          assignee_user_id: null,
          due_date: '2026-06-19',
          completed_at: null,
          completed_by: null,
          position: 0,
          created_at: AT,
          updated_at: AT,
        },
      },
      {
        op: 'insert',
        table: 'event_tasks',
        row: expect.objectContaining({ template_id: template(2).id, due_date: '2026-07-02', position: 1 }),
      },
      {
        op: 'insert',
        table: 'confirmation_sends',
        row: expect.objectContaining({
          id: firstConfirmationId(EVENT),
          event_id: EVENT,
          revised: false,
          status: 'QUEUED',
          requested_by: USER,
          recipients: [],
          written_at: null,
          created_at: AT,
        }),
      },
      {
        op: 'enqueue',
        kind: 'event.confirmed',
        payload: {
          eventId: EVENT,
          sendId: firstConfirmationId(EVENT),
          revised: false,
          requestId: REQUEST,
          venueId: VENUE,
          showDate: '2026-07-03',
          holdId: HOLD,
          overrideReason: null,
        },
      },
    ]);
  });

  it('should make the same task ids on every device that plans it', async () => {
    const templates = [template(1), template(2)];
    const first = await convert({}, world({ task_templates: templates }));
    const second = await convert({}, world({ task_templates: templates }));
    const ids = (writes: PlannedWrite[]) => ofTable(writes, 'event_tasks').map((w) => (w as { row: Row }).row.id);
    expect(ids(first)).toEqual(ids(second));
    expect(ids(first)).toEqual(templates.map((t) => templateTaskId(EVENT, String(t.id))));
  });

  it('should take the request’s active hold on the show’s date when none is named', async () => {
    const memory = world({
      holds: [
        hold(HOLD, 1),
        hold(OTHER_HOLD, 2),
        hold('00000000-0000-4000-8000-00000000a003', 1, { request_id: REQUEST, hold_date: '2026-07-04' }),
      ],
    });
    const writes = await convert({}, memory);
    expect(ofTable(writes, 'holds').slice(0, 2)).toEqual([
      { op: 'update', table: 'holds', id: HOLD, set: { status: 'CONVERTED', event_id: EVENT, updated_at: AT } },
      // the converted hold leaves the queue: the one behind it moves up
      { op: 'update', table: 'holds', id: OTHER_HOLD, set: { rank: 1, updated_at: AT } },
    ]);
    // its hold on the 4th is not the one converted
    expect(ofTable(writes, 'holds')[2]).toMatchObject({
      id: '00000000-0000-4000-8000-00000000a003',
      set: { status: 'RELEASED' },
    });
  });

  it('should release the request’s holds on other dates, moving the holds behind them up', async () => {
    const otherDay = (id: string, rank: number, requestId: string) =>
      hold(id, rank, { request_id: requestId, hold_date: '2026-07-10' });
    const memory = world({
      holds: [
        hold(HOLD, 1),
        otherDay('00000000-0000-4000-8000-00000000a003', 1, REQUEST),
        otherDay('00000000-0000-4000-8000-00000000a004', 2, OTHER_REQUEST),
      ],
    });
    const writes = await convert({}, memory);
    expect(ofTable(writes, 'holds').slice(1)).toEqual([
      {
        op: 'update',
        table: 'holds',
        id: '00000000-0000-4000-8000-00000000a003',
        set: {
          status: 'RELEASED',
          released_at: AT,
          release_reason: 'the request became an event on 2026-07-03',
          updated_at: AT,
        },
      },
      { op: 'update', table: 'holds', id: '00000000-0000-4000-8000-00000000a004', set: { rank: 1, updated_at: AT } },
    ]);
  });

  it('should confirm a request that holds nothing on a free date, converting no hold', async () => {
    const writes = await convert({}, world());
    expect(ofTable(writes, 'holds')).toEqual([]);
    expect(writes.at(-1)).toMatchObject({ op: 'enqueue', payload: { holdId: null } });
  });

  describe('due dates in the venue’s timezone', () => {
    const templates = [
      template(1, { default_due_days: 0 }),
      template(2, { default_due_days: 1 }),
      template(3, { default_due_days: 7 }),
    ];

    it('should count calendar days back across the spring-forward change in New York', async () => {
      // 00:30 on 9 March in New York (EDT since 2 am on the 8th); 24 hours earlier is 23:30 on the 7th
      const writes = await convert(
        { doorsAt: '2026-03-09T04:00:00Z', showAt: '2026-03-09T04:30:00Z', endsAt: '2026-03-09T07:00:00Z' },
        world({ task_templates: templates }),
      );
      expect(ofTable(writes, 'events')[0]).toMatchObject({ row: { show_date: '2026-03-09' } });
      expect(dueDates(writes)).toEqual(['2026-03-09', '2026-03-08', '2026-03-02']);
    });

    it('should put the show on the venue’s day in New York on the night of the change', async () => {
      // 20:00 on 8 March in New York is 00:00 on the 9th in UTC
      const writes = await convert(
        { doorsAt: '2026-03-08T23:00:00Z', showAt: '2026-03-09T00:00:00Z', endsAt: '2026-03-09T03:00:00Z' },
        world({ task_templates: templates }),
      );
      expect(ofTable(writes, 'events')[0]).toMatchObject({ row: { show_date: '2026-03-08' } });
      expect(dueDates(writes)).toEqual(['2026-03-08', '2026-03-07', '2026-03-01']);
    });

    it('should count calendar days back across the fall-back change in Berlin', async () => {
      const berlin = world({
        task_templates: templates,
        event_requests: [{ id: '00000000-0000-4000-8000-00000000c003', venue_id: OTHER_VENUE, status: 'APPROVED' }],
      });
      // 23:30 on 25 October in Berlin (CET since 3 am that day); 24 hours earlier is 00:30 on the 25th
      const late = await convert(
        {
          requestId: '00000000-0000-4000-8000-00000000c003',
          doorsAt: '2026-10-25T21:00:00Z',
          showAt: '2026-10-25T22:30:00Z',
          endsAt: '2026-10-25T23:00:00Z',
        },
        berlin,
      );
      expect(ofTable(late, 'events')[0]).toMatchObject({ row: { show_date: '2026-10-25', promoter_user_id: null } });
      expect(dueDates(late)).toEqual(['2026-10-25', '2026-10-24', '2026-10-18']);

      // 00:30 on the 26th in Berlin is still the 25th in UTC
      const afterMidnight = await convert(
        {
          requestId: '00000000-0000-4000-8000-00000000c003',
          doorsAt: '2026-10-25T22:00:00Z',
          showAt: '2026-10-25T23:30:00Z',
          endsAt: '2026-10-26T01:00:00Z',
        },
        berlin,
      );
      expect(ofTable(afterMidnight, 'events')[0]).toMatchObject({ row: { show_date: '2026-10-26' } });
      expect(dueDates(afterMidnight)).toEqual(['2026-10-26', '2026-10-25', '2026-10-19']);
    });

    it('should step back over month and year ends and leap days', () => {
      expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
      expect(daysBefore('2027-01-05', 14)).toBe('2026-12-22');
      expect(daysBefore('2026-07-03', 365)).toBe('2025-07-03');
    });
  });

  describe('double booking', () => {
    const confirmed = (extra: Row = {}): Row => ({
      id: '00000000-0000-4000-8000-00000000e009',
      venue_id: VENUE,
      show_date: '2026-07-03',
      status: 'CONFIRMED',
      title: 'Winter Ball',
      ...extra,
    });

    it('should refuse a date that already has a confirmed event at the venue', async () => {
      await expect(convert({}, world({ events: [confirmed()] }))).rejects.toMatchObject({
        name: 'RuleViolation',
        message: '2026-07-03 already has the confirmed event “Winter Ball”: give a reason to confirm anyway',
      });
    });

    it('should not count cancelled events, nor events on other dates or at other venues', async () => {
      const events = [
        confirmed({ status: 'CANCELLED' }),
        confirmed({ id: '00000000-0000-4000-8000-00000000e00a', show_date: '2026-07-04' }),
        confirmed({ id: '00000000-0000-4000-8000-00000000e00b', venue_id: OTHER_VENUE }),
      ];
      expect(await convert({}, world({ events }))).toContainEqual(expect.objectContaining({ table: 'events' }));
    });

    it('should refuse over a higher hold of another request', async () => {
      const memory = world({ holds: [hold(OTHER_HOLD, 1), hold(HOLD, 2)] });
      await expect(convert({}, memory)).rejects.toMatchObject({
        message: 'another request has the 1st hold on 2026-07-03: give a reason to confirm anyway',
      });
    });

    it('should refuse a request without a hold on a date another request holds', async () => {
      await expect(convert({}, world({ holds: [hold(OTHER_HOLD, 1)] }))).rejects.toMatchObject({
        message: 'another request has the 1st hold on 2026-07-03: give a reason to confirm anyway',
      });
    });

    it('should not count lower holds of others as standing in the way', async () => {
      const writes = await convert({}, world({ holds: [hold(HOLD, 1), hold(OTHER_HOLD, 2)] }));
      expect(writes).toContainEqual(expect.objectContaining({ table: 'events' }));
    });

    it('should confirm anyway with a reason, naming what it overrode in the decision log', async () => {
      const memory = world({ events: [confirmed()], holds: [hold(OTHER_HOLD, 1), hold(HOLD, 2)] });
      const writes = await convert({ override: { reason: 'Winter Ball moves to the small room' } }, memory);
      expect(ofTable(writes, 'decision_logs')[0]).toMatchObject({
        row: {
          note: 'confirmed over 2026-07-03 already has the confirmed event “Winter Ball”; another request has the 1st hold on 2026-07-03: Winter Ball moves to the small room',
        },
      });
      expect(writes.at(-1)).toMatchObject({ payload: { overrideReason: 'Winter Ball moves to the small room' } });
      // the higher hold stays where it is; the converted one leaves the queue
      expect(ofTable(writes, 'holds')).toEqual([
        { op: 'update', table: 'holds', id: HOLD, set: { status: 'CONVERTED', event_id: EVENT, updated_at: AT } },
      ]);
    });

    it('should refuse an empty override reason', () => {
      const result = requestConvertToEvent.args.safeParse({
        requestId: REQUEST,
        eventId: EVENT,
        decisionId: DECISION,
        title: 'Summer Night',
        artistName: 'The Test Pattern',
        ...times,
        override: { reason: '  ' },
      });
      expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
        'override.reason: must not be empty',
      ]);
    });
  });

  describe('refusals', () => {
    it('should refuse a request that is not approved, saying what it needs', async () => {
      const expected = {
        NEW: 'a NEW request must be approved before it becomes an event',
        REVIEW: 'a request under review must be approved before it becomes an event',
        SCHEDULED: 'this request is already an event',
        DECLINED: 'a DECLINED request cannot become an event',
        WITHDRAWN: 'a WITHDRAWN request cannot become an event',
      };
      for (const [status, message] of Object.entries(expected)) {
        const memory = world({ event_requests: [] });
        memory.tables.get('event_requests')![0]!.status = status;
        await expect(convert({}, memory), status).rejects.toMatchObject({ name: 'RuleViolation', message });
      }
    });

    it('should refuse converting the same request twice', async () => {
      const memory = world({ holds: [hold(HOLD, 1)] });
      memory.apply(await convert({}, memory));
      await expect(
        convert(
          { eventId: '00000000-0000-4000-8000-00000000e002', decisionId: '00000000-0000-4000-8000-00000000c102' },
          memory,
        ),
      ).rejects.toMatchObject({ message: 'this request is already an event' });
    });

    it('should refuse a request that no longer exists, and ids already taken', async () => {
      await expect(convert({ requestId: '00000000-0000-4000-8000-00000000c0ff' }, world())).rejects.toMatchObject({
        message: 'the request no longer exists',
      });
      await expect(convert({}, world({ events: [{ id: EVENT, status: 'DRAFT' }] }))).rejects.toMatchObject({
        message: 'an event with this id already exists',
      });
      const memory = world();
      memory.apply([{ op: 'insert', table: 'decision_logs', row: { id: DECISION } }]);
      await expect(convert({}, memory)).rejects.toMatchObject({ message: 'a decision with this id already exists' });
    });

    it('should refuse a named hold of another request, an ended one or one on another date', async () => {
      await expect(convert({ holdId: OTHER_HOLD }, world({ holds: [hold(OTHER_HOLD, 1)] }))).rejects.toMatchObject({
        message: 'the hold belongs to another request',
      });
      await expect(
        convert({ holdId: HOLD }, world({ holds: [hold(HOLD, 1, { status: 'RELEASED' })] })),
      ).rejects.toMatchObject({ message: 'the hold is no longer active (RELEASED)' });
      await expect(
        convert({ holdId: HOLD }, world({ holds: [hold(HOLD, 1, { hold_date: '2026-07-04' })] })),
      ).rejects.toMatchObject({ message: 'the hold is on 2026-07-04 but the show is on 2026-07-03 at the venue' });
      await expect(convert({ holdId: HOLD }, world())).rejects.toMatchObject({ message: 'the hold no longer exists' });
    });

    it('should refuse times out of order, naming the field', () => {
      const refused = (args: Record<string, unknown>) =>
        requestConvertToEvent.args
          .safeParse({
            requestId: REQUEST,
            eventId: EVENT,
            decisionId: DECISION,
            title: 'Summer Night',
            artistName: 'The Test Pattern',
            ...times,
            ...args,
          })
          .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      expect(refused({ doorsAt: '2026-07-04T00:30:00Z' })).toEqual(['showAt: the show must start at or after doors']);
      expect(refused({ endsAt: times.showAt })).toEqual(['endsAt: the show must end after it starts']);
      expect(refused({ showAt: '2026-07-04 00:00' })).toEqual(['showAt: must be a timestamp with a time zone offset']);
      expect(refused({ title: '', capacityOverride: 0 })).toEqual([
        'title: must not be empty',
        'capacityOverride: must be at least 1',
      ]);
    });
  });
});
