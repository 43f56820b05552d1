// The door's check-ins as the door person makes them: an admit asks first when the guest is
// already in, beyond their allotment or admitted here seconds ago (checkAdmit), a walk-up
// counts at once, and undo takes back this device's latest check-in no device has taken back.
// Each says what it did in a line the screen reads out.
import { useState } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { checkAdmit } from './door-tally.js';
import type { GuestEntry } from './guest-search.js';
import { admittedHereRecently } from './recent-check-in.js';
import type { Door } from './use-door.js';
import type { DoorSearch } from './use-door-search.js';

/** an admit waiting for the door person's yes */
export interface Confirming {
  readonly entry: GuestEntry;
  readonly count: number;
  readonly message: string;
}

export function useDoorCheckIns(door: Door, data: CommandResult<'guestList.get'> | undefined, search: DoorSearch) {
  const [confirming, setConfirming] = useState<Confirming>();
  const [said, setSaid] = useState('');

  /** admitted so far, with the admits this device made that the answer does not hold yet */
  const admittedOf = (entry: GuestEntry) => entry.admitted + (door.tally?.extraByEntry.get(entry.id) ?? 0);

  function requestAdmit(entry: GuestEntry | undefined, count: number) {
    if (!entry) return;
    const recent = admittedHereRecently(door.made, entry.id, Date.now());
    const check = checkAdmit(entry.guestName, entry.admitCount, admittedOf(entry), count, recent);
    if (check.confirm) setConfirming({ entry, count, message: check.message });
    else admit(entry, count);
  }

  function admit(entry: GuestEntry, count: number) {
    door.admit(entry, count);
    setSaid(`Admitted ${entry.guestName}${count > 1 ? ` and ${count - 1} more` : ''}`);
    search.clearAfterAdmission();
  }

  function walkUp() {
    door.walkUp(1);
    setSaid('Walk-up counted');
  }

  function undoLast() {
    // the latest this device made that no device has taken back yet
    const undone = new Set(
      [...(data?.walkUps ?? []), ...(data?.entries.flatMap((entry) => entry.checkIns) ?? [])]
        .filter((checkIn) => checkIn.undone)
        .map((checkIn) => checkIn.id),
    );
    const last = door.made.findLast((checkIn) => !undone.has(checkIn.id));
    if (!last) return;
    door.undo(last);
    setSaid(`Undone: ${last.label}`);
  }

  return {
    said,
    confirming,
    admittedOf,
    requestAdmit,
    walkUp,
    undoLast,
    confirm() {
      if (confirming) admit(confirming.entry, confirming.count);
      setConfirming(undefined);
    },
    cancel: () => setConfirming(undefined),
  };
}
