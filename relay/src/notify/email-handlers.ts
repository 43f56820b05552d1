// The job loop's email handlers, one per job kind the workflow queues; app.ts registers them on
// every relay (SMTP when SMTP_URL is set, the log mailer otherwise). Who receives what is written
// at the top of request-letters.ts, event-letters.ts and hold-letters.ts.
import type { JobHandler } from '../jobs/job-handlers.js';
import { emailJob, type EmailDeps } from './deliver-email.js';
import { EventConfirmedPayload, eventConfirmedWriter, type ConfirmationPdf } from './event-letters.js';
import {
  ChallengeExpiredPayload,
  HoldChallengedPayload,
  HoldExpiryPayload,
  writeChallengeExpired,
  writeHoldChallenged,
  writeHoldExpired,
  writeHoldExpiring,
} from './hold-letters.js';
import {
  NewForManagerPayload,
  RequestReceivedPayload,
  StatusChangedPayload,
  writeNewForManager,
  writeRequestReceived,
  writeStatusChanged,
} from './request-letters.js';

export interface EmailHandlerDeps extends EmailDeps {
  /** attaches the event confirmation PDF to event.confirmed; without it the email says one follows */
  readonly confirmationPdf?: ConfirmationPdf;
}

export const EMAIL_JOB_KINDS = [
  'request.received',
  'request.new_for_manager',
  'request.status_changed',
  'event.confirmed',
  'hold.challenged',
  'hold.expiring',
  'hold.expired',
  'hold.challenge_expired',
] as const;

export function emailJobHandlers(deps: EmailHandlerDeps): Record<(typeof EMAIL_JOB_KINDS)[number], JobHandler> {
  return {
    'request.received': emailJob(RequestReceivedPayload, writeRequestReceived, deps),
    'request.new_for_manager': emailJob(NewForManagerPayload, writeNewForManager, deps),
    'request.status_changed': emailJob(StatusChangedPayload, writeStatusChanged, deps),
    'event.confirmed': emailJob(EventConfirmedPayload, eventConfirmedWriter(deps.confirmationPdf), deps),
    'hold.challenged': emailJob(HoldChallengedPayload, writeHoldChallenged, deps),
    'hold.expiring': emailJob(HoldExpiryPayload, writeHoldExpiring, deps),
    'hold.expired': emailJob(HoldExpiryPayload, writeHoldExpired, deps),
    'hold.challenge_expired': emailJob(ChallengeExpiredPayload, writeChallengeExpired, deps),
  };
}
