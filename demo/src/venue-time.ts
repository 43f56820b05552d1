// Calendar arithmetic for the demo: the venue's wall clock is shared/src/venue-clock.ts (the
// intake page, the relay and the desktop read venue times the same way); the demo adds only
// "today" on the UTC calendar, where its schedule starts.
export { addDays, venueDate, venueInstant, weekday } from '@promoteros/shared/venue-clock';

export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
