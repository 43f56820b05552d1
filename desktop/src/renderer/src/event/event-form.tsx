// Editing the event itself: names, the night's times on the venue's clock, capacity and notes.
// Saving sends only what changed; the screen shows the edit at once (the replica has it), and
// a refusal the device already knows about shows here, next to the form.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import type { Edit } from '../data/use-edit.js';
import { ErrorNote, Field, inputClass } from '../ui/controls.js';
import { CapacityField } from '../ui/capacity-field.js';
import { SaveOrCancel } from '../ui/save-or-cancel.js';
import { ShowTimeFields } from '../ui/show-time-fields.js';
import { eventChanges, eventFormValues, type EventFormValues, type EventProblems } from './event-changes.js';
import { useFormat } from '../format/use-format.js';

type EventDetail = CommandResult<'events.get'>;

export function EventForm({ event, edit, onDone }: { event: EventDetail; edit: Edit; onDone: () => void }) {
  const f = useFormat();
  const [values, setValues] = useState<EventFormValues>(() => eventFormValues(event));
  const [problems, setProblems] = useState<EventProblems>({});
  const [refusal, setRefusal] = useState<CommandError>();
  const [saving, setSaving] = useState(false);
  const zone = event.venue.timezone;
  const set = (field: keyof EventFormValues) => (change: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: change.target.value }));

  async function save(submit: FormEvent) {
    submit.preventDefault();
    setRefusal(undefined);
    const checked = eventChanges(event, values);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    if (Object.keys(checked.changes).length === 0) return onDone();
    setSaving(true);
    const refused = await edit('event.update', { eventId: event.id, ...checked.changes });
    setSaving(false);
    if (refused) setRefusal(refused);
    else onDone();
  }

  const cancelOnEscape = (key: KeyboardEvent) => {
    if (key.key === 'Escape') {
      key.preventDefault();
      onDone();
    }
  };
  const endsNextDay = values.ends !== '' && values.show !== '' && values.ends <= values.show;
  const doorsDayBefore = values.doors !== '' && values.show !== '' && values.doors > values.show;

  return (
    <form aria-label="Edit event" onSubmit={(submit) => void save(submit)} onKeyDown={cancelOnEscape} noValidate>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Title" problem={problems.title} className="col-span-2">
          {(props) => (
            <input {...props} autoFocus className={inputClass} value={values.title} onChange={set('title')} />
          )}
        </Field>
        <Field label="Artist" problem={problems.artistName} className="col-span-2">
          {(props) => (
            <input {...props} className={inputClass} value={values.artistName} onChange={set('artistName')} />
          )}
        </Field>
        <Field label="Show date" problem={problems.date}>
          {(props) => (
            <input {...props} type="date" className={inputClass} value={values.date} onChange={set('date')} />
          )}
        </Field>
        <CapacityField
          value={values.capacity}
          problem={problems.capacity}
          venueCapacity={event.venue.capacity}
          onChange={set('capacity')}
        />
        <ShowTimeFields
          values={values}
          problems={problems}
          set={set}
          doorsHint={doorsDayBefore ? 'the evening before' : undefined}
          endsHint={endsNextDay ? 'the next day' : undefined}
        />
        <p className="col-span-2 -mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Times on the venue’s clock: {f.zoneName(event.showAt, zone)} ({zone})
        </p>
        <Field label="Notes" problem={problems.notes} className="col-span-2">
          {(props) => (
            <textarea {...props} rows={3} className={inputClass} value={values.notes} onChange={set('notes')} />
          )}
        </Field>
      </div>
      <div className="mt-3 flex items-center gap-2">
        <SaveOrCancel saving={saving} onCancel={onDone} />
        <div className="ml-2">
          <ErrorNote error={refusal} />
        </div>
      </div>
    </form>
  );
}
