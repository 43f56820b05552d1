// Rules the guest list and the door share. The door of a settled show is closed (its count went
// into the settlement) and a cancelled show has no door; every other event can take a list.
import type { Row, RowReader } from './define.js';
import { RuleViolation, mustGet } from './define.js';

/** The event, if its guest lists and door may still change. */
export async function openDoorEvent(read: RowReader, eventId: string): Promise<Row> {
  const event = await mustGet(read, 'events', eventId, 'the event');
  if (event.status === 'SETTLED')
    throw new RuleViolation(`“${String(event.title)}” is settled: its guest list and door count are final`);
  if (event.status === 'CANCELLED') throw new RuleViolation(`“${String(event.title)}” is cancelled: there is no door`);
  return event;
}

/** The admissions summed over check-ins (admits, walk-ups and undos alike). */
export const sumAdmitted = (checkIns: readonly Row[]): number =>
  checkIns.reduce((sum, checkIn) => sum + Number(checkIn.admitted), 0);

/**
 * An entry is flagged for the manager when more people came in on it than it allots: two door
 * devices admitted the same guest offline, or staff confirmed an extra admission. Derived, never
 * stored, so every device that holds the same check-ins flags the same entries.
 */
export const isOverAllotment = (admitted: number, admitCount: number): boolean => admitted > admitCount;
