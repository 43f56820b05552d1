// Approve → event: the night's times typed on the venue's clock (the zone is shown), the title
// and artist from the request, an optional capacity. The request becomes a CONFIRMED event with
// its checklist in one edit; a date already taken (a confirmed event, a higher hold) is refused
// with the reason, and the manager may then confirm anyway, saying why (logged with the decision).
import { useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { navigate, routeHash } from '../data/route.js';
import { useEdit } from '../data/use-edit.js';
import { instantInZone } from '../format/venue-time.js';
import { dangerButtonClass, ErrorNote, Field, inputClass } from '../ui/controls.js';
import { CapacityField } from '../ui/capacity-field.js';
import { SaveOrCancel } from '../ui/save-or-cancel.js';
import { ShowTimeFields } from '../ui/show-time-fields.js';
import { convertArgs, convertValues, type ConvertProblems, type ConvertValues } from './convert-values.js';
import { useFormat } from '../format/use-format.js';

type RequestDetail = CommandResult<'requests.get'>;

export function ConvertForm({ request, onDone }: { request: RequestDetail; onDone: () => void }) {
  const f = useFormat();
  const edit = useEdit();
  const zone = request.venue.timezone;
  const held = request.holds.find((hold) => hold.status === 'ACTIVE');
  const [values, setValues] = useState<ConvertValues>(() => convertValues(request, held?.holdDate));
  const [problems, setProblems] = useState<ConvertProblems>({});
  const [refusal, setRefusal] = useState<CommandError>();
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  // the event's id is made here, once, so a second try (with an override) makes the same event
  const [eventId] = useState(() => crypto.randomUUID());
  const set = (field: keyof ConvertValues) => (change: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: change.target.value }));

  async function save(submit: { preventDefault(): void }, withOverride: boolean) {
    submit.preventDefault();
    const checked = convertArgs(values, zone);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    if (withOverride && reason.trim() === '') return setReasonProblem('Say why the date is confirmed anyway');
    setReasonProblem(undefined);
    setSaving(true);
    const holdOnDate = request.holds.find((hold) => hold.status === 'ACTIVE' && hold.holdDate === values.date);
    const refused = await edit('request.convertToEvent', {
      requestId: request.id,
      eventId,
      decisionId: crypto.randomUUID(),
      holdId: holdOnDate?.id ?? null,
      ...checked.args,
      ...(withOverride ? { override: { reason: reason.trim() } } : {}),
    });
    setSaving(false);
    setRefusal(refused);
    if (!refused) {
      onDone();
      navigate(routeHash(`events/${eventId}`));
    } else if (refused.code === 'rule') setOverriding(true);
  }

  const zoneLabel = `${f.zoneName(instantInZone(values.date || '2000-01-01', '12:00', zone), zone)} (${zone})`;
  return (
    <form
      aria-label="Create event"
      onSubmit={(submit) => void save(submit, false)}
      onKeyDown={(key) => key.key === 'Escape' && onDone()}
      noValidate
      className="space-y-3"
    >
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
        <Field label="Show date" problem={problems.date} hint={held ? `Held: ${f.date(held.holdDate)}` : undefined}>
          {(props) => (
            <input {...props} type="date" className={inputClass} value={values.date} onChange={set('date')} />
          )}
        </Field>
        <CapacityField
          value={values.capacity}
          problem={problems.capacity}
          venueCapacity={request.venue.capacity}
          onChange={set('capacity')}
        />
        <ShowTimeFields
          values={values}
          problems={problems}
          set={set}
          endsHint={values.ends && values.ends <= values.show ? 'the next day' : undefined}
        />
        <p className="col-span-2 -mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Times on the venue’s clock: {zoneLabel}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <SaveOrCancel saving={saving} onCancel={onDone} saveLabel="Confirm event" />
      </div>
      <ErrorNote error={refusal} />
      {overriding && refusal && (
        <div className="space-y-2 rounded-md border border-red-200 p-3 dark:border-red-900">
          <Field label="Override with a reason" problem={reasonProblem} hint="Kept in the decision log">
            {(props) => (
              <textarea
                {...props}
                rows={2}
                className={inputClass}
                value={reason}
                onChange={(change) => setReason(change.target.value)}
              />
            )}
          </Field>
          <button
            type="button"
            className={dangerButtonClass}
            disabled={saving}
            onClick={(click) => void save(click, true)}
          >
            Confirm anyway
          </button>
        </div>
      )}
    </form>
  );
}
