// Settings → task templates: the checklist every confirmed event starts with. Owners and managers
// add, edit, switch off, remove and reorder them (Alt+↑/↓ on a row); each task falls due its
// number of days before the show, counted on the venue's calendar.
import { roles } from '@promoteros/shared';
import { roleLabel } from '@promoteros/shared/labels';
import type { MutationArgs } from '@promoteros/shared/mutations';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useEdit, type RunEdit } from '../data/use-edit.js';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import { decidesRequests } from '../request/request-actions.js';
import { movedOrder } from '../settings/template-order.js';
import {
  buttonClass,
  ErrorNote,
  Field,
  inputClass,
  linkButtonClass,
  primaryButtonClass,
  Section,
  selectClass,
  Spinner,
} from '../ui/controls.js';

type Template = CommandResult<'taskTemplates.list'>[number];

interface Draft {
  readonly title: string;
  readonly dueDays: string;
  readonly role: string;
  readonly description: string;
}
const emptyDraft: Draft = { title: '', dueDays: '7', role: '', description: '' };

type TemplateFields = Omit<MutationArgs<'taskTemplate.create'>, 'templateId'>;

/** the form's values as template fields, or what is wrong */
function templateFields(draft: Draft): { ok: true; fields: TemplateFields } | { ok: false; problem: string } {
  const title = draft.title.trim();
  if (title === '') return { ok: false, problem: 'Give the task a title' };
  const days = Number(draft.dueDays);
  if (draft.dueDays.trim() === '' || !Number.isInteger(days) || days < 0 || days > 365)
    return { ok: false, problem: 'Days before the show: a whole number from 0 to 365' };
  return {
    ok: true,
    fields: {
      title,
      defaultDueDays: days,
      // the select offers the roles alone
      defaultRole: draft.role === '' ? null : (draft.role as Role),
      description: draft.description.trim() === '' ? null : draft.description.trim(),
    },
  };
}

export function TaskTemplatesPanel({ role }: { role: Role | undefined }) {
  const templates = useQuery('taskTemplates.list', {});
  const edit = useEdit();
  const [refusal, setRefusal] = useState<CommandError>();
  const [editing, setEditing] = useState<string>();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problem, setProblem] = useState<string>();
  const mayEdit = decidesRequests(role);

  const run: RunEdit<boolean> = async (name, args) => {
    const refused = await edit(name, args);
    setRefusal(refused);
    return !refused;
  };

  async function add(submit: FormEvent) {
    submit.preventDefault();
    const checked = templateFields(draft);
    if (!checked.ok) return setProblem(checked.problem);
    setProblem(undefined);
    if (await run('taskTemplate.create', { templateId: crypto.randomUUID(), ...checked.fields })) setDraft(emptyDraft);
  }

  function move(key: KeyboardEvent<HTMLElement>, template: Template) {
    if (!key.altKey || (key.key !== 'ArrowUp' && key.key !== 'ArrowDown')) return;
    key.preventDefault();
    const ids = (templates.data ?? []).map((each) => each.id);
    const next = movedOrder(ids, template.id, key.key === 'ArrowUp' ? -1 : 1);
    const focused = key.currentTarget;
    if (next) void run('taskTemplate.reorder', { templateIds: next }).then(() => focused.focus());
  }

  return (
    <Section title="Task templates" aside="Every confirmed event’s checklist starts with the active ones">
      {!templates.data ? (
        <Spinner label="Loading templates…" />
      ) : (
        <ol aria-label="Task templates" className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {templates.data.length === 0 && <li className="py-2 text-sm text-zinc-500">No templates yet.</li>}
          {templates.data.map((template) =>
            editing === template.id ? (
              <li key={template.id} className="py-2">
                <TemplateEditor
                  template={template}
                  onSave={async (fields) => {
                    if (await run('taskTemplate.update', { templateId: template.id, ...fields })) setEditing(undefined);
                  }}
                  onCancel={() => setEditing(undefined)}
                />
              </li>
            ) : (
              <li
                key={template.id}
                tabIndex={mayEdit ? 0 : undefined}
                aria-label={template.title}
                onKeyDown={(key) => mayEdit && move(key, template)}
                className={`flex items-center gap-3 py-1.5 text-sm focus:bg-indigo-50 focus:outline-none dark:focus:bg-indigo-950 ${template.active ? '' : 'text-zinc-400 dark:text-zinc-500'}`}
              >
                <span className="flex-1 font-medium">
                  {template.title}
                  {!template.active && <span className="ml-2 text-xs font-normal">(off)</span>}
                </span>
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {template.defaultDueDays === 0
                    ? 'on the day'
                    : `${template.defaultDueDays} ${template.defaultDueDays === 1 ? 'day' : 'days'} before`}
                </span>
                <span className="w-20 text-xs text-zinc-500 dark:text-zinc-400">
                  {template.defaultRole ? roleLabel(template.defaultRole) : ''}
                </span>
                {mayEdit && <TemplateActions template={template} run={run} onEdit={() => setEditing(template.id)} />}
              </li>
            ),
          )}
        </ol>
      )}
      {mayEdit ? (
        <form aria-label="New task template" onSubmit={(submit) => void add(submit)} className="mt-3" noValidate>
          <DraftFields draft={draft} setDraft={setDraft} problem={problem} />
          <button type="submit" className={`${primaryButtonClass} mt-2`}>
            Add template
          </button>
        </form>
      ) : (
        <p className="mt-3 text-xs text-zinc-500">Owners and managers edit the templates.</p>
      )}
      <div className="mt-2">
        <ErrorNote error={refusal} />
      </div>
      {mayEdit && (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Alt+↑ / Alt+↓ on a template moves it.</p>
      )}
    </Section>
  );
}

