// Where an event's confirmation stands, from its sends (newest first): never sent, on its way,
// current (the last one that went out carries today's deal terms), or out of date (the terms
// were set or changed since), which is when the screen offers a revised confirmation.
import type { CommandResult } from '../../../common/command-map.js';

export type ConfirmationSend = CommandResult<'events.get'>['confirmations'][number];

export type ConfirmationState =
  | { readonly kind: 'never' }
  | { readonly kind: 'on-its-way'; readonly queued: ConfirmationSend }
  | { readonly kind: 'current'; readonly last: ConfirmationSend }
  | { readonly kind: 'out-of-date'; readonly last: ConfirmationSend; readonly change: 'set' | 'changed' };

const wentOut = (send: ConfirmationSend) => send.status === 'SENT' || send.status === 'PARTLY_SENT';

export function confirmationState(sends: readonly ConfirmationSend[]): ConfirmationState {
  const lastOut = sends.findIndex(wentOut);
  // a send asked for after the last one that went out, and not yet sent
  const queued = sends.slice(0, lastOut === -1 ? sends.length : lastOut).find((send) => send.status === 'QUEUED');
  if (queued) return { kind: 'on-its-way', queued };
  const last = sends[lastOut];
  if (!last) return { kind: 'never' };
  if (!last.dealChangedSince) return { kind: 'current', last };
  return { kind: 'out-of-date', last, change: last.withDealTerms ? 'changed' : 'set' };
}
