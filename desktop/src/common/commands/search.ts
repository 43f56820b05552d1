// The search box (Ctrl/Cmd-K), answered from the replica's search index.
import { z } from 'zod';
import { EventStatus, RequestStatus, Role, storableText } from '@promoteros/shared';
import type { CommandDeclarations } from './declaration.js';

/** a show's time and place, as a search hit carries it for the renderer to write in venue time */
const SearchShow = {
  venueName: z.string(),
  /** the show's calendar day at the venue, YYYY-MM-DD */
  showDate: z.string(),
  /** ISO instant */
  showAt: z.string(),
  /** the venue's IANA zone */
  timezone: z.string(),
};

/**
 * One thing Ctrl/Cmd-K found. Facts, not sentences: the renderer writes them in the user's
 * language (status labels, dates in the venue's timezone, plurals).
 */
export const SearchHit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), id: z.string(), title: z.string(), role: Role, email: z.string() }),
  /** id: the artist's name */
  z.object({
    kind: z.literal('artist'),
    id: z.string(),
    title: z.string(),
    events: z.number().int(),
    requests: z.number().int(),
  }),
  z.object({
    kind: z.literal('event'),
    id: z.string(),
    title: z.string(),
    artistName: z.string(),
    status: EventStatus,
    ...SearchShow,
  }),
  /** a name on a guest list of today's or an upcoming show; id: the entry */
  z.object({
    kind: z.literal('guest'),
    id: z.string(),
    title: z.string(),
    eventId: z.string(),
    eventTitle: z.string(),
    venueId: z.string(),
    listName: z.string(),
    /** the guest and their party */
    admitCount: z.number().int(),
    ...SearchShow,
  }),
  z.object({
    kind: z.literal('request'),
    id: z.string(),
    title: z.string(),
    reference: z.string(),
    artistName: z.string(),
    contactName: z.string(),
    status: RequestStatus,
  }),
]);

export const searchCommands = {
  'search.query': {
    args: z.object({
      text: z.string().check(storableText()).max(200),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    result: z.array(SearchHit),
  },
} as const satisfies CommandDeclarations;
