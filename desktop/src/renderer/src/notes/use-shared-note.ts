// One shared note in the renderer: its own Y.Doc, filled from the core (notes.open), kept
// current by notes.changed, and every local edit sent back with notes.update in order. The
// core keeps the document on disk and in the relay's room; this doc only feeds the editor.
import type { NoteName } from '@promoteros/shared/notes';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { CommandError, SignalPayload } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { fromBase64, toBase64 } from '../data/base64.js';

export type NoteConnection = SignalPayload<'notes.connection'>['connection'];

/** the origin of changes that came from the core: they are not sent back */
export const FROM_CORE = Symbol('from the core');

export interface SharedNote {
  readonly doc: Y.Doc | undefined;
  readonly connection: NoteConnection | undefined;
  readonly error: CommandError | undefined;
}

export function useSharedNote(eventId: string, name: NoteName): SharedNote {
  const bridge = useBridge();
  const [doc, setDoc] = useState<Y.Doc>();
  const [connection, setConnection] = useState<NoteConnection>();
  const [error, setError] = useState<CommandError>();

  useEffect(() => {
    const local = new Y.Doc();
    let cancelled = false;
    let sending: Promise<unknown> = Promise.resolve();
    const ours = (payload: { eventId: string; name: string }) => payload.eventId === eventId && payload.name === name;
    const unsubscribe = [
      bridge.on('notes.changed', (payload) => {
        if (ours(payload)) Y.applyUpdate(local, fromBase64(payload.update), FROM_CORE);
      }),
      bridge.on('notes.connection', (payload) => {
        if (ours(payload)) setConnection(payload.connection);
      }),
    ];
    local.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_CORE) return;
      // one at a time, in the order they were made
      sending = sending.then(async () => {
        const outcome = await bridge.invoke('notes.update', { eventId, name, update: toBase64(update) });
        if (!outcome.ok && !cancelled) setError(outcome.error);
      });
    });
    void bridge.invoke('notes.open', { eventId, name }).then((outcome) => {
      if (cancelled) return;
      if (!outcome.ok) return setError(outcome.error);
      Y.applyUpdate(local, fromBase64(outcome.value.state), FROM_CORE);
      setConnection((known) => known ?? outcome.value.connection);
      setDoc(local);
    });
    return () => {
      cancelled = true;
      for (const stop of unsubscribe) stop();
      // edits still on their way reach the core before the document is let go
      void sending.then(() => bridge.invoke('notes.release', { eventId, name }));
      local.destroy();
      setDoc(undefined);
    };
  }, [bridge, eventId, name]);

  return { doc, connection, error };
}
