// The intake page's script: the form already works without it (plain POST, errors rendered by
// the relay). With it, each field is checked against the same schema as the relay's when the
// person leaves it, errors clear as they are fixed (error-view.ts), and the form is sent with
// fetch so the page does not reload (send-form.ts). Bundled by esbuild (script-bundle.ts); kept
// far below the 60 KB budget.
import { fieldErrors, intakeSchemaFor } from '@promoteros/shared/intake';
import { fieldIds } from '../form-fields.js';
import { errorView, type Errors } from './error-view.js';
import { sendForm } from './send-form.js';

function start(form: HTMLFormElement): void {
  const data = form.dataset;
  const schema = intakeSchemaFor({
    timezone: data.timezone ?? 'UTC',
    capacity: Number(data.capacity),
    minAttendance: Number(data.minAttendance ?? 0),
    // the organization's locale, as the page's own hints write numbers in it
    locale: data.locale ?? '',
  });
  const fieldNames = [...form.querySelectorAll<HTMLElement>('[data-field]')].map((el) => el.dataset.field!);
  const view = errorView(document.getElementById('error-summary')!, fieldNames);
  /** fields the person has left at least once: only those are judged while typing */
  const visited = new Set<string>();

  const values = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') out[key] = value;
    return out;
  };

  const check = (): Errors => {
    const parsed = schema.safeParse(values());
    return parsed.success ? {} : fieldErrors(parsed.error);
  };

  form.addEventListener('focusout', (event) => {
    const name = (event.target as HTMLElement).getAttribute('name');
    if (!name || !fieldNames.includes(name)) return;
    visited.add(name);
    const errors = check();
    for (const field of visited) view.show(field, errors[field]);
  });

  form.addEventListener('input', (event) => {
    const name = (event.target as HTMLElement).getAttribute('name');
    if (!name || !visited.has(name)) return;
    const errors = check();
    // while typing, only clear or update errors already shown: no new error mid-word
    for (const field of visited) {
      if (document.getElementById(fieldIds(field).error)?.textContent) view.show(field, errors[field]);
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const errors = check();
    for (const name of fieldNames) {
      visited.add(name);
      view.show(name, errors[name]);
    }
    if (Object.keys(errors).length > 0) {
      view.showSummary(errors);
      return;
    }
    void sendForm(form, values(), fieldNames, view);
  });
}

const form = document.getElementById('intake-form');
if (form instanceof HTMLFormElement) start(form);