/** a template's Edit, Switch off / on and Remove, for who may change the templates */
function TemplateActions({ template, run, onEdit }: { template: Template; run: RunEdit<boolean>; onEdit: () => void }) {
  return (
    <span className="flex gap-1">
      <button type="button" className={linkButtonClass} onClick={onEdit} aria-label={`Edit ${template.title}`}>
        Edit
      </button>
      <button
        type="button"
        className={linkButtonClass}
        onClick={() => void run('taskTemplate.update', { templateId: template.id, active: !template.active })}
        aria-label={`${template.active ? 'Switch off' : 'Switch on'} ${template.title}`}
      >
        {template.active ? 'Switch off' : 'Switch on'}
      </button>
      <button
        type="button"
        className={linkButtonClass}
        onClick={() => void run('taskTemplate.remove', { templateId: template.id })}
        aria-label={`Remove ${template.title}`}
      >
        Remove
      </button>
    </span>
  );
}

function DraftFields({
  draft,
  setDraft,
  problem,
}: {
  draft: Draft;
  setDraft: (next: Draft) => void;
  problem?: string | undefined;
}) {
  const set = (field: keyof Draft) => (change: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: change.target.value });
  return (
    <div className="grid grid-cols-[1fr_8rem_9rem] gap-2">
      <Field label="Task" problem={problem}>
        {(props) => <input {...props} className={inputClass} value={draft.title} onChange={set('title')} />}
      </Field>
      <Field label="Days before show">
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            className={inputClass}
            value={draft.dueDays}
            onChange={set('dueDays')}
          />
        )}
      </Field>
      <Field label="Done by">
        {(props) => (
          <select {...props} className={`${selectClass} w-full`} value={draft.role} onChange={set('role')}>
            <option value="">Anyone</option>
            {roles.map((each) => (
              <option key={each} value={each}>
                {roleLabel(each)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Description (optional)" className="col-span-3">
        {(props) => <input {...props} className={inputClass} value={draft.description} onChange={set('description')} />}
      </Field>
    </div>
  );
}

function TemplateEditor({
  template,
  onSave,
  onCancel,
}: {
  template: Template;
  onSave: (fields: TemplateFields) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    title: template.title,
    dueDays: String(template.defaultDueDays),
    role: template.defaultRole ?? '',
    description: template.description ?? '',
  });
  const [problem, setProblem] = useState<string>();
  return (
    <form
      aria-label={`Edit ${template.title}`}
      onSubmit={(submit) => {
        submit.preventDefault();
        const checked = templateFields(draft);
        if (!checked.ok) return setProblem(checked.problem);
        void onSave(checked.fields);
      }}
      onKeyDown={(key) => key.key === 'Escape' && onCancel()}
      noValidate
    >
      <DraftFields draft={draft} setDraft={setDraft} problem={problem} />
      <div className="mt-2 flex gap-2">
        <button type="submit" className={primaryButtonClass}>
          Save
        </button>
        <button type="button" className={buttonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
