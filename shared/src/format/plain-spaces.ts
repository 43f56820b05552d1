// Intl writes narrow and ordinary no-break spaces ("8:00\u202fPM", "1\u00a0500,00\u00a0€"), and
// which one depends on the ICU version: Node and Chromium may differ. The PDF's built-in fonts
// have no glyph for U+202F, and an email, a sheet and the app must read alike, so everything this
// module writes uses plain spaces.
export const plainSpaces = (text: string): string => text.replace(/[\u202f\u00a0\u2009]/g, ' ');
