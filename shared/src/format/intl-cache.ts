// Intl formatters are slow to make and cheap to use: one per locale, zone and style, kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
const LIMIT = 2_000;

export function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    // an organization has a handful of zones and one locale: the limit only guards a long run
    if (formatters.size >= LIMIT) formatters.clear();
    found = make();
    formatters.set(key, found);
  }
  return found;
}
