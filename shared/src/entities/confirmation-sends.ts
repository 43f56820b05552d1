// Each emailing of an event's confirmation and what it carried (shared/migrations/0025).
import { z } from 'zod';
import { bool, int, text, timestamp, uuid } from './fields.js';

/**
 * PARTLY_SENT: the mail server refused some recipients; NOT_SENT: nothing to send when the job ran
 * (the event was cancelled meanwhile)
 */
export const confirmationSendStatuses = ['QUEUED', 'SENT', 'PARTLY_SENT', 'FAILED', 'NOT_SENT'] as const;
export const ConfirmationSendStatus = z.enum(confirmationSendStatuses);
export type ConfirmationSendStatus = z.infer<typeof ConfirmationSendStatus>;

export const ConfirmationSendRow = z.object({
  id: uuid,
  organization_id: uuid,
  event_id: uuid,
  revised: bool,
  status: ConfirmationSendStatus,
  requested_by: uuid.nullable(),
  recipients: z.array(text({ max: 320 }), 'must be a list of addresses'),
  document_id: uuid.nullable(),
  document_version: int({ min: 1 }).nullable(),
  with_deal_terms: bool.nullable(),
  deal_terms_updated_at: timestamp.nullable(),
  written_at: timestamp.nullable(),
  sent_at: timestamp.nullable(),
  delivery_note: text().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type ConfirmationSendRow = z.output<typeof ConfirmationSendRow>;
