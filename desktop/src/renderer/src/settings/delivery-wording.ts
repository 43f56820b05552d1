// How a delivery problem reads on the owners' settings screen: what the job was for, in words,
// and the part of its last error a person can act on (the mail server's reply, not a stack).
const kinds: Record<string, string> = {
  'request.received': 'Confirmation to the requester',
  'request.new_for_manager': 'New request note to a manager',
  'request.status_changed': 'Request decision to the requester',
  'event.confirmed': 'Event confirmation',
  'hold.challenged': 'Hold challenged',
  'hold.expiring': 'Hold expiring reminder',
  'hold.expired': 'Hold expired notice',
  'hold.challenge_expired': 'Challenge lapsed notice',
  'document.render': 'PDF document',
};

export function problemTitle(kind: string): string {
  return kinds[kind] ?? kind;
}

/** the first line of the error, without the error class name a stack trace starts with */
export function problemReason(lastError: string | null): string {
  if (!lastError) return 'No reason was recorded.';
  const first = lastError.split('\n', 1)[0]!.trim();
  return first.replace(/^(?:(?:[A-Z][A-Za-z]*)?Error|PermanentJobFailure):\s*/, '') || first;
}
