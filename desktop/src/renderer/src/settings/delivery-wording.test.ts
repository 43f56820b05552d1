import { describe, expect, it } from 'vitest';
import { problemReason, problemTitle } from './delivery-wording.js';

describe('delivery problem wording', () => {
  it('should name each job kind in words, and show an unknown kind as it is', () => {
    expect(problemTitle('event.confirmed')).toBe('Event confirmation');
    expect(problemTitle('hold.expiring')).toBe('Hold expiring reminder');
    expect(problemTitle('invoice.sent')).toBe('invoice.sent');
  });

  it("should keep the first line of an error without a stack or the error's class name", () => {
    expect(
      problemReason('PermanentJobFailure: Recipient command failed: 550 5.1.1 no such mailbox\n    at emailJob'),
    ).toBe('Recipient command failed: 550 5.1.1 no such mailbox');
    expect(problemReason('Error: Connection closed unexpectedly\n    at SMTPConnection')).toBe(
      'Connection closed unexpectedly',
    );
    expect(problemReason('Message failed: 451 4.3.0 queue full')).toBe('Message failed: 451 4.3.0 queue full');
    expect(problemReason(null)).toBe('No reason was recorded.');
  });
});
