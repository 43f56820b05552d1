// Doors, show and end times side by side, typed on the venue's clock: the same three fields when
// a request becomes an event and when the event is edited.
import { Field, inputClass } from './controls.js';

type ShowTime = 'doors' | 'show' | 'ends';

export function ShowTimeFields({
  values,
  problems,
  set,
  doorsHint,
  endsHint,
}: {
  values: Record<ShowTime, string>;
  problems: Partial<Record<ShowTime, string>>;
  set: (field: ShowTime) => (change: { target: { value: string } }) => void;
  doorsHint?: string;
  endsHint?: string;
}) {
  return (
    <div className="col-span-2 grid grid-cols-3 gap-3">
      <Field label="Doors" problem={problems.doors} hint={doorsHint}>
        {(props) => (
          <input {...props} type="time" className={inputClass} value={values.doors} onChange={set('doors')} />
        )}
      </Field>
      <Field label="Show" problem={problems.show}>
        {(props) => <input {...props} type="time" className={inputClass} value={values.show} onChange={set('show')} />}
      </Field>
      <Field label="Ends" problem={problems.ends} hint={endsHint}>
        {(props) => <input {...props} type="time" className={inputClass} value={values.ends} onChange={set('ends')} />}
      </Field>
    </div>
  );
}
