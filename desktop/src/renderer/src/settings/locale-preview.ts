// What the locale setting shows before it is saved: a show's date, its doors time, a deal amount
// and a count, written in the chosen locale by the same module every screen, email and document
// uses, so the preview is exactly what the organization will read.
import { formatsFor } from '@promoteros/shared/format';

export interface LocalePreview {
  readonly date: string;
  readonly time: string;
  readonly amount: string;
  readonly count: string;
}

/** The currency a deal starts in (deal_terms.currency's default). */
export const PREVIEW_CURRENCY = 'USD';

/** The first Friday from `today` on ('YYYY-MM-DD'): a show night, so the weekday shows too. */
export function nextFriday(today: string): string {
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

export function localePreview(locale: string, today: string): LocalePreview {
  const f = formatsFor(locale);
  return {
    date: f.date(nextFriday(today)),
    time: f.wallTime('19:30'),
    amount: f.money(250_050, PREVIEW_CURRENCY),
    count: f.count(2500),
  };
}
