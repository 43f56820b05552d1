// One email job, delivered at most once once it has succeeded:
//   1. taken before (job.claims > 1) and already SENT for this job (email_deliveries)? done,
//      nothing sent; on a first claim no worker can have sent it, and the look is skipped;
//   2. write the letter from what the database says now (nothing to say: done, nothing sent);
//   3. send it with the job's Message-ID; the SMTP server's 250 → record SENT at once, and the
//      job DONE in the same statement, with the other lanes' records of that moment (sent-ledger.ts);
//   4. a failure → record FAILED with the server's words; a permanent one (smtp-failure.ts) makes
//      the job DEAD at once, a temporary one is retried by the job loop with backoff.
import type { z } from 'zod';
import type { JobHandler } from '../jobs/job-handlers.js';
import { PermanentJobFailure } from '../jobs/job-handlers.js';
import type { Mailer } from '../mail/mailer.js';
import type { Queries } from '../db/as-organizations.js';
import type { EmailMetrics } from './email-metrics.js';
import { recordFailed, wasSent } from './email-deliveries.js';
import { sentLedgerOf } from './sent-ledger.js';
import type { Letter } from './letter.js';
import { emailMessageId } from './message-id.js';
import { describeSmtpFailure, isPermanentSmtpFailure } from './smtp-failure.js';

export interface EmailDeps {
  readonly mailer: Mailer;
  /** the relay's sender (MAIL_FROM), for organizations without their own email_from */
  readonly mailFrom: string;
  /** the right-hand side of every Message-ID */
  readonly messageIdDomain: string;
  readonly metrics?: EmailMetrics;
}

/** What a letter writer gets: the database, and the relay's sender for organizations without one. */
export interface LetterContext {
  /** acting for the job's organization (row-level security): a letter reads nothing of another */
  readonly sql: Queries;
  readonly mailFrom: string;
}

/** A letter and its From; undefined: nothing to send (the request is gone, nobody to tell). */
export type LetterWriter<P> = (
  payload: P,
  context: LetterContext,
) => Promise<{ letter: Letter; from: string } | undefined>;

const ADDRESS = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

export function emailJob<S extends z.ZodType>(
  schema: S,
  write: LetterWriter<z.output<S>>,
  deps: EmailDeps,
): JobHandler {
  return async (payload, ctx) => {
    const { job, sql, log } = ctx;
    const parsed = schema.safeParse(payload);
    // a job's payload is fixed when it is queued: one that does not fit never will
    if (!parsed.success)
      throw new PermanentJobFailure(`the ${job.kind} job's payload is not valid: ${parsed.error.message}`);
    if (job.claims > 1 && (await wasSent(sql, job))) {
      log.info('email already sent for this job; not sending it again');
      return;
    }
    const written = await write(parsed.data, { sql: ctx.tenant, mailFrom: deps.mailFrom });
    if (!written) {
      log.info('nothing to send for this job');
      return;
    }
    const { letter, from } = written;
    const facts = {
      messageId: emailMessageId(job.id, job.kind, deps.messageIdDomain),
      recipients: letter.to,
      subject: letter.subject,
    };
    const invalid = letter.to.filter((address) => !ADDRESS.test(address));
    if (invalid.length > 0 || letter.to.length === 0) {
      const error =
        letter.to.length === 0 ? 'the email has no recipient' : `not an email address: ${invalid.join(', ')}`;
      await recordFailed(sql, job, facts, error);
      deps.metrics?.failed.inc({ kind: job.kind, failure: 'permanent' });
      throw new PermanentJobFailure(error);
    }
    if (ctx.signal.aborted) throw new Error('the relay is stopping');
    let receipt;
    try {
      receipt = await deps.mailer.send({ ...letter, from, messageId: facts.messageId });
    } catch (error) {
      const permanent = isPermanentSmtpFailure(error);
      const described = describeSmtpFailure(error);
      await recordFailed(sql, job, facts, described).catch((failure: unknown) =>
        log.warn({ err: failure }, 'could not record the failed email'),
      );
      deps.metrics?.failed.inc({ kind: job.kind, failure: permanent ? 'permanent' : 'temporary' });
      if (permanent) throw new PermanentJobFailure(described);
      throw error;
    }
    const note = receipt.rejected.length > 0 ? `refused by the mail server: ${receipt.rejected.join(', ')}` : null;
    // committed while the lane goes on to its next email; the worker waits for it at stop()
    const markedDone = sentLedgerOf(sql).record({ job, facts, note });
    deps.metrics?.sent.inc({ kind: job.kind });
    log.info({ messageId: facts.messageId, to: letter.to }, 'email sent');
    return { markedDone };
  };
}
