// Taking a guest off their list at the door (only while nobody of the entry is in). "Keep" is the
// way out; a refusal from the relay stays in the dialog instead of closing it.
import { useState } from 'react';
import { useEdit } from '../data/use-edit.js';
import { ErrorNote } from '../ui/controls.js';
import { Dialog } from '../ui/dialog.js';
import type { GuestEntry } from './guest-search.js';

export function RemoveGuestDialog({
  entry,
  listName,
  onClose,
}: {
  entry: GuestEntry;
  listName: string | undefined;
  onClose: () => void;
}) {
  const edit = useEdit();
  const [error, setError] = useState<string>();
  return (
    <Dialog title={`Remove ${entry.guestName}?`} onClose={onClose}>
      <p className="mb-4">They come off {listName}.</p>
      <ErrorNote error={error} />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          className="rounded-lg border-2 border-zinc-900 px-3 py-1.5 font-bold dark:border-zinc-100"
          onClick={onClose}
        >
          Keep
        </button>
        <button
          type="button"
          autoFocus
          className="rounded-lg bg-red-700 px-3 py-1.5 font-bold text-white"
          onClick={() =>
            void edit('guestEntry.remove', { id: entry.id }).then((refusal) =>
              refusal ? setError(refusal.message) : onClose(),
            )
          }
        >
          Remove
        </button>
      </div>
    </Dialog>
  );
}
