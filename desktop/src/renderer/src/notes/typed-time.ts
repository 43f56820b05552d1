// Run-of-show times as people type them.
import { VENUE_TIME_OF_DAY } from '@promoteros/shared/notes';

/**
 * A time as typed on the venue's 24-hour clock: 17:00, 17.00, 1700 or 9:30. A plain text field
 * rather than <input type="time">, whose segments take the Tab key and whose 12-hour display
 * in some locales is not how a day sheet reads.
 */
export function venueTimeOf(typed: string): string | undefined {
  const match = /^\s*(\d{1,2})[:.h]?(\d{2})\s*$/.exec(typed);
  if (!match) return undefined;
  const at = `${match[1]!.padStart(2, '0')}:${match[2]}`;
  return VENUE_TIME_OF_DAY.test(at) ? at : undefined;
}
