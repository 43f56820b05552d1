// The emails about a request:
//   request.received         → the requester (the request's contact_email): we have it, quote the reference
//   request.new_for_manager  → the OWNER or MANAGER named by the job (payload.userId), while still one
//   request.status_changed   → the requester: approved / declined / other, with the manager's note
import { z } from 'zod';
import { zoneLabel } from '@promoteros/shared/venue-clock';
import type { Queries } from '../db/as-organizations.js';
import type { LetterWriter } from './deliver-email.js';
import { letterFormats, senderOf, type Letterhead } from './letterhead.js';
import { writeLetter } from './letter.js';

export const RequestReceivedPayload = z.object({ requestId: z.string().uuid() });
export const NewForManagerPayload = z.object({ requestId: z.string().uuid(), userId: z.string().uuid() });
export const StatusChangedPayload = z.object({
  requestId: z.string().uuid(),
  toStatus: z.string(),
  note: z.string().nullable().optional(),
});

interface RequestFacts {
  readonly venueId: string;
  readonly reference: string;
  readonly status: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly artistName: string;
  readonly eventTitle: string;
  readonly preferredStartMs: number;
  readonly expectedAttendance: number;
}

/** The request with its venue and organization, in one read (the job loop waits on each round trip). */
async function readRequest(
  sql: Queries,
  requestId: string,
): Promise<(RequestFacts & { letterhead: Letterhead }) | undefined> {
  const [row] = await sql<
    {
      venue_id: string;
      reference: string;
      status: string;
      contact_name: string;
      contact_email: string;
      artist_name: string;
      event_title: string;
      preferred_start_ms: number;
      expected_attendance: number;
      organization_name: string;
      email_from: string | null;
      venue_name: string;
      timezone: string;
      locale: string;
    }[]
  >`
    SELECT r.venue_id, r.reference, r.status, r.contact_name, r.contact_email, r.artist_name, r.event_title,
           (extract(epoch FROM r.preferred_start) * 1000)::float8 AS preferred_start_ms, r.expected_attendance,
           o.name AS organization_name, o.email_from, o.locale, v.name AS venue_name, v.timezone
      FROM event_requests r
      JOIN venues v ON v.id = r.venue_id
      JOIN organizations o ON o.id = v.organization_id
     WHERE r.id = ${requestId}`;
  if (!row) return undefined;
  return {
    venueId: row.venue_id,
    reference: row.reference,
    status: row.status,
    contactName: row.contact_name,
    contactEmail: row.contact_email.trim().toLowerCase(),
    artistName: row.artist_name,
    eventTitle: row.event_title,
    preferredStartMs: Number(row.preferred_start_ms),
    expectedAttendance: Number(row.expected_attendance),
    letterhead: {
      organizationName: row.organization_name,
      emailFrom: row.email_from,
      venueName: row.venue_name,
      timezone: row.timezone,
      locale: row.locale,
    },
  };
}

const requestFacts = (r: RequestFacts, head: Letterhead): Array<readonly [string, string]> => {
  const f = letterFormats(head);
  return [
    ['Reference', r.reference],
    ['Artist', r.artistName],
    ['Event', r.eventTitle],
    ['Preferred date', f.dateTime(r.preferredStartMs, head.timezone)],
    ['Expected attendance', f.count(r.expectedAttendance)],
  ];
};

export const writeRequestReceived: LetterWriter<z.output<typeof RequestReceivedPayload>> = async (
  { requestId },
  { sql, mailFrom },
) => {
  const request = await readRequest(sql, requestId);
  if (!request) return undefined;
  const { letterhead: head } = request;
  const letter = writeLetter(
    [request.contactEmail],
    `We received your request for ${head.venueName}: ${request.eventTitle} (${request.reference})`,
    {
      organizationName: head.organizationName,
      venueName: head.venueName,
      greeting: `Hello ${request.contactName},`,
      lead: [
        `Thank you: ${head.organizationName} has received your request for ${head.venueName}.`,
        `A manager will look at it and write back to this address. Please quote ${request.reference} when you write to us.`,
      ],
      facts: requestFacts(request, head),
      close: [`Times are the venue’s local time: ${zoneLabel(head.timezone)}.`],
    },
  );
  return { letter, from: senderOf(head, mailFrom) };
};

