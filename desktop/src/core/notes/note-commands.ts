// The notes.* commands of the command map, on the open organization's EventNotes. Yjs updates
// cross the boundary as base64 strings (the command map carries JSON).
import type { Role } from '@promoteros/shared';
import { roleAtLeast } from '@promoteros/shared';
import type { CommandHandlers } from '../app/dispatch.js';
import { CommandFailure, notFound } from '../app/command-failure.js';
import type { Replica } from '../replica/open-replica.js';
import type { EventNotes } from './event-notes.js';

export interface OpenNotes {
  readonly organizationId: string;
  readonly replica: Replica;
  readonly notes: EventNotes;
  /** the member's role in the open organization, as last known */
  readonly role: Role | undefined;
}

type NoteCommands = Pick<CommandHandlers, 'notes.open' | 'notes.update' | 'notes.release'>;

export function noteCommands(current: () => OpenNotes): NoteCommands {
  /** the organization's notes, for a member allowed to write them, on an event it has */
  async function notesOf(eventId: string): Promise<EventNotes> {
    const { organizationId, replica, notes, role } = current();
    if (!role || !roleAtLeast(role, 'STAFF')) {
      throw new CommandFailure('forbidden', 'the shared notes are for staff, managers and owners');
    }
    const [event] = await replica.query(`SELECT 1 FROM events WHERE id = $1 AND organization_id = $2`, [
      eventId,
      organizationId,
    ]);
    if (!event) throw notFound(`there is no event ${eventId} in this organization`);
    return notes;
  }

  return {
    'notes.open': async ({ eventId, name }) => {
      const note = await (await notesOf(eventId)).hold(eventId, name);
      return { state: toBase64(note.state()), connection: note.connection };
    },
    'notes.update': async ({ eventId, name, update }) => {
      const note = await (await notesOf(eventId)).open(eventId, name);
      try {
        await note.apply(fromBase64(update));
      } catch (error) {
        throw new CommandFailure('invalid_arguments', 'the update is not a Yjs update', {
          update: error instanceof Error ? error.message : 'unreadable',
        });
      }
      return {};
    },
    'notes.release': async ({ eventId, name }) => {
      await current().notes.release(eventId, name);
      return {};
    },
  };
}

export const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
export const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
