// How the page shows what to fix: each field's message beside it (aria-invalid, and the message
// added to what describes the control), and the summary at the top, a list of links to the fields
// at fault that takes the focus. The same markup the server renders for a page without the script.
import { fieldIds } from '../form-fields.js';

export type Errors = Record<string, string>;

export interface ErrorView {
  /** the field's message, or none */
  show(name: string, message: string | undefined): void;
  /** the summary of `errors` (in the form's order), with a notice above it when the request was not sent */
  showSummary(errors: Errors, notice?: string): void;
}

export function errorView(summary: HTMLElement, fieldNames: readonly string[]): ErrorView {
  // a summary link moves the focus into its field, not only the scroll position
  summary.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    const target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
  });

  return {
    show(name, message) {
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
    },

    showSummary(errors, notice) {
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
    },
  };
}
