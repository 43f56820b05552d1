// The organization's locale: how its app, emails and documents write dates, times, numbers and
// money. A BCP 47 tag ("en-US", "en-GB", "de-DE") stored on organizations.locale (migration 0023).
// Language of the words stays English; the locale decides the conventions around them.

/** What an organization starts with, and what a tag this runtime cannot format falls back to. */
export const DEFAULT_LOCALE = 'en-US';

/** At most this long, as the column's check says: a tag, not a sentence. */
export const LOCALE_MAX_LENGTH = 35;

/** The shape the database accepts (0023's CHECK); Intl decides whether it can format it. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * The canonical form of a tag ("en-gb" → "en-GB") when Intl can format dates and numbers in it,
 * else undefined: a tag Intl only falls back from ("xx-YY") would print another locale's
 * conventions while the setting claims its own.
 */
export function canonicalLocale(tag: string): string | undefined {
  if (tag.length > LOCALE_MAX_LENGTH || !LOCALE_PATTERN.test(tag)) return undefined;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
  if (!canonical) return undefined;
  const dates = Intl.DateTimeFormat.supportedLocalesOf([canonical], { localeMatcher: 'lookup' });
  const numbers = Intl.NumberFormat.supportedLocalesOf([canonical], { localeMatcher: 'lookup' });
  return dates.length > 0 && numbers.length > 0 ? canonical : undefined;
}

/** The tag to format with: the stored one when usable, else the default (never throws). */
export function usableLocale(tag: string | null | undefined): string {
  return (tag && canonicalLocale(tag)) || DEFAULT_LOCALE;
}

/** The locales the Settings screen offers: English in the countries venues book from, then others. */
export const LOCALE_CHOICES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IE',
  'en-NZ',
  'en-ZA',
  'de-DE',
  'de-AT',
  'de-CH',
  'fr-FR',
  'fr-CA',
  'es-ES',
  'es-MX',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'sv-SE',
  'da-DK',
  'nb-NO',
  'ja-JP',
] as const;

/** "English (United Kingdom)": a locale's name, written in English like the rest of the app. */
export function localeName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
