// The event's shared notes on its detail page: advance notes and the run of show, edited with
// everyone else at once, and offline on this computer when the relay is out of reach.
import type { ReactNode } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { ErrorNote, Section, Spinner } from '../ui/controls.js';
import { AdvanceNotesEditor } from './advance-notes-editor.js';
import { RunOfShowEditor } from './run-of-show-editor.js';
import { useSharedNote, type NoteConnection } from './use-shared-note.js';

export function SharedNotes({
  eventId,
  readOnly,
  zoneLabel,
}: {
  eventId: string;
  readOnly: boolean;
  zoneLabel: string;
}) {
  const notes = useSharedNote(eventId, 'ADVANCE_NOTES');
  const show = useSharedNote(eventId, 'RUN_OF_SHOW');
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Section title="Advance notes" aside={<ConnectionBadge connection={notes.connection} />}>
        <NoteBody error={notes.error} loading={!notes.doc}>
          {notes.doc && <AdvanceNotesEditor doc={notes.doc} readOnly={readOnly} />}
        </NoteBody>
      </Section>
      <Section title="Run of show" aside={<ConnectionBadge connection={show.connection} />}>
        <NoteBody error={show.error} loading={!show.doc}>
          {show.doc && <RunOfShowEditor doc={show.doc} readOnly={readOnly} zoneLabel={zoneLabel} />}
        </NoteBody>
      </Section>
    </div>
  );
}

function NoteBody({ error, loading, children }: { error?: CommandError; loading: boolean; children: ReactNode }) {
  if (error) return <ErrorNote error={error} />;
  if (loading) return <Spinner label="Opening…" />;
  return <>{children}</>;
}

const wording: Record<NoteConnection['state'], { label: string; tone: string }> = {
  live: { label: 'Live', tone: 'text-emerald-700 dark:text-emerald-400' },
  connecting: { label: 'Connecting…', tone: 'text-zinc-500 dark:text-zinc-400' },
  offline: { label: 'Offline, saved on this computer', tone: 'text-amber-700 dark:text-amber-400' },
  refused: { label: 'Not shared', tone: 'text-red-700 dark:text-red-400' },
};

export function ConnectionBadge({ connection }: { connection: NoteConnection | undefined }) {
  if (!connection) return null;
  const { label, tone } = wording[connection.state];
  return (
    <span role="status" className={`text-xs font-medium ${tone}`} title={connection.reason}>
      {label}
      {connection.state === 'refused' && connection.reason ? `: ${connection.reason}` : ''}
    </span>
  );
}
