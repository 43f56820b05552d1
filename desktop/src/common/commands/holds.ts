// Who holds a venue's date, read from the replica.
import { z } from 'zod';
import { HoldStatus } from '@promoteros/shared';
import { CalendarDate, Id } from './fields.js';
import type { CommandDeclarations } from './declaration.js';

/** A hold on a venue date, with the request holding it (for "who holds 1st, 2nd …"). */
export const HoldRow = z.object({
  id: z.string(),
  requestId: z.string(),
  venueId: z.string(),
  holdDate: z.string(),
  rank: z.number().int(),
  status: HoldStatus,
  expiresAt: z.string().nullable(),
  challengedByHoldId: z.string().nullable(),
  challengeDeadline: z.string().nullable(),
  releaseReason: z.string().nullable(),
  eventId: z.string().nullable(),
  reference: z.string(),
  artistName: z.string(),
  eventTitle: z.string(),
});

export const holdCommands = {
  /** every hold on a venue's date, active ones by rank first */
  'holds.onDate': {
    args: z.object({ venueId: Id, date: CalendarDate }),
    result: z.array(HoldRow),
    reads: ['holds', 'event_requests'],
  },
} as const satisfies CommandDeclarations;