export const writeNewForManager: LetterWriter<z.output<typeof NewForManagerPayload>> = async (
  { requestId, userId },
  { sql, mailFrom },
) => {
  const request = await readRequest(sql, requestId);
  if (!request) return undefined;
  // the manager as they are now: a member who left, or is no longer a manager, is not told
  const [manager] = await sql<{ email: string; name: string }[]>`
    SELECT u.email, u.display_name AS name
      FROM users u
      JOIN memberships m ON m.user_id = u.id AND m.role IN ('OWNER', 'MANAGER')
      JOIN venues v ON v.organization_id = m.organization_id
     WHERE u.id = ${userId} AND v.id = ${request.venueId}`;
  if (!manager) return undefined;
  const { letterhead: head } = request;
  const letter = writeLetter(
    [manager.email],
    `New request for ${head.venueName}: ${request.artistName}, ${request.eventTitle} (${request.reference})`,
    {
      organizationName: head.organizationName,
      venueName: head.venueName,
      greeting: `Hello ${manager.name},`,
      lead: [`A new request for ${head.venueName} has come in and waits in the inbox.`],
      facts: [...requestFacts(request, head), ['Contact', `${request.contactName} <${request.contactEmail}>`]],
      close: ['Open PromoterOS to review it, place a hold or answer the requester.'],
    },
  );
  return { letter, from: senderOf(head, mailFrom) };
};

/** What the requester reads for each status the request moved to. */
function statusWording(status: string, venue: string, organization: string): { subject: string; lead: string[] } {
  switch (status) {
    case 'APPROVED':
      return {
        subject: `Your request for ${venue} is approved`,
        lead: [
          `Good news: ${organization} has approved your request for ${venue}.`,
          'We will be in touch to confirm the date and the deal.',
        ],
      };
    case 'DECLINED':
      return {
        subject: `Your request for ${venue} was declined`,
        lead: [`We are sorry: ${organization} cannot take your request for ${venue} this time.`],
      };
    case 'REVIEW':
      return {
        subject: `Your request for ${venue} is being reviewed`,
        lead: [`${organization} is looking at your request for ${venue} now.`],
      };
    case 'SCHEDULED':
      return {
        subject: `Your show at ${venue} is scheduled`,
        lead: [`Your request for ${venue} is now a scheduled show. A confirmation with the details follows.`],
      };
    case 'WITHDRAWN':
      return {
        subject: `Your request for ${venue} was withdrawn`,
        lead: [`Your request for ${venue} has been withdrawn and will not be considered further.`],
      };
    default:
      return {
        subject: `Your request for ${venue} has been updated`,
        lead: [`The status of your request for ${venue} is now ${status.toLowerCase()}.`],
      };
  }
}

export const writeStatusChanged: LetterWriter<z.output<typeof StatusChangedPayload>> = async (
  { requestId, toStatus, note },
  { sql, mailFrom },
) => {
  const request = await readRequest(sql, requestId);
  if (!request) return undefined;
  const { letterhead: head } = request;
  // the status this job announces, even if the request moved on since: each change has its email
  const wording = statusWording(toStatus, head.venueName, head.organizationName);
  const trimmed = note?.trim();
  const letter = writeLetter([request.contactEmail], `${wording.subject} (${request.reference})`, {
    organizationName: head.organizationName,
    venueName: head.venueName,
    greeting: `Hello ${request.contactName},`,
    lead: wording.lead,
    facts: requestFacts(request, head),
    ...(trimmed ? { quote: { label: `A note from ${head.organizationName}`, text: trimmed } } : {}),
    close: [`Please quote ${request.reference} when you write to us.`],
  });
  return { letter, from: senderOf(head, mailFrom) };
};
