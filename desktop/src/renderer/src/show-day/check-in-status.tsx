// What the door just did ("Admitted Ada Lovelace and 1 more", "Walk-up counted"), read out as a
// status, with the button that takes back this device's last check-in (also Alt+Z).
import type { MadeCheckIn } from './use-door.js';

export function CheckInStatus({
  said,
  last,
  onUndo,
}: {
  said: string;
  /** this device's latest check-in this session */
  last: MadeCheckIn | undefined;
  onUndo: () => void;
}) {
  return (
    <p role="status" className="min-h-7 text-xl font-bold">
      {said}
      {last && said && (
        <button
          type="button"
          onClick={onUndo}
          aria-keyshortcuts="Alt+Z"
          className="ml-3 rounded-md border-2 border-zinc-900 px-2 text-base font-bold dark:border-zinc-100"
        >
          Undo {last.label} <kbd className="text-sm font-normal">Alt+Z</kbd>
        </button>
      )}
    </p>
  );
}
