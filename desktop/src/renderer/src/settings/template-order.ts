// Moving a task template up or down the list (Alt+↑/↓): the ids in their new order for
// taskTemplate.reorder, or null when it is already at that end.
export function movedOrder(ids: readonly string[], id: string, by: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
