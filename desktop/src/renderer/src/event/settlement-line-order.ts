// Moving a settlement line: the sheet groups its lines by kind (tickets, comps, expenses,
// adjustments) and prints each group in the lines' order, so a line moves past the next line of
// its own kind, not past a line of another group that sits between them in the event's order.

/**
 * The event's line ids in their new order with `lineId` moved `by` one place among the lines of
 * its kind; undefined when it is already first or last of them (or not there).
 */
export function movedWithinKind(
  lines: ReadonlyArray<{ readonly id: string; readonly kind: string }>,
  lineId: string,
  by: -1 | 1,
): string[] | undefined {
  const line = lines.find((l) => l.id === lineId);
  if (!line) return undefined;
  const group = lines.filter((l) => l.kind === line.kind);
  const neighbour = group[group.indexOf(line) + by];
  if (!neighbour) return undefined;
  const order = lines.map((l) => l.id);
  const from = order.indexOf(line.id);
  const to = order.indexOf(neighbour.id);
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}
