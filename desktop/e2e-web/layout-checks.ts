// What "laid out properly" means for a screen of editable lists, measured in the page: every
// control (field, select, button, link) lies inside the card it belongs to, and every text field
// is wide enough to read what is typed in it. A row whose time field takes most of the width
// squeezes "What happens" to a sliver and pushes its buttons out of the card; this catches that,
// and the same fault in any other list, without knowing the list.
import type { Locator } from '@playwright/test';

/** narrower than this, a text field shows a few characters at most */
export const MIN_TEXT_FIELD_PX = 64;

/**
 * The problems of the controls inside `root`, one line each ("button “Remove 6:00 PM Doors”: 31 px
 * past the right edge of its card"); none when everything fits. A control's card is its nearest
 * `section` (or open `dialog`), else `root`. Controls not rendered (display: none) are skipped;
 * those shown on hover only (opacity 0) still take their place and are checked.
 */
export async function layoutProblems(root: Locator): Promise<string[]> {
  return root.evaluate((rootElement, minText) => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const name =
        element.getAttribute('aria-label') ??
        (element.id && document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent) ??
        element.getAttribute('placeholder') ??
        element.textContent ??
        '';
      const kind = element.tagName === 'INPUT' ? `input[${(element as HTMLInputElement).type}]` : element.localName;
      return `${kind} “${name.trim().replace(/\s+/g, ' ').slice(0, 60)}”`;
    };
    const textual = (element: Element) =>
      element.tagName === 'TEXTAREA' ||
      (element.tagName === 'INPUT' &&
        ['text', 'search', 'email', 'tel', 'url', 'number', 'date', 'time', 'password'].includes(
          (element as HTMLInputElement).type,
        ));
    const controls = rootElement.querySelectorAll(
      'input:not([type="hidden"]), select, textarea, button, a[href], [role="button"], [tabindex]:not([tabindex="-1"])',
    );
    for (const control of Array.from(controls)) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const card = control.parentElement?.closest('section, dialog[open]') ?? rootElement;
      const edge = card.getBoundingClientRect();
      // a card that scrolls up and down (the page's main area) holds what is scrolled out of view;
      // sideways there is no such allowance: a row reached by scrolling sideways is a broken row
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(card).overflowY);
      const top = scrolls ? edge.top - card.scrollTop : edge.top;
      const bottom = scrolls ? top + card.scrollHeight : edge.bottom;
      const past: string[] = [];
      // half a pixel of rounding either way
      if (box.left < edge.left - 0.5) past.push(`${Math.round(edge.left - box.left)} px past the left edge`);
      if (box.right > edge.right + 0.5) past.push(`${Math.round(box.right - edge.right)} px past the right edge`);
      if (box.top < top - 0.5) past.push(`${Math.round(top - box.top)} px above the top`);
      if (box.bottom > bottom + 0.5) past.push(`${Math.round(box.bottom - bottom)} px below the bottom`);
      if (past.length > 0) problems.push(`${describe(control)}: ${past.join(', ')} of its card`);
      if (textual(control) && box.width < minText)
        problems.push(`${describe(control)}: ${Math.round(box.width)} px wide, too narrow to read`);
    }
    return problems;
  }, MIN_TEXT_FIELD_PX);
}

/** the rendered width of an element, in CSS pixels */
export async function widthOf(element: Locator): Promise<number> {
  return element.evaluate((node) => node.getBoundingClientRect().width);
}
