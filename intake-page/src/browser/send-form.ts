// Sending the form with fetch, as JSON, so the page does not reload: the relay answers with the
// request's reference (the page then says it was sent, in place of the form), or with what to fix
// and, for a form that expired, a fresh form token to send it with.
import type { ErrorView, Errors } from './error-view.js';

interface Answer {
  reference?: string;
  message?: string;
  errors?: Errors;
  formToken?: string;
  email?: string;
  venueName?: string;
}

export async function sendForm(
  form: HTMLFormElement,
  values: Record<string, string>,
  fieldNames: readonly string[],
  view: ErrorView,
): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  button.disabled = true;
  button.textContent = 'Sending…';
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(values),
    });
    const answer = (await response.json().catch(() => ({}))) as Answer;
    if (response.ok && answer.reference) {
      showSent(answer.reference, answer.venueName ?? '', answer.email ?? '');
      return;
    }
    if (answer.formToken) form.querySelector<HTMLInputElement>('input[name=formToken]')!.value = answer.formToken;
    const errors = answer.errors ?? {};
    for (const name of fieldNames) view.show(name, errors[name]);
    const listed = fieldNames.some((name) => errors[name]);
    view.showSummary(errors, listed ? undefined : (answer.message ?? `The request was not sent (${response.status}).`));
  } catch {
    view.showSummary({}, 'The request could not reach the venue. Check your connection and send it again.');
  } finally {
    button.disabled = false;
    button.textContent = 'Send request';
  }
}

/** The page's main content becomes the confirmation, its heading focused. */
function showSent(reference: string, venueName: string, email: string): void {
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
