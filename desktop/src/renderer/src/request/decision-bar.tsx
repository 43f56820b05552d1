// The decisions a manager can make on a request, as the shared state machine allows them from
// the status on screen. Each is a request.setStatus that names that status (expectedStatus), so a
// decision someone else made meanwhile is refused instead of overwritten. Declining asks why.
import { useState, type FormEvent } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import type { Role } from '../event/edit-rights.js';
import { buttonClass, dangerButtonClass, ErrorNote, Field, inputClass, primaryButtonClass } from '../ui/controls.js';
import { requestActions, type RequestAction, type RequestStatus } from './request-actions.js';

const toneClass = { primary: primaryButtonClass, danger: dangerButtonClass, plain: buttonClass };

export function DecisionBar({
  requestId,
  status,
  role,
}: {
  requestId: string;
  status: RequestStatus;
  role: Role | undefined;
}) {
  const edit = useEdit();
  const actions = requestActions(role, status);
  const [asking, setAsking] = useState<RequestAction>();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [refusal, setRefusal] = useState<CommandError>();
  const [saving, setSaving] = useState(false);

  async function decide(action: RequestAction, withNote: string) {
    setRefusal(undefined);
    setSaving(true);
    const refused = await edit('request.setStatus', {
      requestId,
      decisionId: crypto.randomUUID(),
      toStatus: action.toStatus,
      note: withNote.trim() === '' ? null : withNote.trim(),
      expectedStatus: status,
    });
    setSaving(false);
    setRefusal(refused);
    if (!refused) {
      setAsking(undefined);
      setNote('');
    }
  }

  function submitNote(submit: FormEvent) {
    submit.preventDefault();
    if (!asking) return;
    if (asking.needsNote && note.trim() === '') {
      setProblem('Say why: the requester is told');
      return;
    }
    setProblem(undefined);
    void decide(asking, note);
  }

  if (actions.length === 0) return null;
  return (
    <div className="space-y-2">
      <div role="group" aria-label="Decision" className="flex flex-wrap items-center justify-end gap-2">
        {actions.map((action) => (
          <button
            key={action.toStatus}
            type="button"
            disabled={saving}
            aria-expanded={
              action.toStatus === 'DECLINED' || action.toStatus === 'WITHDRAWN' ? asking === action : undefined
            }
            className={toneClass[action.tone]}
            onClick={() => {
              setRefusal(undefined);
              // declining and withdrawing take a note; the others decide at once
              if (action.toStatus === 'DECLINED' || action.toStatus === 'WITHDRAWN') {
                setAsking(asking === action ? undefined : action);
                setProblem(undefined);
              } else void decide(action, '');
            }}
          >
            {action.label}
          </button>
        ))}
      </div>
      {asking && (
        <form
          aria-label={`${asking.label} the request`}
          onSubmit={submitNote}
          onKeyDown={(key) => {
            if (key.key === 'Escape') setAsking(undefined);
          }}
          className="ml-auto max-w-md space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          noValidate
        >
          <Field
            label={asking.needsNote ? 'Why is it declined?' : 'Note (optional)'}
            problem={problem}
            hint={asking.needsNote ? 'Sent to the requester with the decision' : 'e.g. what the requester said'}
          >
            {(props) => (
              <textarea
                {...props}
                autoFocus
                rows={3}
                className={inputClass}
                value={note}
                onChange={(change) => setNote(change.target.value)}
              />
            )}
          </Field>
          <div className="flex items-center gap-2">
            <button type="submit" disabled={saving} className={toneClass[asking.tone]}>
              {asking.label}
            </button>
            <button type="button" className={buttonClass} onClick={() => setAsking(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <div className="flex justify-end">
        <ErrorNote error={refusal} />
      </div>
    </div>
  );
}
