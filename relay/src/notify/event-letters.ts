// event.confirmed → the requester (the request's contact_email) and the event's PROMOTER member,
// in one email: the show's date and times on the venue's clock, the deal in words, and the event
// confirmation PDF attached when the relay can draw it (EmailDeps.confirmationPdf).
import { z } from 'zod';
import type { Formats } from '@promoteros/shared/format';
import { zoneLabel } from '@promoteros/shared/venue-clock';
import type { MailAttachment } from '../mail/mailer.js';
import type { Queries } from '../db/as-organizations.js';
import type { LetterWriter } from './deliver-email.js';
import { letterFormats, readLetterhead, senderOf } from './letterhead.js';
import { writeLetter } from './letter.js';

export const EventConfirmedPayload = z.object({ eventId: z.string().uuid() });

/** The confirmation document of an event, as an attachment; undefined when there is none to send. */
export type ConfirmationPdf = (sql: Queries, eventId: string) => Promise<MailAttachment | undefined>;

interface EventRow {
  venue_id: string;
  title: string;
  artist_name: string;
  status: string;
  show_date: string;
  doors_ms: number;
  show_ms: number;
  ends_ms: number;
  reference: string | null;
  contact_name: string | null;
  contact_email: string | null;
  promoter_email: string | null;
  promoter_name: string | null;
  deal_type: string | null;
  currency: string | null;
  guarantee_cents: string | null;
  artist_share_bp: number | null;
  ticket_price_cents: string | null;
}

const DEAL_NAMES: Record<string, string> = {
  FLAT: 'Flat fee',
  DOOR_SPLIT: 'Door split',
  VERSUS: 'Guarantee versus a share',
  GUARANTEE_PLUS: 'Guarantee plus a share',
};

/** int8 cents arrive as text: read exactly, never through a float */
const money = (f: Formats, cents: string | null, currency: string) => f.money(BigInt(cents ?? 0), currency);

function dealLine(row: EventRow, f: Formats): string | undefined {
  if (!row.deal_type) return undefined;
  const currency = row.currency ?? 'USD';
  const parts = [DEAL_NAMES[row.deal_type] ?? row.deal_type];
  if (row.deal_type !== 'DOOR_SPLIT') parts.push(`guarantee ${money(f, row.guarantee_cents, currency)}`);
  if (row.deal_type !== 'FLAT') parts.push(`artist share ${f.percent(row.artist_share_bp ?? 0)}`);
  return parts.join(', ');
}

export function eventConfirmedWriter(
  confirmationPdf?: ConfirmationPdf,
): LetterWriter<z.output<typeof EventConfirmedPayload>> {
  return async ({ eventId }, { sql, mailFrom }) => {
    const [row] = await sql<EventRow[]>`
      SELECT e.venue_id, e.title, e.artist_name, e.status, to_char(e.show_date, 'YYYY-MM-DD') AS show_date,
             (extract(epoch FROM e.doors_at) * 1000)::float8 AS doors_ms,
             (extract(epoch FROM e.show_at) * 1000)::float8 AS show_ms,
             (extract(epoch FROM e.ends_at) * 1000)::float8 AS ends_ms,
             r.reference, r.contact_name, r.contact_email,
             p.email AS promoter_email, p.display_name AS promoter_name,
             d.deal_type, d.currency, d.guarantee_cents::text AS guarantee_cents, d.artist_share_bp,
             d.ticket_price_cents::text AS ticket_price_cents
        FROM events e
        LEFT JOIN event_requests r ON r.id = e.request_id
        LEFT JOIN users p ON p.id = e.promoter_user_id
        LEFT JOIN deal_terms d ON d.event_id = e.id
       WHERE e.id = ${eventId}`;
    // gone, or cancelled before the email went out: nothing to confirm
    if (!row || row.status === 'CANCELLED') return undefined;
    const head = await readLetterhead(sql, row.venue_id);
    if (!head) return undefined;
    const to = [
      ...new Set(
        [row.contact_email, row.promoter_email].filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()),
      ),
    ];
    const zone = head.timezone;
    const f = letterFormats(head);
    const deal = dealLine(row, f);
    const attachment = await confirmationPdf?.(sql, eventId);
    const facts: Array<readonly [string, string]> = [
      ...(row.reference ? ([['Reference', row.reference]] as const) : []),
      ['Artist', row.artist_name],
      ['Event', row.title],
      ['Date', f.date(row.show_date)],
      ['Doors', f.time(row.doors_ms, zone)],
      ['Show', f.time(row.show_ms, zone)],
      ['Ends', f.time(row.ends_ms, zone)],
      ...(deal ? ([['Deal', deal]] as const) : []),
      ...(row.deal_type && row.deal_type !== 'FLAT' && row.ticket_price_cents
        ? ([['Ticket price', money(f, row.ticket_price_cents, row.currency ?? 'USD')]] as const)
        : []),
    ];
    const letter = writeLetter(to, `Confirmed: ${row.artist_name} at ${head.venueName} on ${f.date(row.show_date)}`, {
      organizationName: head.organizationName,
      venueName: head.venueName,
      greeting: `Hello ${row.contact_name ?? row.promoter_name ?? row.artist_name},`,
      lead: [`${head.organizationName} confirms the show at ${head.venueName}.`],
      facts,
      close: [
        attachment
          ? `The confirmation with the full deal terms is attached (${attachment.filename}).`
          : 'The written confirmation with the full deal terms follows from the venue.',
        `Times are the venue’s local time: ${zoneLabel(zone)}.`,
      ],
    });
    return { letter: attachment ? { ...letter, attachments: [attachment] } : letter, from: senderOf(head, mailFrom) };
  };
}
