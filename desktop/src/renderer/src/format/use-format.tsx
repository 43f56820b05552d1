// The app's one way to write dates, times, numbers and money (shared/src/format, as the emails and
// documents use it): the open organization's locale, and this computer's zone for the zone rule,
// so a venue time names its zone only when this computer's clock would read otherwise.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, formatsFor, type Formats } from '@promoteros/shared/format';
import { useQuery } from '../data/use-query.js';

/** The zone this computer's clock is set to. */
export const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const FormatContext = createContext<Formats>(formatsFor(DEFAULT_LOCALE, { readerZone: deviceZone() }));

/** Gives every screen below it the organization's formats; a locale synced from elsewhere applies at once. */
export function FormatProvider({ children }: { children: ReactNode }) {
  const organization = useQuery('organization.get', {});
  const locale = organization.data?.locale;
  const formats = useMemo(() => formatsFor(locale, { readerZone: deviceZone() }), [locale]);
  return <FormatContext.Provider value={formats}>{children}</FormatContext.Provider>;
}

export const useFormat = (): Formats => useContext(FormatContext);

/** The time now, again every `everyMs`: relative times ("2 minutes ago") age while nothing else changes. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
