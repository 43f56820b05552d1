// The event's lists at a glance: how much of each allotment its entries use and when it closes
// (in the venue's time), a button to add a guest, and for managers a form for a new list.
import { useState, type FormEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { instantInZone } from '../format/venue-time.js';
import { buttonClass, Field, inputClass, primaryButtonClass, selectClass } from '../ui/controls.js';
import { Dialog, DialogFormEnd } from '../ui/dialog.js';
import { useFormat } from '../format/use-format.js';

type GuestList = CommandResult<'guestList.get'>['lists'][number];

const kindNames: Record<GuestList['kind'], string> = {
  ARTIST: 'Artist',
  PROMOTER: 'Promoter',
  COMP: 'Comps',
  WILL_CALL: 'Will-call',
  MEDIA: 'Media',
  OTHER: 'Other',
};

export function GuestListsPanel({
  lists,
  eventId,
  showDate,
  timezone,
  manages,
  doubledNames,
  onAddGuest,
}: {
  lists: readonly GuestList[];
  eventId: string;
  showDate: string;
  timezone: string;
  manages: boolean;
  /** list id → how many of its names are on it more than once */
  doubledNames: ReadonlyMap<string, number>;
  onAddGuest: () => void;
}) {
  const f = useFormat();
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="guest-lists" className="rounded-xl border-2 border-zinc-900 p-4 dark:border-zinc-100">
      <h2 id="guest-lists" className="mb-2 text-xl font-black">
        Lists
      </h2>
      {lists.length === 0 ? (
        <p>No guest list for this show yet.</p>
      ) : (
        <ul className="space-y-1 text-base">
          {lists.map((list) => (
            <li key={list.id}>
              <span className="font-bold">{list.name}</span> · {kindNames[list.kind]} · {f.count(list.entryCount)}{' '}
              {list.entryCount === 1 ? 'name' : 'names'}, {f.count(list.allotted)}
              {list.allotment !== null ? ` of ${f.count(list.allotment)}` : ''} admissions
              {list.cutoffAt && ` · closes ${f.time(list.cutoffAt, timezone)}`}
              <DoubledNames count={doubledNames.get(list.id) ?? 0} />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {lists.length > 0 && (
          <button type="button" onClick={onAddGuest} className={primaryButtonClass}>
            Add a guest
          </button>
        )}
        {manages && (
          <button type="button" onClick={() => setCreating(true)} className={buttonClass}>
            New list
          </button>
        )}
      </div>
      {creating && (
        <NewListDialog eventId={eventId} showDate={showDate} timezone={timezone} onClose={() => setCreating(false)} />
      )}
    </section>
  );
}

function DoubledNames({ count }: { count: number }) {
  const f = useFormat();
  if (count === 0) return null;
  return (
    <span className="font-semibold text-amber-800 dark:text-amber-300">
      {' '}
      · {count === 1 ? 'a name is' : `${f.count(count)} names are`} on it more than once
    </span>
  );
}

function NewListDialog({
  eventId,
  showDate,
  timezone,
  onClose,
}: {
  eventId: string;
  showDate: string;
  timezone: string;
  onClose: () => void;
}) {
  const edit = useEdit();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<GuestList['kind']>('ARTIST');
  const [allotment, setAllotment] = useState('');
  const [cutoff, setCutoff] = useState('17:00');
  const [error, setError] = useState<CommandError | string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Name the list.');
    const limit = allotment.trim() === '' ? null : Number(allotment);
    if (limit !== null && (!Number.isInteger(limit) || limit < 0)) return setError('The allotment is a whole number.');
    const refusal = await edit('guestList.create', {
      id: crypto.randomUUID(),
      eventId,
      name: name.trim(),
      kind,
      allotment: limit,
      // the cutoff is a time on the show's day, at the venue
      cutoffAt: cutoff ? instantInZone(showDate, cutoff, timezone) : null,
    });
    if (refusal) setError(refusal);
    else onClose();
  }

  return (
    <Dialog title="New guest list" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="space-y-3">
        <Field label="Name">
          {(props) => (
            <input
              {...props}
              autoFocus
              className={inputClass}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Kind">
          {(props) => (
            <select
              {...props}
              className={selectClass}
              value={kind}
              onChange={(e) => setKind(e.target.value as GuestList['kind'])}
            >
              {Object.entries(kindNames).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Allotment (admissions; empty: no limit)">
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              className={inputClass}
              value={allotment}
              onChange={(e) => setAllotment(e.target.value)}
            />
          )}
        </Field>
        <Field label="Cutoff (venue time on the show day; empty: none)">
          {(props) => (
            <input
              {...props}
              type="time"
              className={inputClass}
              value={cutoff}
              onChange={(e) => setCutoff(e.target.value)}
            />
          )}
        </Field>
        <DialogFormEnd error={error} submitLabel="Create list" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
