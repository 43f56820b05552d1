// What the benchmark runs inside the page, as source text: tsx compiles this repository's
// functions with name-keeping helpers the page does not have, so nothing is passed to
// page.evaluate as a function. Times are taken in the page (performance.now, or Date.now where
// Node's clock must compare) by a MutationObserver, so a result is stamped in the DOM mutation
// that shows it, not when a polling round trip happens to notice.

import type { Page } from '@playwright/test';

/** `${date}:${chips shown}:${"+N more"}` for every day of the month, as the grid draws it */
export const calendarSignatureSource = `(month) => {
  const cells = [...document.querySelectorAll('[role="table"] [role="cell"][data-date]')]
    .filter((cell) => cell.dataset.date.startsWith(month + '-'));
  return cells.map((cell) => {
    const more = cell.querySelector(':scope > button');
    const shown = cell.children.length - 1 - (more ? 1 : 0);
    const hidden = more ? Number((/\\+(\\d+)/.exec(more.textContent) || [0, 0])[1]) : 0;
    return cell.dataset.date + ':' + shown + ':' + hidden;
  }).join('|');
}`;

/** the same signature from calendar.month's answer, for the page to wait for */
export function expectedCalendarSignature(month: string, items: readonly { date: string }[], maxInCell = 4): string {
  const perDay = new Map<string, number>();
  for (const item of items) perDay.set(item.date, (perDay.get(item.date) ?? 0) + 1);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const signature: string[] = [];
  for (let day = 1; day <= days; day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    const n = perDay.get(date) ?? 0;
    signature.push(`${date}:${Math.min(n, maxInCell)}:${n > maxInCell ? n - maxInCell : 0}`);
  }
  return signature.join('|');
}

/**
 * window.__bench: the time of the last input event (t0), and the time the results list first
 * showed `expect` as an Artist hit for `query` (t1); calendar: the time the grid of `month`
 * first matched `signature`. check() looks now, for a page already showing what is awaited.
 */
export const installProbes = `(() => {
  const signatureOf = ${calendarSignatureSource};
  const bench = (window.__bench = { search: null, calendar: null });
  document.addEventListener('input', () => { if (bench.search) bench.search.t0 = performance.now(); }, true);
  const check = (bench.check = () => {
    const search = bench.search;
    if (search && !search.t1) {
      const list = document.querySelector('[role="listbox"][aria-label="Results"]');
      if (list && list.getAttribute('data-query') === search.query) {
        const hit = [...list.querySelectorAll('[role="option"]')]
          .some((option) => option.textContent.startsWith('Artist' + search.expect));
        if (hit) search.t1 = performance.now();
      }
    }
    const calendar = bench.calendar;
    if (calendar && !calendar.t1 && signatureOf(calendar.month) === calendar.signature) {
      calendar.t1 = performance.now();
    }
  });
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

/** for a page that opens cold: stamps Date.now() (comparable with Node's) once the grid matches */
export const coldOpenProbe = (month: string, signature: string) => `(() => {
  const signatureOf = ${calendarSignatureSource};
  const observer = new MutationObserver(() => {
    if (!window.__coldOpenedAt && signatureOf(${JSON.stringify(month)}) === ${JSON.stringify(signature)}) {
      window.__coldOpenedAt = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

/**
 * Waits until `condition` (source text) holds in the page. Not page.waitForFunction: that
 * evaluates its text with eval, which the renderer's CSP refuses; times are stamped by the page's
 * own probes, so polling here costs no precision.
 */
export async function waitInPage(page: Page, condition: string, timeout: number): Promise<void> {
  const met = await page.evaluate(`new Promise((resolve) => {
    const deadline = Date.now() + ${timeout};
    const check = () => {
      if (${condition}) resolve(true);
      else if (Date.now() > deadline) resolve(false);
      else setTimeout(check, 5);
    };
    check();
  })`);
  if (!met) throw new Error(`not met within ${timeout} ms: ${condition}`);
}
