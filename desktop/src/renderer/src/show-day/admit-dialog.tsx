// "Already in" or "beyond the allotment": the door person says yes or no before the admission is
// made. The confirm button has focus, so Enter confirms and Escape (the dialog's cancel) does not.
import { useEffect, useRef } from 'react';
import { Dialog } from '../ui/dialog.js';

export function AdmitDialog({
  message,
  onConfirm,
  onCancel,
}: {
  message: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <Dialog title="Admit again?" onClose={onCancel}>
      <p className="mb-4 text-lg">{message}</p>
      <div className="flex justify-end gap-3">
        <button
          type="button"
          onClick={onCancel}
          className="rounded-lg border-2 border-zinc-900 px-4 py-2 text-lg font-bold dark:border-zinc-100"
        >
          Cancel <kbd className="text-sm font-normal">Esc</kbd>
        </button>
        <button
          ref={confirm}
          type="button"
          onClick={onConfirm}
          className="rounded-lg bg-red-700 px-4 py-2 text-lg font-black text-white hover:bg-red-600"
        >
          Admit anyway <kbd className="text-sm font-normal">Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
