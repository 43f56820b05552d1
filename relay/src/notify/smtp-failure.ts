// Whether an SMTP failure is worth another try. RFC 5321: a 4xx reply is temporary ("try again
// later"), a 5xx reply permanent. nodemailer names the step that failed (err.command).
//
// Permanent (the job goes DEAD at once, PermanentJobFailure): a 5xx to MAIL FROM (the sender is
// refused: the organization's email_from, which an OWNER can change), to RCPT TO (every recipient
// refused: no such mailbox) or to the message itself (DATA: refused as it is); and an address
// nodemailer would not even send to. Another try in an hour would get the same answer; better that
// an OWNER sees it now (delivery problems) and presses Retry after fixing it.
//
// Temporary (retried with backoff): every 4xx, a broken or refused connection, a timeout, and a
// 5xx to AUTH or the greeting: those are the relay's SMTP settings, the same for every message;
// once the operator fixes them the queued emails should flow by themselves, not all lie DEAD.
interface SmtpError {
  readonly code?: string;
  readonly command?: string;
  readonly responseCode?: number;
}

const MESSAGE_STEPS = new Set(['MAIL FROM', 'RCPT TO', 'DATA']);

export function isPermanentSmtpFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, command, responseCode } = error as SmtpError;
  if (code === 'EENVELOPE' && command === 'API') return true; // an address that is not one
  return (
    typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && MESSAGE_STEPS.has(command ?? '')
  );
}

/** One line for the owners' list: the server's reply when there is one. */
export function describeSmtpFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { response } = error as { response?: string };
  return response ? `${error.message}: ${response}` : error.message;
}
