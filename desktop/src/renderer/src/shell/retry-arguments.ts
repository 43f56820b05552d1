// Correcting a refused edit before retrying it: its simple fields (text and numbers, not the ids
// that say which rows it is about) as form values, and back into arguments of the same types.

/** [argument, value as text] for each field the user may correct */
export function editableFields(args: unknown): Array<[string, string]> {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return [];
  return Object.entries(args as Record<string, unknown>)
    .filter(([key, value]) => !/Ids?$/.test(key) && (typeof value === 'string' || typeof value === 'number'))
    .map(([key, value]) => [key, String(value)]);
}

/** "artistName" → "Artist name", "guaranteeCents" → "Guarantee (cents)", "artistShareBp" → "Artist share (basis points)" */
export function fieldLabel(key: string): string {
  const unit = /Cents$/.test(key) ? ' (cents)' : /Bp$/.test(key) ? ' (basis points)' : '';
  const words = key
    .replace(/(Cents|Bp)$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1) + unit;
}

/** the original arguments with the corrected fields, each kept to its original type */
export function retryArguments(
  args: unknown,
  corrected: Readonly<Record<string, string>>,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const original = args as Record<string, unknown>;
  const value: Record<string, unknown> = { ...original };
  for (const [key, text] of Object.entries(corrected)) {
    if (typeof original[key] === 'number') {
      const number = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(number))
        return { ok: false, message: `${fieldLabel(key)}: enter a number` };
      value[key] = number;
    } else if (typeof original[key] === 'string') {
      value[key] = text;
    }
  }
  return { ok: true, value };
}

/** the mutations that may be made again over a conflict, saying why (args.override.reason) */
const overridable = new Set(['request.convertToEvent']);

export function mayOverride(item: { name: string; code: string }): boolean {
  return overridable.has(item.name) && item.code === 'rule';
}

/** a refused confirmation's arguments sent again over the conflict, with the manager's reason */
export function overrideArguments(
  args: unknown,
  reason: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const why = reason.trim();
  if (why === '') return { ok: false, message: 'Say why the date is confirmed anyway' };
  return { ok: true, value: { ...(args as Record<string, unknown>), override: { reason: why } } };
}
