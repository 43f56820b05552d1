// The highlighted guest's actions at the door: admit one (Enter) or the rest of the party
// (Shift+Enter), edit, remove while nobody of the entry is in, and undo any admit still
// standing, whichever device made it.
import { useFormat } from '../format/use-format.js';
import type { GuestEntry } from './guest-search.js';
import type { UndoTarget } from './use-door.js';

export function GuestActions({
  entry,
  left,
  timezone,
  undone,
  onAdmit,
  onUndo,
  onEdit,
  onRemove,
}: {
  entry: GuestEntry;
  /** the party not yet in */
  left: number;
  timezone: string;
  undone: ReadonlySet<string>;
  onAdmit: (count: number) => void;
  onUndo: (checkIn: UndoTarget) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const f = useFormat();
  const admits = entry.checkIns.filter((c) => c.kind === 'ADMIT' && !c.undone && !undone.has(c.id));
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <button
        type="button"
        tabIndex={-1}
        onClick={() => onAdmit(1)}
        className="rounded-md bg-zinc-900 px-3 py-1 text-lg font-bold text-white dark:bg-white dark:text-black"
      >
        Admit 1 <kbd className="text-sm font-normal">Enter</kbd>
      </button>
      {entry.admitCount > 1 && left > 1 && (
        <button
          type="button"
          tabIndex={-1}
          onClick={() => onAdmit(left)}
          className="rounded-md border-2 border-zinc-900 px-3 py-1 text-lg font-bold dark:border-zinc-100"
        >
          Admit {left} <kbd className="text-sm font-normal">Shift+Enter</kbd>
        </button>
      )}
      <button type="button" onClick={onEdit} className="rounded-md px-2 py-1 text-base font-semibold underline">
        Edit
      </button>
      {entry.admitted === 0 && (
        <button type="button" onClick={onRemove} className="rounded-md px-2 py-1 text-base font-semibold underline">
          Remove
        </button>
      )}
      {admits.map((checkIn) => (
        <button
          key={checkIn.id}
          type="button"
          onClick={() =>
            onUndo({
              id: checkIn.id,
              entryId: entry.id,
              guestListId: entry.guestListId,
              admitted: checkIn.admitted,
              label: entry.guestName,
            })
          }
          className="rounded-md px-2 py-1 text-base font-semibold underline"
        >
          Undo {checkIn.admitted} at {f.time(checkIn.occurredAt, timezone)} ({checkIn.deviceId})
        </button>
      ))}
    </div>
  );
}
