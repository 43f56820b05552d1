// One guest on the door's list of matches: name and party size, list, who added them, a note,
// a mark when the name is on its list twice, and "n of m in" (red once beyond the allotment). The
// highlighted row shows its actions (see guest-actions.tsx).
import { isOverAllotment } from '@promoteros/shared/mutations';
import { GuestActions } from './guest-actions.js';
import type { GuestEntry } from './guest-search.js';
import type { UndoTarget } from './use-door.js';

export function GuestRow({
  id,
  entry,
  list,
  namesakes,
  admitted,
  active,
  timezone,
  undone,
  onAdmit,
  onUndo,
  onEdit,
  onRemove,
  onPick,
}: {
  id: string;
  entry: GuestEntry;
  list: string;
  /** how many entries of its list carry this name (1: only this one) */
  namesakes: number;
  admitted: number;
  active: boolean;
  timezone: string;
  undone: ReadonlySet<string>;
  onAdmit: (count: number) => void;
  onUndo: (checkIn: UndoTarget) => void;
  onEdit: () => void;
  onRemove: () => void;
  onPick: () => void;
}) {
  const left = entry.admitCount - admitted;
  const flagged = isOverAllotment(admitted, entry.admitCount);
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-status`}
      data-admitted={admitted}
      onClick={onPick}
      className="rounded-lg border-2 border-zinc-400 p-3 aria-selected:border-4 aria-selected:border-sky-700 aria-selected:bg-sky-50 dark:border-zinc-600 dark:aria-selected:border-sky-400 dark:aria-selected:bg-sky-950"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <span className="text-2xl font-black">
          <span id={`${id}-name`}>{entry.guestName}</span>
          {entry.admitCount > 1 && <span className="ml-2 font-bold">+{entry.admitCount - 1}</span>}
        </span>
        <span
          id={`${id}-status`}
          data-testid="guest-status"
          className={`text-xl font-black tabular-nums ${flagged ? 'text-red-700 dark:text-red-400' : left <= 0 ? 'text-emerald-800 dark:text-emerald-300' : ''}`}
        >
          {flagged ? 'Over allotment: ' : ''}
          {admitted} of {entry.admitCount} in
        </span>
      </div>
      <div className="text-base text-zinc-800 dark:text-zinc-200">
        {list}
        {entry.addedBy && ` · added by ${entry.addedBy}`}
        {entry.note && <span className="font-semibold"> · {entry.note}</span>}
        {namesakes > 1 && (
          <span data-testid="listed-twice" className="font-bold text-amber-800 dark:text-amber-300">
            {' '}
            · on this list {namesakes === 2 ? 'twice' : `${namesakes} times`}
          </span>
        )}
      </div>
      {active && (
        <GuestActions
          entry={entry}
          left={left}
          timezone={timezone}
          undone={undone}
          onAdmit={onAdmit}
          onUndo={onUndo}
          onEdit={onEdit}
          onRemove={onRemove}
        />
      )}
    </li>
  );
}
