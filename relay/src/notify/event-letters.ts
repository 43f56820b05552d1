// event.confirmed → the requester (the request's contact_email) and the event's PROMOTER member,
// in one email: the show's date and times on the venue's clock, the deal in words, and the event
// confirmation PDF attached when the relay can draw it (EmailDeps.confirmationPdf).
//
// The letter and its PDF are written from one read of the event (the confirmation sheet's data,
// relay/src/documents), so what the email says about the deal is what the PDF shows: terms
// agreed → "the confirmation with the deal terms is attached"; none yet → "still to be agreed,
// a revised confirmation follows". The send the job stands for (confirmation_sends, payload
// sendId) records what the letter carried before it goes out; its delivery lands there from the
// email ledger (migration 0026).
import { z } from 'zod';
import type { MailAttachment } from '../mail/mailer.js';
import type { Queries } from '../db/as-organizations.js';
import type { Formats } from '@promoteros/shared/format';
import { zoneLabel } from '@promoteros/shared/venue-clock';
import { DocumentUnavailable, loadDocumentData, type ConfirmationData, type DealFacts } from '../documents/index.js';
import { dealName } from '../documents/deal-in-words.js';
import type { LetterWriter } from './deliver-email.js';
import { letterFormats, senderOf, type Letterhead } from './letterhead.js';
import { writeLetter } from './letter.js';

export const EventConfirmedPayload = z.object({
  eventId: z.string().uuid(),
  /** the confirmation_sends row (absent in jobs queued before migration 0025) */
  sendId: z.string().uuid().optional(),
  /** a revised confirmation a manager sent after the first one */
  revised: z.boolean().optional(),
});

/** The confirmation PDF as an attachment, with the stored version it is. */
export interface AttachedConfirmation {
  readonly attachment: MailAttachment;
  readonly documentId: string;
  readonly version: number;
}

/** Draws and stores the confirmation from the data the letter is written from. */
export type ConfirmationPdf = (sql: Queries, data: ConfirmationData) => Promise<AttachedConfirmation>;

type Cents = DealFacts['guarantee_cents'];

/** int8 cents may arrive as text: read exactly, never through a float */
const money = (f: Formats, cents: Cents | undefined, currency: string) => f.money(BigInt(cents ?? 0), currency);

/** The deal in one line, named as the attached sheet names it ("Guarantee versus percentage"). */
function dealLine(deal: DealFacts, f: Formats): string {
  const parts: string[] = [dealName(deal)];
  if (deal.deal_type !== 'DOOR_SPLIT') parts.push(`guarantee ${money(f, deal.guarantee_cents, deal.currency)}`);
  if (deal.deal_type !== 'FLAT') parts.push(`artist share ${f.percent(deal.artist_share_bp)}`);
  return parts.join(', ');
}

/** What the letter says about the deal and the PDF, from whether the PDF carries terms: one rule. */
export function confirmationClose(hasDealTerms: boolean, attachedFile: string | undefined): string[] {
  if (attachedFile)
    return hasDealTerms
      ? [`The confirmation with the deal terms is attached (${attachedFile}).`]
      : [
          `The confirmation is attached (${attachedFile}).`,
          'The deal terms are still to be agreed; a revised confirmation with them will follow.',
        ];
  return hasDealTerms
    ? ['The written confirmation with the deal terms follows from the venue.']
    : ['The deal terms are still to be agreed; the written confirmation with them will follow from the venue.'];
}

/** Who is told: the requester and the promoter member, once each. */
function recipientsOf(data: ConfirmationData): string[] {
  const { requester, promoter } = data.event;
  return [
    ...new Set(
      [requester?.email, promoter?.email].filter((a): a is string => !!a?.trim()).map((a) => a.trim().toLowerCase()),
    ),
  ];
}

async function readConfirmation(sql: Queries, eventId: string): Promise<ConfirmationData | undefined> {
  try {
    const data = await loadDocumentData(sql, eventId, 'CONFIRMATION');
    return data.kind === 'CONFIRMATION' ? data : undefined;
  } catch (error) {
    if (error instanceof DocumentUnavailable) return undefined;
    throw error;
  }
}

/** What the send carried, written before the email goes out (a retry writes what it sends). */
async function recordLetter(
  sql: Queries,
  sendId: string,
  written: { to: readonly string[]; data: ConfirmationData; pdf: AttachedConfirmation | undefined },
): Promise<void> {
  await sql`
    UPDATE confirmation_sends
       SET recipients = ${sql.array([...written.to])}, document_id = ${written.pdf?.documentId ?? null},
           document_version = ${written.pdf?.version ?? null}, with_deal_terms = ${written.data.deal !== null},
           deal_terms_updated_at = ${written.data.dealChangedAt}, written_at = now()
     WHERE id = ${sendId}`;
}

export function eventConfirmedWriter(
  confirmationPdf?: ConfirmationPdf,
): LetterWriter<z.output<typeof EventConfirmedPayload>> {
  return async ({ eventId, sendId, revised = false }, { sql, mailFrom }) => {
    const data = await readConfirmation(sql, eventId);
    // gone (its send row with it), or cancelled before the email went out: nothing to confirm
    if (!data) return undefined;
    const { event, deal } = data;
    if (event.status === 'CANCELLED') {
      if (sendId)
        await sql`UPDATE confirmation_sends SET status = 'NOT_SENT', delivery_note = 'the event was cancelled'
                   WHERE id = ${sendId} AND status = 'QUEUED'`;
      return undefined;
    }
    const head: Letterhead = {
      organizationName: event.organization.name,
      emailFrom: event.organization.emailFrom,
      venueName: event.venue.name,
      timezone: event.venue.timezone,
      locale: event.organization.locale,
    };
    const to = recipientsOf(data);
    const zone = head.timezone;
    const f = letterFormats(head);
    const pdf = await confirmationPdf?.(sql, data);
    if (sendId) await recordLetter(sql, sendId, { to, data, pdf });
    const day = f.date(event.showDate);
    const facts: Array<readonly [string, string]> = [
      ...(event.requestReference ? ([['Reference', event.requestReference]] as const) : []),
      ['Artist', event.artistName],
      ['Event', event.title],
      ['Date', day],
      ['Doors', f.time(event.doorsAt, zone)],
      ['Show', f.time(event.showAt, zone)],
      ['Ends', f.time(event.endsAt, zone)],
      ['Deal', deal ? dealLine(deal, f) : 'still to be agreed'],
      ...(deal && deal.deal_type !== 'FLAT' && BigInt(deal.ticket_price_cents ?? 0) > 0n
        ? ([['Ticket price', money(f, deal.ticket_price_cents, deal.currency)]] as const)
        : []),
    ];
    const letter = writeLetter(
      to,
      `${revised ? 'Revised confirmation' : 'Confirmed'}: ${event.artistName} at ${head.venueName} on ${day}`,
      {
        organizationName: head.organizationName,
        venueName: head.venueName,
        greeting: `Hello ${event.requester?.name ?? event.promoter?.name ?? event.artistName},`,
        lead: [
          revised
            ? `${head.organizationName} sends a revised confirmation of the show at ${head.venueName}. It replaces the one sent before.`
            : `${head.organizationName} confirms the show at ${head.venueName}.`,
        ],
        facts,
        close: [
          ...confirmationClose(deal !== null, pdf?.attachment.filename),
          `Times are the venue’s local time: ${zoneLabel(zone)}.`,
        ],
      },
    );
    return {
      letter: pdf ? { ...letter, attachments: [pdf.attachment] } : letter,
      from: senderOf(head, mailFrom),
    };
  };
}
