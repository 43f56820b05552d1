// "Already in", "beyond the allotment" or "admitted here a moment ago": the door person says yes
// or no before the check-in is recorded. The dialog opens on an Enter, and a hurried second Enter
// must not say yes for them: focus starts on "Don't admit" (Enter or Escape: no), and the yes is
// one Tab away (or a click).
import { useEffect, useId, useRef } from 'react';
import { Dialog } from '../ui/dialog.js';

export function AdmitDialog({
  message,
  admitLabel,
  onConfirm,
  onCancel,
}: {
  message: string;
  /** "Admit 1 more" */
  admitLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const safe = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  useEffect(() => safe.current?.focus(), []);
  return (
    <Dialog title="Admit again?" onClose={onCancel}>
      <p id={messageId} className="mb-4 text-lg">
        {message}
      </p>
      <div className="flex justify-end gap-3">
        <button
          ref={safe}
          type="button"
          onClick={onCancel}
          aria-describedby={messageId}
          aria-keyshortcuts="Enter Escape"
          className="rounded-lg border-2 border-zinc-900 px-4 py-2 text-lg font-bold focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-zinc-100"
        >
          Don’t admit{' '}
          <kbd aria-hidden className="text-sm font-normal">
            Enter · Esc
          </kbd>
        </button>
        <button
          type="button"
          onClick={onConfirm}
          className="rounded-lg bg-red-700 px-4 py-2 text-lg font-black text-white hover:bg-red-600 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          {admitLabel}
        </button>
      </div>
    </Dialog>
  );
}
