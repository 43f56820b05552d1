// Emailing an event's confirmation again, as a revised one: after the deal terms were set or
// changed once the first confirmation went out, the requester and the promoter hold a PDF that
// no longer says what was agreed. A confirmation_sends row records the send (QUEUED; the email
// job fills in what it carried and how delivery went), and the job is queued in the same write:
//   event.confirmed { eventId, sendId, revised: true }
//
// The first confirmation is queued by request.convertToEvent, with its send row under
// `firstConfirmationId`, the same id on the device and the relay.
import { z } from 'zod';
import { instantOf, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation, type PlannedWrite, type Row } from './define.js';
import { derivedId } from './derived-id.js';

/** The id of the send row of the confirmation an event gets when it is made from a request. */
export const firstConfirmationId = (eventId: string): string => derivedId(eventId, 'confirmation');

/** A send still QUEUED this long after it was asked for is taken as stuck, and may be asked again. */
const QUEUED_FOR_LONG_MS = 15 * 60 * 1000;

/** The writes that record a confirmation send and queue its email (`more`: for the job's payload). */
export function queueConfirmation(
  send: { id: string; eventId: string; revised: boolean },
  context: { userId: string; at: string },
  more: Row = {},
): PlannedWrite[] {
  return [
    {
      op: 'insert',
      table: 'confirmation_sends',
      row: {
        id: send.id,
        event_id: send.eventId,
        revised: send.revised,
        status: 'QUEUED',
        requested_by: context.userId,
        recipients: [],
        document_id: null,
        document_version: null,
        with_deal_terms: null,
        deal_terms_updated_at: null,
        written_at: null,
        sent_at: null,
        delivery_note: null,
        created_at: context.at,
        updated_at: context.at,
      },
    },
    {
      op: 'enqueue',
      kind: 'event.confirmed',
      payload: { ...more, eventId: send.eventId, sendId: send.id, revised: send.revised },
    },
  ];
}

export const eventSendConfirmation = defineMutation({
  name: 'event.sendConfirmation',
  minimumRole: 'MANAGER',
  args: z.object({
    eventId: uuid,
    /** made by the device: the send row's id */
    sendId: uuid,
  }),
  subject: (args) => ({ table: 'events', id: args.eventId }),
  describe: () => 'Send the revised confirmation',
  async plan(args, context, read) {
    const event = await mustGet(read, 'events', args.eventId, 'the event');
    if (event.status !== 'CONFIRMED')
      throw new RuleViolation(
        `“${String(event.title)}” is ${String(event.status).toLowerCase()}: only a confirmed event's confirmation is sent`,
      );
    if (await read.get('confirmation_sends', args.sendId))
      throw new RuleViolation('a confirmation email with this id already exists');
    const sends = await read.where('confirmation_sends', { event_id: args.eventId }, 'created_at');
    const waiting = sends.find(
      (send) =>
        send.status === 'QUEUED' && instantOf(context.at) - instantOf(String(send.created_at)) < QUEUED_FOR_LONG_MS,
    );
    if (waiting) throw new RuleViolation('a confirmation of this event is already on its way');
    return queueConfirmation({ id: args.sendId, eventId: args.eventId, revised: true }, context);
  },
});
