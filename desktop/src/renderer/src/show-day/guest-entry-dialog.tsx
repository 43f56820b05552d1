// Adding a name to a list, or correcting one: name, list, how many it admits (the guest and
// their +N) and a note for the door. Made through the outbox like any edit, so it works offline;
// a refusal the device already knows of (a list past its cutoff or allotment for staff) shows
// here, next to the form.
import { useState, type FormEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { Dialog, DialogFormEnd } from '../ui/dialog.js';
import { Field, inputClass, selectClass } from '../ui/controls.js';

type GuestListDoor = CommandResult<'guestList.get'>;
type GuestEntry = GuestListDoor['entries'][number];

export function GuestEntryDialog({
  eventId,
  lists,
  entry,
  onClose,
}: {
  eventId: string;
  lists: GuestListDoor['lists'];
  /** the entry to correct; none: a new name */
  entry?: GuestEntry;
  onClose: () => void;
}) {
  const edit = useEdit();
  const [guestName, setGuestName] = useState(entry?.guestName ?? '');
  const [guestListId, setGuestListId] = useState(entry?.guestListId ?? lists[0]?.id ?? '');
  const [admitCount, setAdmitCount] = useState(String(entry?.admitCount ?? 1));
  const [note, setNote] = useState(entry?.note ?? '');
  const [error, setError] = useState<CommandError | string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const count = Number(admitCount);
    if (!guestName.trim()) return setError('Type the guest’s name.');
    if (!Number.isInteger(count) || count < 1 || count > 100) return setError('A guest admits 1 to 100 people.');
    const fields = { guestName: guestName.trim(), admitCount: count, note: note.trim() || null };
    const refusal = entry
      ? await edit('guestEntry.update', { id: entry.id, ...fields })
      : await edit('guestEntry.add', { id: crypto.randomUUID(), eventId, guestListId, ...fields });
    if (refusal) setError(refusal);
    else onClose();
  }

  return (
    <Dialog title={entry ? `Edit ${entry.guestName}` : 'Add a guest'} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="space-y-3">
        <Field label="Guest name">
          {(props) => (
            <input
              {...props}
              autoFocus
              className={inputClass}
              value={guestName}
              maxLength={200}
              onChange={(event) => setGuestName(event.target.value)}
            />
          )}
        </Field>
        {!entry && (
          <Field label="List">
            {(props) => (
              <select
                {...props}
                className={selectClass}
                value={guestListId}
                onChange={(event) => setGuestListId(event.target.value)}
              >
                {lists.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Admits (the guest and their +N)">
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={100}
              className={inputClass}
              value={admitCount}
              onChange={(event) => setAdmitCount(event.target.value)}
            />
          )}
        </Field>
        <Field label="Note for the door">
          {(props) => (
            <input
              {...props}
              className={inputClass}
              value={note}
              maxLength={1000}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
        <DialogFormEnd
          error={error}
          submitLabel={entry ? 'Save' : 'Add guest'}
          submitDisabled={!entry && !guestListId}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
