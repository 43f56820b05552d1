// The decisions a manager can make on a request, as the shared state machine allows them from
// the status on screen. Each is a request.setStatus that names that status (expectedStatus), so a
// decision someone else made meanwhile is refused instead of overwritten. Each one emails the
// requester, so each opens a dialog first (decision-dialog.tsx): who is emailed, a note for them.
import { useEffect, useRef, useState } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import type { Role } from '../event/edit-rights.js';
import { buttonClass, dangerButtonClass, ErrorNote, primaryButtonClass } from '../ui/controls.js';
import { DecisionDialog } from './decision-dialog.js';
import { requestActions, type RequestAction, type RequestStatus } from './request-actions.js';

const toneClass = { primary: primaryButtonClass, danger: dangerButtonClass, plain: buttonClass };

export function DecisionBar({
  requestId,
  status,
  role,
  requester,
}: {
  requestId: string;
  status: RequestStatus;
  role: Role | undefined;
  /** who the decision's email goes to: the request's contact */
  requester: { name: string; email: string };
}) {
  const edit = useEdit();
  const actions = requestActions(role, status);
  const [asking, setAsking] = useState<RequestAction>();
  const [refusal, setRefusal] = useState<CommandError>();
  const [saving, setSaving] = useState(false);
  const group = useRef<HTMLDivElement>(null);

  // the button that opened the dialog is gone once the status moved: focus stays in the bar
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) group.current?.focus();
  }, [status]);

  async function decide(action: RequestAction, note: string) {
    setRefusal(undefined);
    setSaving(true);
    const refused = await edit('request.setStatus', {
      requestId,
      decisionId: crypto.randomUUID(),
      toStatus: action.toStatus,
      note: note.trim() === '' ? null : note.trim(),
      expectedStatus: status,
    });
    setSaving(false);
    setRefusal(refused);
    if (!refused) setAsking(undefined);
  }

  if (actions.length === 0) return null;
  return (
    <div className="space-y-2">
      <div
        ref={group}
        tabIndex={-1}
        role="group"
        aria-label="Decision"
        className="flex flex-wrap items-center justify-end gap-2 rounded-md focus:outline-none"
      >
        {actions.map((action) => (
          <button
            key={action.toStatus}
            type="button"
            disabled={saving}
            aria-haspopup="dialog"
            className={toneClass[action.tone]}
            onClick={() => {
              setRefusal(undefined);
              setAsking(action);
            }}
          >
            {action.label}…
          </button>
        ))}
      </div>
      {asking && (
        <DecisionDialog
          action={asking}
          recipient={requester}
          saving={saving}
          refusal={refusal}
          toneClass={toneClass[asking.tone]}
          onDecide={(note) => void decide(asking, note)}
          onCancel={() => {
            setAsking(undefined);
            setRefusal(undefined);
          }}
        />
      )}
      {!asking && (
        <div className="flex justify-end">
          <ErrorNote error={refusal} />
        </div>
      )}
    </div>
  );
}
