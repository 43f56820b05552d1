// The emails about holds, to the manager who placed the hold (letterhead.ts holdManagers: its
// creator while still an OWNER or MANAGER, else the organization's OWNERs):
//   hold.challenged        → the 1st hold's manager: confirm or release it by the deadline
//   hold.expiring          → the hold's manager: it lapses within a day unless extended or confirmed
//   hold.expired           → the hold's manager: it lapsed, the holds behind it moved up
//   hold.challenge_expired → both the challenger's and the 1st hold's managers: the deadline
//                            passed unanswered, the 1st hold stays until a manager acts
// A reminder that no longer holds when it is sent (the hold was released, its expiry moved, the
// challenge withdrawn) sends nothing: the change that made it stale brings its own email if any.
import { z } from 'zod';
import type { Queries } from '../db/as-organizations.js';
import type { LetterWriter } from './deliver-email.js';
import { holdManagers, letterFormats, readLetterhead, senderOf, type Letterhead } from './letterhead.js';
import { writeLetter } from './letter.js';

const uuid = z.string().uuid();
export const HoldChallengedPayload = z.object({ holdId: uuid, challengerHoldId: uuid, deadline: z.string() });
export const HoldExpiryPayload = z.object({ holdId: uuid, expiresAt: z.string().nullable().optional() });
export const ChallengeExpiredPayload = z.object({ holdId: uuid, challengerHoldId: uuid, deadline: z.string() });

interface HoldFacts {
  venue_id: string;
  hold_date: string;
  rank: number;
  status: string;
  expires_ms: number | null;
  challenged_by_hold_id: string | null;
  reference: string;
  artist_name: string;
  event_title: string;
}

async function readHold(sql: Queries, holdId: string): Promise<HoldFacts | undefined> {
  const [row] = await sql<HoldFacts[]>`
    SELECT h.venue_id, to_char(h.hold_date, 'YYYY-MM-DD') AS hold_date, h.rank, h.status,
           (extract(epoch FROM h.expires_at) * 1000)::float8 AS expires_ms, h.challenged_by_hold_id,
           r.reference, r.artist_name, r.event_title
      FROM holds h JOIN event_requests r ON r.id = h.request_id
     WHERE h.id = ${holdId}`;
  return row;
}

const ordinal = (rank: number) => {
  const tens = rank % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th');
  return `${rank}${suffix}`;
};

const holdLine = (h: HoldFacts) => `${h.artist_name}, ${h.event_title} (${h.reference})`;

/** The parts every hold letter shares: recipients, letterhead, sender. */
async function holdLetter(
  sql: Queries,
  mailFrom: string,
  hold: HoldFacts,
  recipientsOf: readonly string[],
  write: (
    head: Letterhead,
    f: { day: string; dateTime: (instantMs: number) => string },
  ) => {
    subject: string;
    lead: string[];
    facts: Array<readonly [string, string]>;
    close: string[];
  },
) {
  const head = await readLetterhead(sql, hold.venue_id);
  if (!head) return undefined;
  const managers = await holdManagers(sql, recipientsOf);
  if (managers.length === 0) return undefined;
  const formats = letterFormats(head);
  const parts = write(head, {
    day: formats.date(hold.hold_date),
    dateTime: (instantMs) => formats.dateTime(instantMs, head.timezone),
  });
  const letter = writeLetter(
    managers.map((m) => m.email),
    parts.subject,
    {
      organizationName: head.organizationName,
      venueName: head.venueName,
      greeting: managers.length === 1 ? `Hello ${managers[0]!.name},` : 'Hello,',
      lead: parts.lead,
      facts: parts.facts,
      close: parts.close,
    },
  );
  return { letter, from: senderOf(head, mailFrom) };
}

