// What a requester fills in on a venue's public request page, and the rules it must meet. One
// schema for every place a request is made: the page's script checks it as the person types, the
// relay checks it again on submit, and a promoter's request from the app (request.submit) too.
// Values arrive as a form posts them (strings, blank for "not given") or as JSON (numbers too).
// Every message is a sentence that makes sense on its own, in the error summary and next to its
// field. The length limits are the event_requests CHECKs (shared/migrations/0002_booking.sql).
// Numbers in the messages ("at most 5,000 characters", "between 50 and 2,500") are written in
// the organization's locale by the shared format module; the words stay English.
// a namespace import lets the page's bundler drop the parts of zod the page does not use
import * as z from 'zod';
import { venueInstant, venueToday } from '../venue-clock.js';
import { storableText, unstorableCharacter } from '../storable-text.js';
// the module's parts, not its index: the page's bundle takes only what it uses
import { DEFAULT_LOCALE, usableLocale } from '../format/locale.js';
import { formatCount } from '../format/numbers.js';
import { problemsByField } from '../zod-issues.js';

/** Characters as PostgreSQL's length() counts them (code points, not UTF-16 units). */
const charLength = (s: string) => Array.from(s).length;

/** A form sends "" for a field left empty: that is "not given". */
const trimmed = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? undefined : t;
};

const tooLong = (label: string, max: number, locale: string) =>
  `${label} must be at most ${formatCount(max, locale)} characters`;

/** Text PostgreSQL cannot store (shared/src/storable-text.ts), in a sentence next to its field. */
const storable = (label: string) =>
  storableText((input) => {
    const what = typeof input === 'string' ? unstorableCharacter(input) : undefined;
    return what === 'NUL'
      ? `${label} contains a character that cannot be stored (NUL): remove it and send again`
      : `${label} contains a character that cannot be stored (a cut emoji): retype the end of it and send again`;
  });

function requiredText(label: string, missing: string, max: number, locale: string) {
  return z.preprocess(
    trimmed,
    z
      .string({ error: missing })
      .check(storable(label))
      .refine((s) => charLength(s) <= max, tooLong(label, max, locale)),
  );
}

