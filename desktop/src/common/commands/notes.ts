// An event's shared notes (advance notes, run of show): Yjs documents kept on this computer and
// joined to the relay's room.
import { z } from 'zod';
import { NOTE_NAMES } from '@promoteros/shared/notes';
import { Id } from './fields.js';
import type { CommandDeclarations } from './declaration.js';

/** An event's shared documents (see @promoteros/shared/notes for their Yjs layout). */
export const NoteName = z.enum(NOTE_NAMES);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');
/** live: in the room; connecting; offline: edits are saved on this computer; refused: the relay said no */
export const NoteConnection = z.object({
  state: z.enum(['connecting', 'live', 'offline', 'refused']),
  reason: z.string().optional(),
});
export const NoteDocument = z.object({ state: z.string(), connection: NoteConnection });

export const noteCommands = {
  /**
   * One of an event's shared notes (Yjs): its whole state as base64, from this computer's copy
   * at once, and joined to the relay's room in the background (STAFF and above only).
   */
  'notes.open': { args: z.object({ eventId: Id, name: NoteName }), result: NoteDocument },
  /** an edit made in the renderer's Y.Doc (a Yjs update, base64); resolves once saved on this computer */
  'notes.update': {
    args: z.object({ eventId: Id, name: NoteName, update: Base64.max(10_000_000) }),
    result: z.object({}),
  },
  /** the screen stopped showing it: leave the room (everything stays saved on this computer) */
  'notes.release': { args: z.object({ eventId: Id, name: NoteName }), result: z.object({}) },
} as const satisfies CommandDeclarations;
