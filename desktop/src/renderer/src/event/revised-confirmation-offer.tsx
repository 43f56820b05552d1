// On the deal: once the terms are set or changed after the confirmation went out, the requester
// and the promoter hold a PDF that no longer says what was agreed. The screen says so, with when
// and to whom the last one went, and a manager sends the revised confirmation from here (an
// edit through the outbox: offline too, it goes when the relay is there).
import { useRef, useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import type { Edit } from '../data/use-edit.js';
import { useFormat } from '../format/use-format.js';
import { buttonClass, ErrorNote } from '../ui/controls.js';
import { confirmationState } from './confirmation-state.js';

type EventDetail = CommandResult<'events.get'>;

export function RevisedConfirmationOffer({
  event,
  mayOffer,
  edit,
}: {
  event: EventDetail;
  /** a member who may send it (event.sendConfirmation: managers and owners) on a confirmed event */
  mayOffer: boolean;
  edit: Edit;
}) {
  const [refusal, setRefusal] = useState<CommandError>();
  const [sending, setSending] = useState(false);
  const region = useRef<HTMLDivElement>(null);
  const state = confirmationState(event.confirmations);
  const zone = event.venue.timezone;
  const f = useFormat();

  async function send() {
    setSending(true);
    const refused = await edit('event.sendConfirmation', { eventId: event.id, sendId: crypto.randomUUID() });
    setRefusal(refused);
    setSending(false);
    // the button goes with the offer: focus stays here, on what replaced it, not on the page's top
    if (!refused) region.current?.focus();
  }

  // a live region that stays in the page, so the offer and "on its way" are announced as they come
  return (
    <div ref={region} tabIndex={-1} aria-live="polite" className="focus:outline-none">
      {state.kind === 'out-of-date' && (
        <div
          data-testid="revised-confirmation-offer"
          className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>
            Deal terms {state.change} since the confirmation sent on{' '}
            {state.last.sentAt ? f.dateTime(state.last.sentAt, zone) : '—'} to{' '}
            {state.last.recipients.join(', ') || 'nobody'}
            {mayOffer ? '' : '. A manager can send the revised confirmation.'}
          </p>
          {mayOffer && (
            <button type="button" className={buttonClass} disabled={sending} onClick={() => void send()}>
              Send revised confirmation
            </button>
          )}
        </div>
      )}
      {state.kind === 'on-its-way' && state.queued.revised && (
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
          The revised confirmation is on its way to the requester and the promoter.
        </p>
      )}
      <ErrorNote error={refusal} />
    </div>
  );
}
