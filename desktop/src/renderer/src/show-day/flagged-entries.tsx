// For the manager: the entries two doors admitted beyond their allotment, with every check-in
// (admits and undos) kept (device, time, who recorded it), so the night's count can be explained.
import { useFormat } from '../format/use-format.js';
import type { GuestEntry } from './guest-search.js';

type CheckIn = GuestEntry['checkIns'][number];

export function FlaggedEntries({
  entries,
  admittedOf,
  timezone,
}: {
  entries: GuestEntry[];
  admittedOf: (entry: GuestEntry) => number;
  timezone: string;
}) {
  const f = useFormat();
  const describe = (checkIn: CheckIn) =>
    `${checkIn.kind === 'UNDO' ? 'Undo' : 'Admitted'} ${Math.abs(checkIn.admitted)} · ${checkIn.deviceId} · ${f.time(checkIn.occurredAt, timezone)}${checkIn.recordedBy ? ` · ${checkIn.recordedBy}` : ''}`;
  return (
    <section aria-labelledby="flagged-entries" className="rounded-xl border-4 border-red-700 p-4 dark:border-red-500">
      <h2 id="flagged-entries" className="text-xl font-black">
        Over allotment ({entries.length})
      </h2>
      <ul className="mt-2 space-y-2">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className="font-bold">{entry.guestName}</span>: {admittedOf(entry)} in for {entry.admitCount}
            <ul className="text-base">
              {entry.checkIns.map((checkIn) => (
                <li key={checkIn.id}>{describe(checkIn)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
