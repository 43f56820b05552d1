// Who received which confirmation: each emailing, newest first, with the PDF version it carried,
// whether that had the deal terms, when and to whom it went, who asked for it, and how delivery
// went (the mail server's words when it refused).
import type { CommandResult } from '../../../common/command-map.js';
import { useFormat } from '../format/use-format.js';
import { Section } from '../ui/controls.js';
import type { ConfirmationSend } from './confirmation-state.js';

type EventDetail = CommandResult<'events.get'>;

const outcome: Record<ConfirmationSend['status'], string> = {
  QUEUED: 'Waiting to be sent',
  SENT: 'Sent',
  PARTLY_SENT: 'Sent, but refused for some recipients',
  FAILED: 'Not sent yet: the last try failed',
  NOT_SENT: 'Not sent',
};

const tone: Record<ConfirmationSend['status'], string> = {
  QUEUED: 'text-zinc-600 dark:text-zinc-300',
  SENT: 'text-emerald-700 dark:text-emerald-400',
  PARTLY_SENT: 'text-amber-700 dark:text-amber-400',
  FAILED: 'text-red-700 dark:text-red-400',
  NOT_SENT: 'text-zinc-600 dark:text-zinc-300',
};

function what(send: ConfirmationSend): string {
  const name = send.revised ? 'Revised confirmation' : 'Confirmation';
  const version = send.documentVersion === null ? '' : ` v${send.documentVersion}`;
  const terms = send.withDealTerms === null ? '' : send.withDealTerms ? ', with deal terms' : ', deal terms to follow';
  return `${name}${version}${terms}`;
}

export function ConfirmationEmails({ event }: { event: EventDetail }) {
  const zone = event.venue.timezone;
  const f = useFormat();
  return (
    <Section title="Confirmation emails">
      {event.confirmations.length === 0 ? (
        <p className="text-sm text-zinc-500">No confirmation has been emailed for this event.</p>
      ) : (
        <ul aria-label="Confirmation emails" className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {event.confirmations.map((send) => (
            <li key={send.id} className="py-2 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{what(send)}</span>
                <span className={`text-xs font-medium ${tone[send.status]}`}>{outcome[send.status]}</span>
              </div>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {send.sentAt
                  ? `Sent ${f.dateTime(send.sentAt, zone)}`
                  : `Asked for ${f.dateTime(send.createdAt, zone)}`}
                {send.recipients.length > 0 ? ` to ${send.recipients.join(', ')}` : ''}
                {send.requestedBy ? ` · by ${send.requestedBy}` : ''}
              </p>
              {send.deliveryNote && <p className="text-xs text-zinc-500 dark:text-zinc-400">{send.deliveryNote}</p>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
