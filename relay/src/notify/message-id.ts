// The Message-ID of a job's email: the same on every try of the job, different for every job.
// A copy sent again after an ambiguous failure (the server took the message but the connection
// broke before its "250 OK" reached us) carries the same id, so mail clients and the tests can
// tell it is the same message.
export function emailMessageId(jobId: string, kind: string, domain: string): string {
  return `<job-${jobId}.${kind.replace(/[^a-z0-9]+/gi, '-')}@${domain}>`;
}

/** The domain of the relay's own sender address (MAIL_FROM), which names where ids come from. */
export function messageIdDomain(mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1];
  return domain && domain.length > 0 ? domain.toLowerCase() : 'promoteros.local';
}
