// The door's edits: admit, walk-up and undo, each a check-in appended through the outbox with an
// id made here (a retry after a lost answer is the same check-in, counted once). The count moves
// on the key press: a check-in is counted locally until the guest list query's answer holds it.
// This device's own check-ins of the session are kept for Undo (Alt+Z).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import type { MutationArgs } from '@promoteros/shared/mutations';
import { useEdit } from '../data/use-edit.js';
import { doorDeviceId } from './door-device.js';
import { knownCheckIns, tallyDoor, type DoorTally, type LocalCheckIn } from './door-tally.js';

type GuestListDoor = CommandResult<'guestList.get'>;
type DoorEdit = 'checkIn.admit' | 'checkIn.walkUp' | 'checkIn.undo';
/** what every check-in of this device carries, whichever it is */
type Stamp = 'id' | 'eventId' | 'deviceId' | 'occurredAt';
type GuestEntry = GuestListDoor['entries'][number];

/** a check-in this device made, as Undo needs it */
export interface MadeCheckIn extends LocalCheckIn {
  /** "Ada Lovelace" or "Walk-up", for the undo button */
  readonly label: string;
  /** Date.now() when it was made: an admit of the same guest seconds later asks first */
  readonly madeAt: number;
}

/** a check-in to take back: one of this device's, or any admit shown on an entry */
export type UndoTarget = Omit<MadeCheckIn, 'undoesId' | 'madeAt'>;

export interface Door {
  readonly tally: DoorTally | undefined;
  readonly deviceId: string;
  /** this device's admits and walk-ups this session, newest last */
  readonly made: readonly MadeCheckIn[];
  readonly error: CommandError | undefined;
  admit(entry: GuestEntry, count: number): void;
  walkUp(count: number): void;
  /** takes back one admit or walk-up (as a check-in of its own) */
  undo(checkIn: UndoTarget): void;
}

export function useDoor(eventId: string, data: GuestListDoor | undefined): Door {
  const edit = useEdit();
  const deviceId = useMemo(() => doorDeviceId(), []);
  const [local, setLocal] = useState<readonly LocalCheckIn[]>([]);
  const [made, setMade] = useState<readonly MadeCheckIn[]>([]);
  const [error, setError] = useState<CommandError>();
  const known = useMemo(() => (data ? knownCheckIns(data) : new Set<string>()), [data]);
  const tally = useMemo(() => (data ? tallyDoor(data, known, local) : undefined), [data, known, local]);

  // what the answer holds is counted there now
  useEffect(() => {
    if (local.some((checkIn) => known.has(checkIn.id))) setLocal((all) => all.filter((c) => !known.has(c.id)));
  }, [known, local]);

  const record = useCallback(
    <Name extends DoorEdit>(checkIn: LocalCheckIn, name: Name, args: Omit<MutationArgs<Name>, Stamp>) => {
      setLocal((all) => [...all, checkIn]);
      setError(undefined);
      const stamped = { ...args, id: checkIn.id, eventId, deviceId, occurredAt: new Date().toISOString() };
      // the arguments but the stamp, and the stamp: TypeScript cannot add them up through Name
      void edit(name, stamped as MutationArgs<Name>).then((refusal) => {
        if (!refusal) return;
        setLocal((all) => all.filter((c) => c.id !== checkIn.id));
        setMade((all) => all.filter((c) => c.id !== checkIn.id));
        setError(refusal);
      });
    },
    [deviceId, edit, eventId],
  );

  const admit = useCallback(
    (entry: GuestEntry, count: number) => {
      const checkIn = {
        id: crypto.randomUUID(),
        entryId: entry.id,
        guestListId: entry.guestListId,
        admitted: count,
        undoesId: null,
      };
      setMade((all) => [...all, { ...checkIn, label: entry.guestName, madeAt: Date.now() }]);
      record(checkIn, 'checkIn.admit', { entryId: entry.id, admitted: count });
    },
    [record],
  );

  const walkUp = useCallback(
    (count: number) => {
      const checkIn = { id: crypto.randomUUID(), entryId: null, guestListId: null, admitted: count, undoesId: null };
      setMade((all) => [
        ...all,
        { ...checkIn, label: count === 1 ? 'Walk-up' : `${count} walk-ups`, madeAt: Date.now() },
      ]);
      record(checkIn, 'checkIn.walkUp', { admitted: count });
    },
    [record],
  );

  const undo = useCallback(
    (original: UndoTarget) => {
      setMade((all) => all.filter((c) => c.id !== original.id));
      record(
        {
          id: crypto.randomUUID(),
          entryId: original.entryId,
          guestListId: original.guestListId,
          admitted: -original.admitted,
          undoesId: original.id,
        },
        'checkIn.undo',
        { undoesId: original.id, entryId: original.entryId },
      );
    },
    [record],
  );

  return { tally, deviceId, made, error, admit, walkUp, undo };
}
