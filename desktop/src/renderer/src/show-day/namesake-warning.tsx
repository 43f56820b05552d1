// The warning shown when the name typed is already on the list (namesakes.ts): who is there, and
// the ways on. Adding a new guest, the door person can grow the namesake's party instead; either
// way, submitting the form again adds (or saves) the second entry.
import { buttonClass } from '../ui/controls.js';
import type { GuestEntry } from './guest-search.js';

export function NamesakeWarning({
  id,
  namesakes,
  listName,
  typedName,
  correcting,
  joinable,
  count,
  onJoin,
}: {
  id: string;
  /** the entries of the list with the name typed */
  namesakes: readonly GuestEntry[];
  listName: string;
  typedName: string;
  /** correcting an entry rather than adding one */
  correcting: boolean;
  /** the one namesake's party can grow by `count` */
  joinable: boolean;
  count: number;
  onJoin: (existing: GuestEntry) => void;
}) {
  return (
    <div
      id={id}
      role="alert"
      className="space-y-2 rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="font-semibold">
        {namesakes.length === 1
          ? `${namesakes[0]!.guestName} is already on ${listName}: ${describeEntry(namesakes[0]!)}.`
          : `${typedName} is already on ${listName} ${namesakes.length} times.`}
      </p>
      <p>
        {correcting
          ? 'Save anyway if this is someone else with the same name.'
          : 'Same person? Add to their party instead. Someone else with the same name? Add a second entry.'}
      </p>
      {joinable && (
        <button type="button" className={buttonClass} onClick={() => onJoin(namesakes[0]!)}>
          Add to their party (admits {namesakes[0]!.admitCount + count})
        </button>
      )}
    </div>
  );
}

/** "admits 2, added by Kevin O’Malley, note: Tour manager’s sister" */
function describeEntry(entry: GuestEntry): string {
  return [
    `admits ${entry.admitCount}`,
    entry.addedBy ? `added by ${entry.addedBy}` : '',
    entry.note ? `note: ${entry.note}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
