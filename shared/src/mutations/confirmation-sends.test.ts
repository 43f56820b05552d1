import { describe, expect, it } from 'vitest';
import { eventSendConfirmation, firstConfirmationId } from './confirmation-sends.js';
import type { Row } from './define.js';
import { MemoryRows } from './testing/memory-reader.js';
import { AT, EVENT, USER, context, id } from './testing/fixtures.js';

const SEND = id(0x5e1d);

function rows(options: { status?: string; sends?: Row[] } = {}) {
  return new MemoryRows({
    events: [{ id: EVENT, title: 'Summer Night', status: options.status ?? 'CONFIRMED' }],
    confirmation_sends: options.sends ?? [],
  });
}

const send = (memory = rows()) =>
  eventSendConfirmation.plan(eventSendConfirmation.args.parse({ eventId: EVENT, sendId: SEND }), context, memory);

const earlier = (status: string, createdAt: string): Row => ({
  id: firstConfirmationId(EVENT),
  event_id: EVENT,
  status,
  created_at: createdAt,
});

describe('event.sendConfirmation', () => {
  it('should record a revised send, QUEUED, and queue its email naming it', async () => {
    const writes = await send(rows({ sends: [earlier('SENT', '2026-05-01T10:00:00+00:00')] }));
    expect(writes).toEqual([
      {
        op: 'insert',
        table: 'confirmation_sends',
        row: {
          id: SEND,
          event_id: EVENT,
          revised: true,
          status: 'QUEUED',
          requested_by: USER,
          recipients: [],
          document_id: null,
          document_version: null,
          with_deal_terms: null,
          deal_terms_updated_at: null,
          written_at: null,
          sent_at: null,
          delivery_note: null,
          created_at: AT,
          updated_at: AT,
        },
      },
      { op: 'enqueue', kind: 'event.confirmed', payload: { eventId: EVENT, sendId: SEND, revised: true } },
    ]);
  });

  it('should refuse while another confirmation of the event is still on its way, but not one stuck for long', async () => {
    await expect(send(rows({ sends: [earlier('QUEUED', '2026-06-01T11:55:00+00:00')] }))).rejects.toThrow(
      'a confirmation of this event is already on its way',
    );
    await expect(send(rows({ sends: [earlier('QUEUED', '2026-06-01T10:00:00+00:00')] }))).resolves.toHaveLength(2);
    await expect(send(rows({ sends: [earlier('FAILED', '2026-06-01T11:59:00+00:00')] }))).resolves.toHaveLength(2);
  });

  it('should send only a confirmed event’s confirmation', async () => {
    for (const status of ['DRAFT', 'CANCELLED', 'SETTLED'])
      await expect(send(rows({ status }))).rejects.toThrow(`“Summer Night” is ${status.toLowerCase()}`);
  });

  it('should refuse a send id already used, and be a manager’s decision', async () => {
    await expect(
      send(rows({ sends: [{ ...earlier('SENT', '2026-05-01T10:00:00+00:00'), id: SEND }] })),
    ).rejects.toThrow('a confirmation email with this id already exists');
    expect(eventSendConfirmation.minimumRole).toBe('MANAGER');
  });
});
