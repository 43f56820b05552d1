// Adding a name to a list, or correcting one: name, list, how many it admits (the guest and
// their +N) and a note for the door. Made through the outbox like any edit, so it works offline;
// a refusal the device already knows of (a list past its cutoff or allotment for staff) shows
// here, next to the form. A name already on the list warns first (namesakes.ts): the door person
// adds a second entry, grows the first one's party instead, or goes back.
import { useId, useState, type FormEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { Dialog, DialogFormEnd } from '../ui/dialog.js';
import { Field, inputClass, selectClass } from '../ui/controls.js';
import { NamesakeWarning } from './namesake-warning.js';
import { nameKey, namesakesOn } from './namesakes.js';

type GuestListDoor = CommandResult<'guestList.get'>;
type GuestEntry = GuestListDoor['entries'][number];

export function GuestEntryDialog({
  eventId,
  lists,
  entries,
  entry,
  onClose,
}: {
  eventId: string;
  lists: GuestListDoor['lists'];
  /** every entry of the event, as the replica has them: where a namesake is looked for */
  entries: readonly GuestEntry[];
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
  /** the list and name the namesake warning was shown for: submitting them again adds anyway */
  const [warned, setWarned] = useState<string>();
  const warningId = useId();
  const listId = entry?.guestListId ?? guestListId;
  const listName = lists.find((list) => list.id === listId)?.name ?? 'this list';
  const namesakes = namesakesOn(entries, listId, guestName, entry?.id);
  const warnedFor = `${listId}\u0000${nameKey(guestName)}`;
  const warning = namesakes.length > 0 && warned === warnedFor ? namesakes : [];
  const count = Number(admitCount);
  const validCount = Number.isInteger(count) && count >= 1 && count <= 100;
  const joinable = !entry && warning.length === 1 && validCount && warning[0]!.admitCount + count <= 100;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!guestName.trim()) return setError('Type the guest’s name.');
    if (!validCount) return setError('A guest admits 1 to 100 people.');
    if (namesakes.length > 0 && warned !== warnedFor) {
      setError(undefined);
      return setWarned(warnedFor);
    }
    const fields = { guestName: guestName.trim(), admitCount: count, note: note.trim() || null };
    const refusal = entry
      ? await edit('guestEntry.update', { id: entry.id, ...fields })
      : await edit('guestEntry.add', { id: crypto.randomUUID(), eventId, guestListId, ...fields });
    if (refusal) setError(refusal);
    else onClose();
  }

  /** the same guest after all: their party grows by the admissions typed here */
  async function joinParty(existing: GuestEntry) {
    const refusal = await edit('guestEntry.update', {
      id: existing.id,
      admitCount: existing.admitCount + count,
      ...(existing.note === null && note.trim() ? { note: note.trim() } : {}),
    });
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
              aria-describedby={warning.length > 0 ? warningId : props['aria-describedby']}
              onChange={(event) => setGuestName(event.target.value)}
            />
          )}
        </Field>
        {!entry && <GuestListField lists={lists} value={guestListId} onChange={setGuestListId} />}
        <AdmitsField value={admitCount} onChange={setAdmitCount} />
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
        {warning.length > 0 && (
          <NamesakeWarning
            id={warningId}
            namesakes={warning}
            listName={listName}
            typedName={guestName.trim()}
            correcting={Boolean(entry)}
            joinable={joinable}
            count={count}
            onJoin={(existing) => void joinParty(existing)}
          />
        )}
        <DialogFormEnd
          error={error}
          submitLabel={submitLabel(Boolean(entry), warning.length > 0, guestName.trim())}
          submitDisabled={!entry && !guestListId}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

/** what the form's button does: with a namesake warning shown, a second press adds (or saves) anyway */
function submitLabel(correcting: boolean, warned: boolean, typedName: string): string {
  if (warned) return correcting ? 'Save anyway' : `Add a second ${typedName}`;
  return correcting ? 'Save' : 'Add guest';
}

function GuestListField({
  lists,
  value,
  onChange,
}: {
  lists: GuestListDoor['lists'];
  value: string;
  onChange: (guestListId: string) => void;
}) {
  return (
    <Field label="List">
      {(props) => (
        <select {...props} className={selectClass} value={value} onChange={(event) => onChange(event.target.value)}>
          {lists.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** how many the entry admits: the guest and their +N */
function AdmitsField({ value, onChange }: { value: string; onChange: (admitCount: string) => void }) {
  return (
    <Field label="Admits (the guest and their +N)">
      {(props) => (
        <input
          {...props}
          type="number"
          min={1}
          max={100}
          className={inputClass}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
