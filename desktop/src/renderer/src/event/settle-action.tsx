// "Settle show": the last step of the settlement, after which the sheet, the deal and the event
// are final.
import { useState } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { buttonClass, dangerButtonClass, ErrorNote } from '../ui/controls.js';

/** Settling is final, so it asks first; the confirm button takes the focus, Cancel is one Tab away. */
export function SettleAction({ eventId, title }: { eventId: string; title: string }) {
  const edit = useEdit();
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<CommandError>();

  async function settle() {
    setSaving(true);
    const refused = await edit('event.settle', { eventId });
    setSaving(false);
    setRefusal(refused);
    if (!refused) setAsking(false);
  }

  return (
    <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      {asking ? (
        <div role="group" aria-label="Confirm settling" className="space-y-2">
          <p className="text-sm">
            Settle “{title}”? The sheet becomes final: its lines, the deal and the event can no longer be changed.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className={dangerButtonClass}
              disabled={saving}
              autoFocus
              onClick={() => void settle()}
            >
              Settle for good
            </button>
            <button type="button" className={buttonClass} onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass} onClick={() => setAsking(true)}>
          Settle show
        </button>
      )}
      <ErrorNote error={refusal} />
    </div>
  );
}
