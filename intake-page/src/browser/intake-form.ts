// The intake page's script: the form already works without it (plain POST, errors rendered by
// the relay). With it, each field is checked against the same schema as the relay's when the
// person leaves it, errors clear as they are fixed, and the form is sent with fetch so the page
// does not reload. Bundled by esbuild (script-bundle.ts); kept far below the 60 KB budget.
import { fieldErrors, intakeSchemaFor } from '@promoteros/shared/intake';
import { fieldIds } from '../form-fields.js';

type Errors = Record<string, string>;

function start(form: HTMLFormElement): void {
  const data = form.dataset;
  const schema = intakeSchemaFor({
    timezone: data.timezone ?? 'UTC',
    capacity: Number(data.capacity),
    minAttendance: Number(data.minAttendance ?? 0),
    // the organization's locale, as the page's own hints write numbers in it
    locale: data.locale ?? '',
  });
  const summary = document.getElementById('error-summary')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const fieldNames = [...form.querySelectorAll<HTMLElement>('[data-field]')].map((el) => el.dataset.field!);
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

  function show(name: string, message: string | undefined): void {
    const ids = fieldIds(name);
    const control = document.getElementById(ids.control);
    const error = document.getElementById(ids.error);
    if (!control || !error) return;
    error.textContent = message ?? '';
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    const hint = document.getElementById(ids.hint) ? ids.hint : '';
    const describedBy = [hint, message ? ids.error : ''].filter(Boolean).join(' ');
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
  }

  function showSummary(errors: Errors, notice?: string): void {
    const listed = fieldNames.filter((name) => errors[name]);
    const title = summary.querySelector('h2')!;
    const noticeText = summary.querySelector<HTMLElement>('#error-summary-notice')!;
    const list = summary.querySelector('ul')!;
    title.textContent = notice ? 'Your request was not sent' : 'There is a problem with your request';
    noticeText.textContent = notice ?? '';
    noticeText.hidden = !notice;
    list.replaceChildren(
      ...listed.map((name) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `#${fieldIds(name).control}`;
        link.textContent = errors[name]!;
        item.append(link);
        return item;
      }),
    );
    summary.hidden = listed.length === 0 && !notice;
    if (!summary.hidden) summary.focus();
  }

  // a summary link moves the focus into its field, not only the scroll position
  summary.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    const target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
  });

  form.addEventListener('focusout', (event) => {
    const name = (event.target as HTMLElement).getAttribute('name');
    if (!name || !fieldNames.includes(name)) return;
    visited.add(name);
    const errors = check();
    for (const field of visited) show(field, errors[field]);
  });

  form.addEventListener('input', (event) => {
    const name = (event.target as HTMLElement).getAttribute('name');
    if (!name || !visited.has(name)) return;
    const errors = check();
    // while typing, only clear or update errors already shown: no new error mid-word
    for (const field of visited) {
      if (document.getElementById(fieldIds(field).error)?.textContent) show(field, errors[field]);
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const errors = check();
    for (const name of fieldNames) {
      visited.add(name);
      show(name, errors[name]);
    }
    if (Object.keys(errors).length > 0) {
      showSummary(errors);
      return;
    }
    void send();
  });

  async function send(): Promise<void> {
    button.disabled = true;
    button.textContent = 'Sending…';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(values()),
      });
      const answer = (await response.json().catch(() => ({}))) as {
        reference?: string;
        message?: string;
        errors?: Errors;
        formToken?: string;
        email?: string;
        venueName?: string;
      };
      if (response.ok && answer.reference) {
        confirm(answer.reference, answer.venueName ?? '', answer.email ?? '');
        return;
      }
      if (answer.formToken) form.querySelector<HTMLInputElement>('input[name=formToken]')!.value = answer.formToken;
      const errors = answer.errors ?? {};
      for (const name of fieldNames) show(name, errors[name]);
      const listed = fieldNames.some((name) => errors[name]);
      showSummary(errors, listed ? undefined : (answer.message ?? `The request was not sent (${response.status}).`));
    } catch {
      showSummary({}, 'The request could not reach the venue. Check your connection and send it again.');
    } finally {
      button.disabled = false;
      button.textContent = 'Send request';
    }
  }

  function confirm(reference: string, venueName: string, email: string): void {
    const main = document.querySelector('main')!;
    const heading = Object.assign(document.createElement('h1'), {
      id: 'sent',
      tabIndex: -1,
      textContent: 'Request sent',
    });
    const paragraph = (text: string, attributes: { id?: string; className?: string } = {}) =>
      Object.assign(document.createElement('p'), { textContent: text, ...attributes });
    main.replaceChildren(
      heading,
      paragraph(`Thank you. ${venueName} has your request.`),
      paragraph('Your reference is'),
      paragraph(reference, { id: 'reference', className: 'reference' }),
      paragraph(`Quote it when you contact the venue about this request. A confirmation is on its way to ${email}.`),
    );
    document.title = `Request sent to ${venueName}`;
    heading.focus();
  }
}

const form = document.getElementById('intake-form');
if (form instanceof HTMLFormElement) start(form);
