import { describe, expect, it } from 'vitest';
import { confirmationState, type ConfirmationSend } from './confirmation-state.js';

const send = (n: number, fields: Partial<ConfirmationSend>): ConfirmationSend => ({
  id: `send-${n}`,
  revised: n > 1,
  status: 'SENT',
  requestedBy: 'Max Manager',
  recipients: ['robin@agency.example'],
  documentVersion: n,
  withDealTerms: false,
  dealChangedSince: false,
  createdAt: `2027-03-0${n}T10:00:00.000Z`,
  sentAt: `2027-03-0${n}T10:00:05.000Z`,
  deliveryNote: null,
  ...fields,
});

describe('where a confirmation stands', () => {
  it('should be never sent for an event without sends, and on its way while the first waits', () => {
    expect(confirmationState([])).toEqual({ kind: 'never' });
    const first = send(1, { status: 'QUEUED', sentAt: null, documentVersion: null, withDealTerms: null });
    expect(confirmationState([first])).toEqual({ kind: 'on-its-way', queued: first });
  });

  it('should be current while the deal terms are what the last sent one carried', () => {
    const first = send(1, {});
    expect(confirmationState([first])).toEqual({ kind: 'current', last: first });
  });

  it('should be out of date once terms are set after a confirmation without them, or changed after one with them', () => {
    const without = send(1, { withDealTerms: false, dealChangedSince: true });
    expect(confirmationState([without])).toEqual({ kind: 'out-of-date', last: without, change: 'set' });
    const withTerms = send(2, { withDealTerms: true, dealChangedSince: true });
    expect(confirmationState([withTerms, without])).toEqual({
      kind: 'out-of-date',
      last: withTerms,
      change: 'changed',
    });
  });

  it('should judge by the last one that went out: a failed or unsent revision does not count, a queued one is on its way', () => {
    const first = send(1, { dealChangedSince: true });
    const failed = send(2, {
      status: 'FAILED',
      sentAt: null,
      deliveryNote: '550 no such user',
      dealChangedSince: true,
    });
    expect(confirmationState([failed, first])).toEqual({ kind: 'out-of-date', last: first, change: 'set' });
    const queued = send(3, { status: 'QUEUED', sentAt: null, withDealTerms: null, dealChangedSince: true });
    expect(confirmationState([queued, failed, first])).toEqual({ kind: 'on-its-way', queued });
    // an old send stuck QUEUED behind one that went out since is history, not news
    const revised = send(4, { withDealTerms: true });
    expect(confirmationState([revised, queued, failed, first])).toEqual({ kind: 'current', last: revised });
  });
});
