// "Admitted on this device a moment ago": a second admit of the same entry within seconds of
// the first is nearly always a double press, or two people at one desk reaching for the same
// name, rather than the guest's +1 walking up; the door is asked before it counts again. Only
// this device's own check-ins count: another door's are judged by the entry's allotment.

/** how long a check-in made here makes the next one of the same entry ask first */
export const RECENT_CHECK_IN_MS = 15_000;

export interface CheckInMadeHere {
  readonly entryId: string | null;
  /** a positive count: an admit or a walk-up; undos are not kept among these */
  readonly admitted: number;
  /** when it was made on this device, in milliseconds (Date.now()) */
  readonly madeAt: number;
}

/** seconds since this device last admitted the entry, when that is within the window */
export function admittedHereRecently(
  made: readonly CheckInMadeHere[],
  entryId: string,
  now: number,
  windowMs = RECENT_CHECK_IN_MS,
): number | undefined {
  const last = made.findLast((checkIn) => checkIn.entryId === entryId && checkIn.admitted > 0);
  if (!last || now - last.madeAt > windowMs) return undefined;
  return Math.max(0, now - last.madeAt) / 1000;
}
