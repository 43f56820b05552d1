// A promoter member asks for a date from the app: the venue's request form (the same fields and
// rules as its public page, shared/src/intake), sent as request.submit. Each field's problem
// shows under it; the request then waits in "My requests" for the venue's decision.
import { useState, type FormEvent } from 'react';
import type { MutationArgs } from '@promoteros/shared/mutations';
import type { CommandError } from '../../../common/command-map.js';
import { navigate, routeHash } from '../data/route.js';
import { useEdit } from '../data/use-edit.js';
import type { Venue } from '../shell/shell.js';
import { buttonClass, ErrorNote, Field, inputClass, primaryButtonClass, Section, selectClass } from '../ui/controls.js';

const fields = {
  artist: 'Artist',
  eventTitle: 'Event title',
  preferredDate: 'Preferred date',
  startTime: 'Start',
  endTime: 'End',
  alternativeDate: 'Alternative date (optional)',
  expectedAttendance: 'Expected attendance',
  budgetMin: 'Budget from (optional)',
  budgetMax: 'Budget up to (optional)',
  name: 'Contact name',
  email: 'Contact email',
  phone: 'Phone (optional)',
  company: 'Company (optional)',
  description: 'Description (optional)',
  dealNotes: 'Deal or split notes (optional)',
  techNeeds: 'Tech needs (optional)',
} as const;
type FieldName = keyof typeof fields;
const types: Partial<Record<FieldName, string>> = {
  preferredDate: 'date',
  alternativeDate: 'date',
  startTime: 'time',
  endTime: 'time',
  email: 'email',
};
const long: readonly FieldName[] = ['description', 'dealNotes', 'techNeeds'];

export function NewRequestScreen({
  venues,
  venue,
  user,
}: {
  venues: readonly Venue[];
  venue: Venue | null;
  user: { email: string; displayName: string };
}) {
  const edit = useEdit();
  const [venueId, setVenueId] = useState(venue?.id ?? venues[0]?.id ?? '');
  const [values, setValues] = useState<Record<FieldName, string>>(() => ({
    ...(Object.fromEntries(Object.keys(fields).map((name) => [name, ''])) as Record<FieldName, string>),
    name: user.displayName,
    email: user.email,
    startTime: '20:00',
    endTime: '23:00',
  }));
  const [refusal, setRefusal] = useState<CommandError>();
  const [saving, setSaving] = useState(false);
  const chosen = venues.find((each) => each.id === venueId);
  const problem = (name: FieldName) => refusal?.details?.[name];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    // blank fields are left out, required ones too: the shared rules say what is missing
    const args = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
    const refused = await edit('request.submit', {
      requestId: crypto.randomUUID(),
      venueId,
      ...args,
    } as MutationArgs<'request.submit'>);
    setSaving(false);
    setRefusal(refused);
    if (!refused) navigate(routeHash('requests'));
  }

  const unplaced = refusal?.details ? Object.entries(refusal.details).filter(([key]) => !(key in fields)) : [];
  return (
    <div className="mx-auto max-w-3xl space-y-4 p-5">
      <a href={routeHash('requests')} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
        ← My requests
      </a>
      <h1 className="text-xl font-semibold">New request</h1>
      <form aria-label="New request" onSubmit={(event) => void submit(event)} noValidate>
        <Section
          title="The date you ask for"
          aside={chosen ? `Times on the venue’s clock (${chosen.timezone})` : undefined}
        >
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
            <Field label="Venue" className="col-span-2 md:col-span-3">
              {(props) => (
                <select
                  {...props}
                  className={selectClass}
                  value={venueId}
                  onChange={(change) => setVenueId(change.target.value)}
                >
                  {venues.map((each) => (
                    <option key={each.id} value={each.id}>
                      {each.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {(Object.keys(fields) as FieldName[]).map((name) => (
              <Field
                key={name}
                label={fields[name]}
                problem={problem(name)}
                className={long.includes(name) ? 'col-span-2 md:col-span-3' : ''}
              >
                {(props) =>
                  long.includes(name) ? (
                    <textarea
                      {...props}
                      rows={3}
                      className={inputClass}
                      value={values[name]}
                      onChange={(change) => setValues((previous) => ({ ...previous, [name]: change.target.value }))}
                    />
                  ) : (
                    <input
                      {...props}
                      type={types[name] ?? 'text'}
                      inputMode={name === 'expectedAttendance' ? 'numeric' : undefined}
                      className={inputClass}
                      value={values[name]}
                      onChange={(change) => setValues((previous) => ({ ...previous, [name]: change.target.value }))}
                    />
                  )
                }
              </Field>
            ))}
          </div>
        </Section>
        <div className="mt-3 flex items-center gap-2">
          <button type="submit" className={primaryButtonClass} disabled={saving || !venueId}>
            Send request
          </button>
          <a href={routeHash('requests')} className={buttonClass}>
            Cancel
          </a>
          {refusal && (!refusal.details || unplaced.length > 0 || refusal.code !== 'invalid_arguments') && (
            <ErrorNote error={refusal} />
          )}
        </div>
      </form>
    </div>
  );
}
