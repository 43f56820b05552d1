// Editing the deal: type, money in the deal's currency (typed as dollars, sent as cents), the
// artist's share in percent, the split basis and notes. The core checks the deal's rules (a
// flat deal needs a guarantee…) before queueing, so a refusal shows here at once. A deal not made
// yet starts from what its request said (budget, deal notes).
import { dealTypes, splitBases } from '@promoteros/shared';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import type { Edit } from '../data/use-edit.js';
import { useFormat } from '../format/use-format.js';
import { ErrorNote, Field, inputClass } from '../ui/controls.js';
import { SaveOrCancel } from '../ui/save-or-cancel.js';
import {
  dealChanges,
  dealFormValues,
  dealTypeName,
  prefilledFromRequest,
  splitBasisName,
  type BookedFrom,
  type DealFormValues,
  type DealProblems,
} from './deal-changes.js';

type EventDetail = CommandResult<'events.get'>;

/** ", whose budget was $2,500.00 – $4,000.00" */
function budgetWords(request: BookedFrom, money: (cents: number) => string): string {
  const { budgetMinCents: low, budgetMaxCents: high } = request;
  if (low !== null && high !== null && low !== high) return `, whose budget was ${money(low)} – ${money(high)}`;
  const one = low ?? high;
  return one === null ? '' : `, whose budget was ${money(one)}`;
}

export function DealTermsForm({ event, edit, onDone }: { event: EventDetail; edit: Edit; onDone: () => void }) {
  const f = useFormat();
  const [values, setValues] = useState<DealFormValues>(() => dealFormValues(event.deal, event.request));
  const fromRequest = prefilledFromRequest(event.deal, event.request);
  const [problems, setProblems] = useState<DealProblems>({});
  const [refusal, setRefusal] = useState<CommandError>();
  const [saving, setSaving] = useState(false);
  // made once: the id of the terms if this save creates them
  const [newId] = useState(() => crypto.randomUUID());
  const set = (field: keyof DealFormValues) => (change: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: change.target.value }));

  async function save(submit: FormEvent) {
    submit.preventDefault();
    setRefusal(undefined);
    const checked = dealChanges(event.deal, values);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    if (Object.keys(checked.changes).length === 0) return onDone();
    setSaving(true);
    const refused = await edit('dealTerms.set', {
      eventId: event.id,
      dealTermsId: event.deal?.id ?? newId,
      ...checked.changes,
    });
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
  const currency = values.currency.trim().toUpperCase() || 'USD';
  const money = (field: 'guarantee' | 'ticketPrice' | 'expensesBudget', label: string) => (
    <DecimalField
      label={`${label} (${currency})`}
      placeholder="0.00"
      problem={problems[field]}
      value={values[field]}
      onChange={set(field)}
    />
  );

  return (
    <form aria-label="Edit deal terms" onSubmit={(submit) => void save(submit)} onKeyDown={cancelOnEscape} noValidate>
      {fromRequest && event.request ? (
        <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-300">
          Filled in from request {event.request.reference}
          {budgetWords(event.request, (cents) => f.money(cents, currency))}: check the terms before saving.
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field label="Deal type" problem={problems.dealType}>
          {(props) => (
            <select {...props} autoFocus className={inputClass} value={values.dealType} onChange={set('dealType')}>
              {dealTypes.map((type) => (
                <option key={type} value={type}>
                  {dealTypeName[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Currency" problem={problems.currency}>
          {(props) => (
            <input
              {...props}
              maxLength={3}
              className={`${inputClass} uppercase`}
              value={values.currency}
              onChange={set('currency')}
            />
          )}
        </Field>
        {money('guarantee', 'Guarantee')}
        <DecimalField
          label="Artist share (%)"
          placeholder="0"
          problem={problems.artistShare}
          value={values.artistShare}
          onChange={set('artistShare')}
        />
        <Field label="Split basis" problem={problems.splitBasis}>
          {(props) => (
            <select {...props} className={inputClass} value={values.splitBasis} onChange={set('splitBasis')}>
              {splitBases.map((basis) => (
                <option key={basis} value={basis}>
                  {splitBasisName[basis]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {money('ticketPrice', 'Ticket price')}
        {money('expensesBudget', 'Expenses budget')}
        <Field label="Notes" problem={problems.notes} className="col-span-2">
          {(props) => (
            <textarea {...props} rows={2} className={inputClass} value={values.notes} onChange={set('notes')} />
          )}
        </Field>
      </div>
      <div className="mt-3 flex items-center gap-2">
        <SaveOrCancel saving={saving} onCancel={onDone} />
      </div>
      <div className="mt-2">
        <ErrorNote error={refusal} />
      </div>
    </form>
  );
}

/** a number typed with a decimal point: an amount of money, a percentage */
function DecimalField({
  label,
  placeholder,
  problem,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  problem: string | undefined;
  value: string;
  onChange: (change: { target: { value: string } }) => void;
}) {
  return (
    <Field label={label} problem={problem}>
      {(props) => (
        <input
          {...props}
          inputMode="decimal"
          placeholder={placeholder}
          className={`${inputClass} text-right tabular-nums`}
          value={value}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
