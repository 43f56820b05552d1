// Admitted so far against what the night holds, in type the door can read from across the room:
// the total, each list and the walk-ups, with a warning from 90 % of capacity.
import type { DoorCount } from './door-tally.js';
import { useFormat } from '../format/use-format.js';

export function DoorCountPanel({
  door,
  onWalkUp,
  walkUpShortcut,
}: {
  door: DoorCount;
  onWalkUp: () => void;
  walkUpShortcut: string;
}) {
  const f = useFormat();
  // whole percent, in basis points: the door reads it from across the room
  const share = door.capacity > 0 ? Math.round((door.total / door.capacity) * 100) * 100 : 0;
  return (
    <section
      aria-labelledby="door-count"
      className={`rounded-xl border-4 p-4 ${door.nearCapacity ? 'border-red-700 bg-red-50 dark:border-red-500 dark:bg-red-950' : 'border-zinc-900 dark:border-zinc-100'}`}
    >
      <h2 id="door-count" className="text-xl font-black">
        Door count
      </h2>
      <p className="mt-1 flex items-baseline gap-3">
        <span
          data-testid="door-total"
          data-value={door.total}
          className="text-8xl leading-none font-black tabular-nums"
        >
          {f.count(door.total)}
        </span>
        <span data-testid="door-capacity" className="text-3xl font-bold tabular-nums">
          / {f.count(door.capacity)}
        </span>
      </p>
      <p className="text-base font-semibold">{f.percent(share)} of capacity</p>
      {door.nearCapacity && (
        <p role="alert" className="mt-2 text-2xl font-black text-red-800 dark:text-red-300">
          {door.total >= door.capacity ? 'At capacity' : 'Near capacity'}:{' '}
          {f.count(Math.max(0, door.capacity - door.total))} left
        </p>
      )}
      <dl className="mt-3 space-y-1 text-lg">
        {door.lists.map((list) => (
          <div key={list.guestListId} className="flex justify-between gap-3">
            <dt>{list.name}</dt>
            <dd className="font-bold tabular-nums">{f.count(list.admitted)}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-3 border-t-2 border-zinc-900 pt-1 dark:border-zinc-100">
          <dt>Walk-ups</dt>
          <dd data-testid="walk-ups" className="font-bold tabular-nums">
            {f.count(door.walkUps)}
          </dd>
        </div>
      </dl>
      <button
        type="button"
        onClick={onWalkUp}
        aria-keyshortcuts="Alt+W"
        className="mt-4 w-full rounded-lg bg-zinc-900 px-4 py-3 text-2xl font-black text-white hover:bg-zinc-700 dark:bg-white dark:text-black dark:hover:bg-zinc-200"
      >
        Walk-up +1 <kbd className="ml-2 text-base font-semibold opacity-80">{walkUpShortcut}</kbd>
      </button>
    </section>
  );
}
