// The door: guest lists, their entries, and the check-ins appended at the door so that offline
// door devices add up instead of overwriting each other (shared/migrations/0003_show.sql).
import { z } from 'zod';
import { int, text, timestamp, uuid } from './fields.js';

export const guestListKinds = ['ARTIST', 'PROMOTER', 'COMP', 'WILL_CALL', 'MEDIA', 'OTHER'] as const;
export const GuestListKind = z.enum(guestListKinds);
export type GuestListKind = z.infer<typeof GuestListKind>;

/** ADMIT a listed guest, UNDO an earlier check-in, WALK_UP a door sale with no entry. */
export const checkInKinds = ['ADMIT', 'UNDO', 'WALK_UP'] as const;
export const CheckInKind = z.enum(checkInKinds);
export type CheckInKind = z.infer<typeof CheckInKind>;

export const GuestListRow = z.object({
  id: uuid,
  organization_id: uuid,
  event_id: uuid,
  name: text({ min: 1, max: 200 }),
  kind: GuestListKind,
  allotment: int({ min: 0 }).nullable(),
  cutoff_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type GuestListRow = z.output<typeof GuestListRow>;

export const GuestListEntryRow = z.object({
  id: uuid,
  organization_id: uuid,
  event_id: uuid,
  guest_list_id: uuid,
  guest_name: text({ min: 1, max: 200 }),
  /** admissions including the guest: 1 = the guest alone, 3 = guest +2 */
  admit_count: int({ min: 1, max: 100 }),
  note: text({ max: 1000 }).nullable(),
  added_by: uuid.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type GuestListEntryRow = z.output<typeof GuestListEntryRow>;

export const CheckInRow = z
  .object({
    id: uuid,
    organization_id: uuid,
    event_id: uuid,
    entry_id: uuid.nullable(),
    kind: CheckInKind,
    admitted: int({ min: -100, max: 100 }).refine((n) => n !== 0, 'must not be zero'),
    undoes_id: uuid.nullable(),
    device_id: text({ max: 100 }),
    recorded_by: uuid.nullable(),
    occurred_at: timestamp,
    created_at: timestamp,
  })
  .refine((c) => (c.kind === 'WALK_UP') === (c.entry_id === null), {
    message: 'must be empty for a walk-up and set otherwise',
    path: ['entry_id'],
  })
  .refine((c) => (c.kind === 'UNDO') === (c.undoes_id !== null), {
    message: 'must be set for an undo and empty otherwise',
    path: ['undoes_id'],
  });
export type CheckInRow = z.output<typeof CheckInRow>;
