// Run-of-show times as people type them.
import { VENUE_TIME_OF_DAY } from '@promoteros/shared/notes';

/**
 * A time as typed on the venue's clock: 17:00, 17.00, 1700 or 9:30 on a 24-hour clock, or the
 * way the organization's locale shows it on a 12-hour one (5:00 PM, 5 pm, 5:30p.m.). A plain
 * text field rather than <input type="time">, whose segments take the Tab key. Stored as HH:MM.
 */
export function venueTimeOf(typed: string): string | undefined {
  const twelve = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m?\.?\s*$/i.exec(typed);
  if (twelve) {
    const hour = Number(twelve[1]);
    if (hour < 1 || hour > 12) return undefined;
    const afternoon = twelve[3]!.toLowerCase() === 'p';
    const at = `${String((hour % 12) + (afternoon ? 12 : 0)).padStart(2, '0')}:${twelve[2] ?? '00'}`;
    return VENUE_TIME_OF_DAY.test(at) ? at : undefined;
  }
  const match = /^\s*(\d{1,2})[:.h]?(\d{2})\s*$/.exec(typed);
  if (!match) return undefined;
  const at = `${match[1]!.padStart(2, '0')}:${match[2]}`;
  return VENUE_TIME_OF_DAY.test(at) ? at : undefined;
}
