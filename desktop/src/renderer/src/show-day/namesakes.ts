// One name twice on one list. Usually the same guest put down twice: the artist's manager and the
// tour manager each adding them, a "+1" typed as a second entry instead of a bigger party, or two
// door laptops adding the walk-in offline. Sometimes two people who share a name. A box office
// wants to see it and decide, not be stopped, so adding warns (with the entry already there and
// the choice to grow its party instead) and the door marks every entry whose name is on its list
// more than once. Checked against the replica, so it works offline; entries that met only when
// two devices synced are marked the same way once both are in the replica.
import { fold } from './guest-search.js';

interface Named {
  readonly id: string;
  readonly guestListId: string;
  readonly guestName: string;
}

/**
 * How a name is compared: accents, case and spacing ignored, and a trailing party size
 * ("Ada Lovelace +1", "Ada Lovelace (+2)") left off, since the party is the entry's admit count.
 */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/\(?\s*\+\s*\d+\s*\)?\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** the entries of `guestListId` with the same name, leaving out `exceptId` (the entry being edited) */
export function namesakesOn<T extends Named>(
  entries: readonly T[],
  guestListId: string,
  guestName: string,
  exceptId?: string,
): T[] {
  const key = nameKey(guestName);
  if (key === '') return [];
  return entries.filter(
    (entry) => entry.guestListId === guestListId && entry.id !== exceptId && nameKey(entry.guestName) === key,
  );
}

export interface ListedMoreThanOnce {
  /** entry id → how many entries of its list carry its name, for the entries listed more than once */
  readonly entries: ReadonlyMap<string, number>;
  /** list id → how many of its names are on it more than once */
  readonly namesByList: ReadonlyMap<string, number>;
}

export function listedMoreThanOnce(entries: readonly Named[]): ListedMoreThanOnce {
  const byName = new Map<string, Named[]>();
  for (const entry of entries) {
    const key = `${entry.guestListId}\u0000${nameKey(entry.guestName)}`;
    const same = byName.get(key);
    if (same) same.push(entry);
    else byName.set(key, [entry]);
  }
  const counts = new Map<string, number>();
  const namesByList = new Map<string, number>();
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    for (const entry of same) counts.set(entry.id, same.length);
    const list = same[0]!.guestListId;
    namesByList.set(list, (namesByList.get(list) ?? 0) + 1);
  }
  return { entries: counts, namesByList };
}
