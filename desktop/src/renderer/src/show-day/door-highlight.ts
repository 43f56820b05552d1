// Which guest Enter would admit. Nothing is highlighted until the door person types or moves to a
// row: after an admission the search empties and the list shows everyone alphabetically, and a
// highlight on its first name made a second press of Enter admit a stranger. A row picked with
// the arrows (or a click) is held by its id, so a sync that re-sorts the list never moves the
// highlight onto someone else.

export type Highlight =
  /** nothing: Enter does nothing */
  | { readonly kind: 'none' }
  /** the best match of what was typed */
  | { readonly kind: 'first' }
  /** a row the door person moved to */
  | { readonly kind: 'entry'; readonly id: string };

export const NOTHING: Highlight = { kind: 'none' };

/** after typing: the best match when something was typed, nothing when the search was emptied */
export function highlightForQuery(query: string): Highlight {
  return query.trim() ? { kind: 'first' } : NOTHING;
}

/** the highlighted one among the results shown, if any */
export function highlighted<T extends { readonly id: string }>(
  results: readonly T[],
  highlight: Highlight,
): T | undefined {
  switch (highlight.kind) {
    case 'none':
      return undefined;
    case 'first':
      return results[0];
    case 'entry':
      return results.find((result) => result.id === highlight.id);
  }
}

/** ↓ / ↑ from the current row; from nothing, ↓ goes to the first row and ↑ to the last */
export function moveHighlight<T extends { readonly id: string }>(
  results: readonly T[],
  highlight: Highlight,
  by: 1 | -1,
): Highlight {
  if (results.length === 0) return NOTHING;
  const current = highlighted(results, highlight);
  const at = current ? results.indexOf(current) : -1;
  const next = at < 0 ? (by === 1 ? 0 : results.length - 1) : Math.min(Math.max(at + by, 0), results.length - 1);
  return { kind: 'entry', id: results[next]!.id };
}