function optionalText(label: string, max: number, locale: string) {
  return z.preprocess(
    trimmed,
    z
      .string({ error: `${label} must be text` })
      .check(storable(label))
      .refine((s) => charLength(s) <= max, tooLong(label, max, locale))
      .optional(),
  );
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const isTime = (value: unknown): value is string => typeof value === 'string' && TIME.test(value);

function date(missing: string, invalid: string) {
  return z.preprocess(trimmed, z.string({ error: missing }).refine(isCalendarDate, invalid));
}

function time(missing: string, invalid: string) {
  return z.preprocess(
    trimmed,
    z
      .string({ error: missing })
      .regex(TIME, invalid)
      // a browser's time input may add seconds; the venue books in minutes
      .transform((t) => t.slice(0, 5)),
  );
}

/** "2,500", "2500.50", "$2500" → cents; anything else is left for the number check to refuse. */
function toCents(value: unknown): unknown {
  const v = trimmed(value);
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 100) : v;
  if (typeof v !== 'string') return v;
  const plain = v.replace(/^[$€£]\s*/, '').replace(/[,\s]/g, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!m) return v;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function money(label: string) {
  const message = `${label} must be an amount such as 2500 or 2,500.50`;
  return z.preprocess(
    toCents,
    z.number({ error: message }).int(message).min(0, `${label} must not be negative`).optional(),
  );
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "2500", "2,500", and the number as the locale groups it ("2.500" in de-DE, "2 500" in fr-FR):
 * the page's hints write the venue's capacity that way, so a person may well type it so.
 * Anything else is left for the number check to refuse.
 */
/** Separators alike to the eye as one: no-break spaces are spaces, a typographic apostrophe
 * (de-CH "2’500", as some ICU versions write it) is a plain one. */
const plainSeparators = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2019/g, "'");

function wholeNumber(locale: string): (value: unknown) => unknown {
  // the locale's thousands separator, as the format module writes it
  const separator = plainSeparators(formatCount(1_000_000, locale)).replace(/\d/g, '').charAt(0);
  const grouped = [',', ...(separator && separator !== ',' ? [separator] : [])].map(
    (s) => new RegExp(`^\\d{1,3}(?:${escaped(s)}\\d{3})+$`),
  );
  return (value) => {
    const v = trimmed(value);
    if (typeof v !== 'string') return v;
    const typed = plainSeparators(v);
    if (/^\d{1,9}$/.test(typed)) return Number(typed);
    if (typed.length <= 13 && grouped.some((pattern) => pattern.test(typed))) return Number(typed.replace(/\D/g, ''));
    return v;
  };
}

/**
 * The fields, each with its own rules, their messages' numbers written in `locale` (a tag
 * usableLocale accepts); rules between fields are in `intakeFieldRules`.
 */
export function intakeFieldsShapeFor(locale: string) {
  const tag = usableLocale(locale);
  return {
    name: requiredText('Your name', 'Enter your name', 200, tag),
    email: z.preprocess(
      trimmed,
      z
        .string({ error: 'Enter your email address' })
        .check(storable('Your email address'))
        .max(320, tooLong('Email address', 320, tag))
        .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address like name@example.com')
        .transform((s) => s.toLowerCase()),
    ),
    phone: optionalText('Phone number', 50, tag),
    company: optionalText('Company', 200, tag),
    artist: requiredText('Artist', 'Enter the artist or act', 200, tag),
    eventTitle: requiredText('Event title', 'Enter a title for the event', 200, tag),
    description: optionalText('Description', 5000, tag),
    preferredDate: date('Enter the date you would like', 'Enter the preferred date as a date, like 2027-06-14'),
    startTime: time('Enter the start time', 'Enter the start time as hours and minutes, like 20:00'),
    endTime: time('Enter the end time', 'Enter the end time as hours and minutes, like 23:00'),
    alternativeDate: z.preprocess(
      trimmed,
      z
        .string({ error: 'Enter the alternative date as a date' })
        .refine(isCalendarDate, 'Enter the alternative date as a date, like 2027-06-15')
        .optional(),
    ),
    expectedAttendance: z.preprocess(
      wholeNumber(tag),
      z
        .number({ error: 'Enter the expected attendance as a whole number' })
        .int('Enter the expected attendance as a whole number')
        .min(1, 'Expected attendance must be at least 1'),
    ),
    budgetMin: money('The lowest budget'),
    budgetMax: money('The highest budget'),
    dealNotes: optionalText('Deal notes', 5000, tag),
    techNeeds: optionalText('Tech needs', 5000, tag),
  };
}

/** The fields with the default locale's numbers: the shape of request.submit's arguments. */
export const intakeFieldsShape = intakeFieldsShapeFor(DEFAULT_LOCALE);

type Fields = z.output<z.ZodObject<typeof intakeFieldsShape>>;

/** Rules between fields that need no venue: end after start, budget range the right way round. */
export function intakeFieldRules(fields: Partial<Fields>, ctx: z.RefinementCtx): void {
  if (isTime(fields.startTime) && isTime(fields.endTime) && fields.endTime <= fields.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The end time must be after the start time' });
  }
  const { budgetMin: low, budgetMax: high } = fields;
  if (typeof low === 'number' && typeof high === 'number' && low > high) {
    ctx.addIssue({
      code: 'custom',
      path: ['budgetMax'],
      message: 'The highest budget must not be less than the lowest budget',
    });
  }
}

/**
 * Rules between fields run even when another field is wrong (zod skips them by default), so a
 * person sees every problem at once; they judge only the fields that are well-formed.
 */
export const always = { when: () => true };

/** The form's fields checked on their own and against each other (no venue needed). */
export const IntakeFields = z.object(intakeFieldsShape).superRefine(intakeFieldRules, always);
export type IntakeFields = z.output<typeof IntakeFields>;

/** What the rules need to know about the venue. */
export interface IntakeVenue {
  readonly timezone: string;
  readonly capacity: number;
  /** the smallest audience the venue books (0 = any) */
  readonly minAttendance: number;
  /** the venue's organization's locale (organizations.locale): how the messages write numbers */
  readonly locale: string;
}

/** The request's times as instants (ISO strings), read on the venue's clock. */
export interface RequestTimes {
  readonly preferredStart: string;
  readonly preferredEnd: string;
  readonly alternativeStart: string | null;
  readonly alternativeEnd: string | null;
}

export function requestTimes(fields: IntakeFields, timeZone: string): RequestTimes {
  const at = (day: string, t: string) => venueInstant(day, t, timeZone).toISOString();
  const alt = fields.alternativeDate;
  return {
    preferredStart: at(fields.preferredDate, fields.startTime),
    preferredEnd: at(fields.preferredDate, fields.endTime),
    alternativeStart: alt ? at(alt, fields.startTime) : null,
    alternativeEnd: alt ? at(alt, fields.endTime) : null,
  };
}

export interface FieldIssue {
  readonly field: keyof IntakeFields;
  readonly message: string;
}

/** Rules that need the venue and the clock: dates ahead of now, attendance the venue can hold. */
export function venueIssues(fields: Partial<IntakeFields>, venue: IntakeVenue, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const lowest = Math.max(1, venue.minAttendance);
  const n = fields.expectedAttendance;
  if (typeof n === 'number' && (n < lowest || n > venue.capacity)) {
    const count = (value: number) => formatCount(value, usableLocale(venue.locale));
    issues.push({
      field: 'expectedAttendance',
      message: `Expected attendance must be between ${count(lowest)} and ${count(venue.capacity)} (the venue's capacity)`,
    });
  }
  const today = venueToday(now, venue.timezone);
  for (const field of ['preferredDate', 'alternativeDate'] as const) {
    const day = fields[field];
    if (typeof day !== 'string' || !isCalendarDate(day)) continue;
    const word = field === 'preferredDate' ? 'preferred' : 'alternative';
    if (day < today) {
      issues.push({ field, message: `The ${word} date must be in the future` });
    } else if (isTime(fields.startTime) && venueInstant(day, fields.startTime, venue.timezone) <= now) {
      issues.push({ field, message: `The ${word} date and start time must be in the future` });
    }
  }
  // a start inside a spring-forward gap moves forward an hour and can pass the end
  const { preferredDate: day, startTime: start, endTime: end } = fields;
  if (typeof day === 'string' && isCalendarDate(day) && isTime(start) && isTime(end) && end > start) {
    if (venueInstant(day, end, venue.timezone) <= venueInstant(day, start, venue.timezone)) {
      issues.push({ field: 'endTime', message: 'The end time must be after the start time on the venue’s clock' });
    }
  }
  return issues;
}

/** The whole check for one venue at one moment: what the page and the relay's form route run. */
export function intakeSchemaFor(venue: IntakeVenue, now: () => Date = () => new Date()) {
  return z
    .object(intakeFieldsShapeFor(venue.locale))
    .superRefine(intakeFieldRules, always)
    .superRefine((fields, ctx) => {
      for (const issue of venueIssues(fields, venue, now())) {
        ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
      }
    }, always);
}

/** The first message for each field that has a problem: what the page shows next to it. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  return problemsByField(error, 'form');
}

/** The fields of the form, in the order they appear: the error summary lists them that way. */
export const intakeFieldNames = Object.keys(intakeFieldsShape) as (keyof IntakeFields)[];
