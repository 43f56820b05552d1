// Every decision on a request emails the requester, so none is one click: a dialog says who will
// be emailed and what they will read, takes the manager's note (sent with the email, and kept in
// the decision history), and only its button decides. Declining needs the note: the requester is
// told why. The note goes with the edit through the outbox, so deciding offline works the same.
import { useId, useState, type FormEvent } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { Dialog } from '../ui/dialog.js';
import { buttonClass, ErrorNote, Field, inputClass } from '../ui/controls.js';
import type { RequestAction } from './request-actions.js';

/** decision_logs.note and the email's quote: the mutation refuses more (request.setStatus) */
export const NOTE_MAX_LENGTH = 5000;

/** What the requester's email says, in a line, by the status the request moves to. */
const tells: Record<string, string> = {
  REVIEW: 'They are told the request is being reviewed.',
  APPROVED: 'They are told the request is approved, and that the date and deal will be confirmed.',
  DECLINED: 'They are told the request is declined, with your reason.',
  WITHDRAWN: 'They are told the request is withdrawn and will not be considered further.',
};

export function DecisionDialog({
  action,
  recipient,
  saving,
  refusal,
  toneClass,
  onDecide,
  onCancel,
}: {
  action: RequestAction;
  recipient: { name: string; email: string };
  saving: boolean;
  refusal: CommandError | undefined;
  toneClass: string;
  onDecide: (note: string) => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const recipientsId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (action.needsNote && note.trim() === '') return setProblem('Say why: the requester is told');
    if (Array.from(note).length > NOTE_MAX_LENGTH)
      return setProblem(`At most ${NOTE_MAX_LENGTH.toLocaleString()} characters`);
    setProblem(undefined);
    onDecide(note);
  }

  return (
    <Dialog title={`${action.label} the request`} onClose={onCancel}>
      <form aria-label={`${action.label} the request`} aria-describedby={recipientsId} onSubmit={submit} noValidate>
        <div id={recipientsId} className="mb-3 text-sm">
          <p className="text-zinc-600 dark:text-zinc-300">This emails the requester:</p>
          <ul aria-label="Emailed to" className="my-1 font-medium">
            <li>
              {recipient.name} &lt;{recipient.email}&gt;
            </li>
          </ul>
          <p className="text-zinc-600 dark:text-zinc-300">{tells[action.toStatus] ?? ''}</p>
        </div>
        <Field
          label={action.needsNote ? 'Why is it declined?' : 'Note to the requester (optional)'}
          problem={problem}
          hint="Included in the email and kept in the decision history"
        >
          {(props) => (
            <textarea
              {...props}
              autoFocus
              rows={4}
              className={inputClass}
              value={note}
              onChange={(change) => setNote(change.target.value)}
            />
          )}
        </Field>
        <div className="mt-3 space-y-2">
          <ErrorNote error={refusal} />
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass} onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" disabled={saving} className={toneClass}>
              {action.label} and email
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
