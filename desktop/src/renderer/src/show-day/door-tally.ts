// What the door shows the moment a key is pressed: the core's answer plus this device's check-ins
// it has not answered with yet. A check-in is made through the outbox and the guest list query
// re-runs after it; until that answer holds the check-in's id, it is counted here, so the count
// moves on the key press and never counts one admission twice.
import type { CommandResult } from '../../../common/command-map.js';
import { isNearCapacity } from '../../../common/near-capacity.js';

type GuestListDoor = CommandResult<'guestList.get'>;
export type DoorCount = GuestListDoor['door'];

export interface LocalCheckIn {
  readonly id: string;
  /** null for a walk-up */
  readonly entryId: string | null;
  readonly guestListId: string | null;
  /** negative for an undo */
  readonly admitted: number;
  /** the check-in an undo takes back */
  readonly undoesId: string | null;
}

export interface DoorTally {
  readonly door: DoorCount;
  /** admissions per entry not yet in the answer */
  readonly extraByEntry: ReadonlyMap<string, number>;
  /** check-ins taken back on this device, not yet in the answer */
  readonly undone: ReadonlySet<string>;
  /** the local check-ins the answer does not hold yet */
  readonly unseen: readonly LocalCheckIn[];
}

/** every check-in id in an answer */
export function knownCheckIns(data: GuestListDoor): Set<string> {
  const ids = new Set<string>();
  for (const entry of data.entries) for (const checkIn of entry.checkIns) ids.add(checkIn.id);
  for (const walkUp of data.walkUps) ids.add(walkUp.id);
  return ids;
}

export function tallyDoor(data: GuestListDoor, known: ReadonlySet<string>, local: readonly LocalCheckIn[]): DoorTally {
  const unseen = local.filter((checkIn) => !known.has(checkIn.id));
  if (unseen.length === 0) return { door: data.door, extraByEntry: new Map(), undone: new Set(), unseen };
  const extraByEntry = new Map<string, number>();
  const extraByList = new Map<string, number>();
  const undone = new Set<string>();
  let total = data.door.total;
  let walkUps = data.door.walkUps;
  for (const checkIn of unseen) {
    total += checkIn.admitted;
    if (checkIn.undoesId) undone.add(checkIn.undoesId);
    if (checkIn.entryId === null) walkUps += checkIn.admitted;
    else extraByEntry.set(checkIn.entryId, (extraByEntry.get(checkIn.entryId) ?? 0) + checkIn.admitted);
    if (checkIn.guestListId)
      extraByList.set(checkIn.guestListId, (extraByList.get(checkIn.guestListId) ?? 0) + checkIn.admitted);
  }
  const { capacity } = data.door;
  return {
    door: {
      capacity,
      total,
      walkUps,
      lists: data.door.lists.map((list) => ({
        ...list,
        admitted: list.admitted + (extraByList.get(list.guestListId) ?? 0),
      })),
      nearCapacity: isNearCapacity(total, capacity),
    },
    extraByEntry,
    undone,
    unseen,
  };
}

export type AdmitCheck =
  | { readonly confirm: false }
  | {
      readonly confirm: true;
      readonly reason: 'just-admitted' | 'fully-admitted' | 'beyond-allotment';
      readonly message: string;
    };

/**
 * Admitting beyond the allotment, an entry already fully admitted, or one this device admitted
 * seconds ago needs a yes from the door person: the relay never refuses it (another door may have
 * admitted offline), so this is the one place a second admit is caught before it happens.
 * `admittedHereSecondsAgo`: when this device last admitted the entry, if that was recent
 * (`recent-check-in.ts` decides what recent is).
 */
export function checkAdmit(
  guestName: string,
  admitCount: number,
  admitted: number,
  count: number,
  admittedHereSecondsAgo?: number,
): AdmitCheck {
  if (admittedHereSecondsAgo !== undefined)
    return {
      confirm: true,
      reason: 'just-admitted',
      message:
        `${guestName} was admitted on this device ${secondsAgo(admittedHereSecondsAgo)} ` +
        `(${admitted} of ${admitCount} in). Admit ${count} more?`,
    };
  if (admitted >= admitCount)
    return {
      confirm: true,
      reason: 'fully-admitted',
      message: `${guestName} is already in: ${admitted} of ${admitCount} admitted. Admit ${count} more?`,
    };
  if (admitted + count > admitCount)
    return {
      confirm: true,
      reason: 'beyond-allotment',
      message: `${guestName} has ${admitCount - admitted} of ${admitCount} left. Admit ${count}, beyond the allotment?`,
    };
  return { confirm: false };
}

function secondsAgo(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 2) return 'just now';
  return `${whole} seconds ago`;
}
