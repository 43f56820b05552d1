// Settings → dates, times and numbers: the organization's locale (docs/formatting.md). The owner
// picks one, reads how a show's date, its doors time, an amount and a count will look in it, and
// saves: every screen follows at once (offline too: it is an edit through the outbox like any
// other), every member's app at its next sync, and the emails and documents sent from then on.
// A save button rather than saving on change: arrowing through a closed select changes its value
// at every step, and each step would otherwise be a change everyone sees.
import { useId, useState, type FormEvent } from 'react';
import { LOCALE_CHOICES, localeName } from '@promoteros/shared/format';
import type { CommandError } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import { ErrorNote, primaryButtonClass, Section, selectClass, Spinner } from '../ui/controls.js';
import { localePreview, PREVIEW_CURRENCY } from './locale-preview.js';

/** "British English (en-GB)" */
const choiceLabel = (tag: string) => `${localeName(tag)} (${tag})`;

/** Today on this computer's calendar, as 'YYYY-MM-DD' (en-CA writes dates that way). */
const today = () => new Intl.DateTimeFormat('en-CA').format(new Date());

export function LocaleSetting({ role }: { role: Role | undefined }) {
  const organization = useQuery('organization.get', {});
  const edit = useEdit();
  const [draft, setDraft] = useState<string>();
  const [refusal, setRefusal] = useState<CommandError>();
  const [saved, setSaved] = useState<string>();
  const selectId = useId();
  const previewId = useId();
  const hintId = useId();
  const mayChange = role === 'OWNER';

  const current = organization.data?.locale;
  if (!current) {
    return (
      <Section title="Dates, times and numbers">
        {organization.error ? <ErrorNote error={organization.error} /> : <Spinner label="Loading…" />}
      </Section>
    );
  }
  const chosen = draft ?? current;
  // a locale an operator set that the list does not offer stays choosable
  const choices: readonly string[] = LOCALE_CHOICES.includes(current as (typeof LOCALE_CHOICES)[number])
    ? LOCALE_CHOICES
    : [current, ...LOCALE_CHOICES];
  const preview = localePreview(chosen, today());

  async function save(submit: FormEvent) {
    submit.preventDefault();
    if (chosen === current) return;
    const refused = await edit('organization.setLocale', { locale: chosen });
    setRefusal(refused);
    if (!refused) {
      setDraft(undefined);
      setSaved(`Saved: dates, times and numbers are now written as in ${choiceLabel(chosen)}.`);
    }
  }

  return (
    <Section title="Dates, times and numbers">
      <form aria-label="Dates, times and numbers" onSubmit={(submit) => void save(submit)} noValidate>
        <p id={hintId} className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
          How the app, emails and documents write dates, times, numbers and money for everyone in{' '}
          {organization.data?.name || 'this organization'}. Show times stay on each venue’s clock.
        </p>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={selectId} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Locale
            </label>
            {mayChange ? (
              <select
                id={selectId}
                className={selectClass}
                value={chosen}
                aria-describedby={`${hintId} ${previewId}`}
                onChange={(change) => {
                  setDraft(change.target.value);
                  setSaved(undefined);
                }}
              >
                {choices.map((tag) => (
                  <option key={tag} value={tag}>
                    {choiceLabel(tag)}
                  </option>
                ))}
              </select>
            ) : (
              <output id={selectId} aria-describedby={previewId} className="block py-1 text-sm">
                {choiceLabel(current)}
              </output>
            )}
          </div>
          {mayChange && (
            <button type="submit" className={primaryButtonClass} disabled={chosen === current}>
              Save
            </button>
          )}
        </div>
        <p className="mt-3 mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">How it will look</p>
        <dl
          id={previewId}
          className="grid max-w-md grid-cols-[8rem_1fr] gap-x-3 gap-y-1 rounded-md bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-800/60"
        >
          <dt className="text-zinc-500 dark:text-zinc-400">A show date</dt>
          <dd>{preview.date}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Doors</dt>
          <dd>{preview.time}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">A deal in {PREVIEW_CURRENCY}</dt>
          <dd>{preview.amount}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Capacity</dt>
          <dd>{preview.count}</dd>
        </dl>
        {!mayChange && <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Only an owner can change it.</p>}
        <p role="status" className="mt-2 text-xs text-emerald-700 dark:text-emerald-400">
          {saved}
        </p>
        <ErrorNote error={refusal} />
      </form>
    </Section>
  );
}
