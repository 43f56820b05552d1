// Dates and times in letters, always on the venue's clock and saying so: a requester in another
// zone reads the time the doors open at the venue, not at home.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formats.get(key);
  if (!found) formats.set(key, (found = make()));
  return found;
}

/** "Friday, 1 September 2028, 20:00 (Europe/Berlin)" */
export function venueDateTime(instantMs: number, timeZone: string): string {
  const f = format(
    `dt|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  return `${f.format(instantMs).replace(' at ', ', ')} (${timeZone})`;
}

/** "20:00" on the venue's clock */
export function venueTime(instantMs: number, timeZone: string): string {
  const f = format(
    `t|${timeZone}`,
    () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
  return f.format(instantMs);
}

/** A calendar day (YYYY-MM-DD, already the venue's day): "Friday, 1 September 2028" */
export function calendarDay(day: string): string {
  const f = format(
    'day',
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'UTC',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
  );
  return f.format(Date.parse(`${day}T00:00:00Z`));
}