export const writeHoldChallenged: LetterWriter<z.output<typeof HoldChallengedPayload>> = async (
  { holdId, challengerHoldId, deadline },
  { sql, mailFrom },
) => {
  const first = await readHold(sql, holdId);
  const challenger = await readHold(sql, challengerHoldId);
  if (!first || !challenger || first.status !== 'ACTIVE' || first.challenged_by_hold_id !== challengerHoldId)
    return undefined;
  return holdLetter(sql, mailFrom, first, [holdId], (head, f) => ({
    subject: `Your 1st hold on ${f.day} at ${head.venueName} is challenged`,
    lead: [
      `The ${ordinal(challenger.rank)} hold on ${f.day} has challenged your 1st hold: confirm the show or release the date before the deadline.`,
    ],
    facts: [
      ['Date', f.day],
      ['Your 1st hold', holdLine(first)],
      [`Challenger (${ordinal(challenger.rank)})`, holdLine(challenger)],
      ['Answer by', f.dateTime(Date.parse(deadline))],
    ],
    close: ['Open the hold in PromoterOS to confirm it as a show or release it.'],
  }));
};

export const writeHoldExpiring: LetterWriter<z.output<typeof HoldExpiryPayload>> = async (
  { holdId, expiresAt },
  { sql, mailFrom },
) => {
  const hold = await readHold(sql, holdId);
  if (!hold || hold.status !== 'ACTIVE' || hold.expires_ms === null) return undefined;
  // the expiry moved since the reminder was queued: the new time has a reminder of its own
  if (expiresAt && Math.abs(Date.parse(expiresAt) - hold.expires_ms) > 1000) return undefined;
  return holdLetter(sql, mailFrom, hold, [holdId], (head, f) => ({
    subject: `Your ${ordinal(hold.rank)} hold on ${f.day} at ${head.venueName} expires soon`,
    lead: [`Your hold lapses at the time below unless you extend it, confirm it as a show or release it.`],
    facts: [
      ['Date', f.day],
      ['Hold', `${ordinal(hold.rank)}: ${holdLine(hold)}`],
      ['Expires', f.dateTime(hold.expires_ms!)],
    ],
    close: ['Open the hold in PromoterOS to extend, confirm or release it.'],
  }));
};

export const writeHoldExpired: LetterWriter<z.output<typeof HoldExpiryPayload>> = async (
  { holdId, expiresAt },
  { sql, mailFrom },
) => {
  const hold = await readHold(sql, holdId);
  if (!hold || hold.status !== 'EXPIRED') return undefined;
  return holdLetter(sql, mailFrom, hold, [holdId], (head, f) => ({
    subject: `Your hold on ${f.day} at ${head.venueName} expired`,
    lead: [
      `Your hold on ${f.day} lapsed and the date is no longer held for the request below; the holds behind it moved up.`,
    ],
    facts: [
      ['Date', f.day],
      ['Request', holdLine(hold)],
      ...(expiresAt ? ([['Expired', f.dateTime(Date.parse(expiresAt))]] as const) : []),
    ],
    close: ['Place a new hold in PromoterOS if the request still wants the date.'],
  }));
};

export const writeChallengeExpired: LetterWriter<z.output<typeof ChallengeExpiredPayload>> = async (
  { holdId, challengerHoldId, deadline },
  { sql, mailFrom },
) => {
  const first = await readHold(sql, holdId);
  const challenger = await readHold(sql, challengerHoldId);
  if (!first || !challenger || first.status !== 'ACTIVE' || challenger.status !== 'ACTIVE') return undefined;
  return holdLetter(sql, mailFrom, first, [holdId, challengerHoldId], (head, f) => ({
    subject: `The challenge of the 1st hold on ${f.day} at ${head.venueName} went unanswered`,
    lead: [
      `The deadline to answer the challenge passed. The 1st hold stays the 1st until a manager confirms it as a show or releases it.`,
    ],
    facts: [
      ['Date', f.day],
      ['1st hold', holdLine(first)],
      [`Challenger (${ordinal(challenger.rank)})`, holdLine(challenger)],
      ['Deadline was', f.dateTime(Date.parse(deadline))],
    ],
    close: ['Open the date in PromoterOS to decide.'],
  }));
};
