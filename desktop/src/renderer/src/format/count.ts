// Counts in words: "1 event", "2 events", "2,500 guests". Intl.PluralRules picks the form, so a
// count never reads "1 events"; the number carries the locale's thousands separator.
// A local helper until the app's one formatting module takes it over.

/** the two English forms of a noun: { one: 'event', other: 'events' } */
export interface Noun {
  readonly one: string;
  readonly other: string;
}

export function formatCount(count: number, noun: Noun, locale?: string): string {
  // the nouns are English, so English rules choose between them (French would make 0 singular)
  const form = new Intl.PluralRules('en').select(count) === 'one' ? noun.one : noun.other;
  return `${new Intl.NumberFormat(locale).format(count)} ${form}`;
}
