// One settlement line being added or edited, inline where it sits: only the fields its kind uses
// (tickets: count and price; comps: count; expenses: budget and actual; adjustments: a signed
// amount). Enter saves, Escape cancels; a field that does not read says why beside it.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { ErrorNote, Field, inputClass } from '../ui/controls.js';
import { SaveOrCancel } from '../ui/save-or-cancel.js';
import { parseLine, type LineFields, type LineProblems, type LineValues } from './settlement-line-changes.js';

export function SettlementLineForm({
  initial,
  currency,
  saveLabel,
  onSave,
  onCancel,
}: {
  initial: LineValues;
  currency: string;
  saveLabel: string;
  /** resolves to the refusal, or undefined when the edit was made */
  onSave: (fields: LineFields) => Promise<CommandError | undefined>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<LineProblems>({});
  const [refusal, setRefusal] = useState<CommandError>();
  const [saving, setSaving] = useState(false);
  const set = (field: keyof LineValues) => (change: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: change.target.value }));

  async function save(submit: FormEvent) {
    submit.preventDefault();
    const parsed = parseLine(values, currency);
    if ('problems' in parsed) return setProblems(parsed.problems);
    setProblems({});
    setSaving(true);
    const refused = await onSave(parsed.fields);
    setSaving(false);
    setRefusal(refused);
  }

  const cancelOnEscape = (key: KeyboardEvent) => {
    if (key.key === 'Escape') {
      key.preventDefault();
      onCancel();
    }
  };

  const input = (field: keyof LineValues, label: string, options: { money?: boolean; first?: boolean } = {}) => (
    <Field label={label} problem={problems[field]} className={field === 'label' ? 'min-w-40 flex-1' : 'w-32'}>
      {(props) => (
        <input
          {...props}
          className={`${inputClass} ${field === 'label' ? '' : 'text-right tabular-nums'}`}
          value={values[field]}
          onChange={set(field)}
          inputMode={options.money ? 'decimal' : field === 'quantity' ? 'numeric' : undefined}
          placeholder={options.money ? currency : undefined}
          autoFocus={options.first}
        />
      )}
    </Field>
  );

  return (
    <form
      onSubmit={(submit) => void save(submit)}
      onKeyDown={cancelOnEscape}
      className="space-y-2 py-2"
      aria-label={`${saveLabel} settlement line`}
    >
      <div className="flex flex-wrap items-start gap-2">
        {input('label', 'Label', { first: true })}
        {(values.kind === 'TICKETS' || values.kind === 'COMPS') && input('quantity', 'Count')}
        {values.kind === 'TICKETS' && input('unit', 'Ticket price', { money: true })}
        {values.kind === 'EXPENSE' && input('budget', 'Budget', { money: true })}
        {values.kind === 'EXPENSE' && input('actual', 'Actual', { money: true })}
        {values.kind === 'ADJUSTMENT' && input('unit', 'Amount (− to take off)', { money: true })}
      </div>
      <div className="flex items-center gap-2">
        <SaveOrCancel saving={saving} onCancel={onCancel} saveLabel={saveLabel} />
        <ErrorNote error={refusal} />
      </div>
    </form>
  );
}
