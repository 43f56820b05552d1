// Finding a guest at the door while they stand there: the whole list is held in memory and
// filtered per keystroke (a 2,500-name list answers in well under a millisecond), so the search
// never waits on the core. Accents and case are ignored ("zoe" finds "Zoë"); every word typed
// must appear in the guest's name, list or note, and names that start with what was typed come
// first.
import type { CommandResult } from '../../../common/command-map.js';

export type GuestEntry = CommandResult<'guestList.get'>['entries'][number];

export interface IndexedGuest {
  readonly entry: GuestEntry;
  /** the name, folded */
  readonly name: string;
  /** name, list and note, folded: what a word may match */
  readonly text: string;
}

/** lower case without accents, so a door person's keyboard finds any spelling */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Builds the searchable list from the core's answer. The answer comes again after every
 * check-in (each one re-reads the guest list), and folding 2,500 names each time costs a busy
 * laptop several milliseconds on the key press's thread; so the folded text of each entry is kept
 * and reused while its name, note and list stay the same.
 */
export class GuestIndexer {
  private readonly folded = new Map<
    string,
    { readonly source: string; readonly name: string; readonly text: string }
  >();

  index(entries: readonly GuestEntry[], listNames: ReadonlyMap<string, string>): IndexedGuest[] {
    const seen = new Set<string>();
    const indexed = entries.map((entry) => {
      seen.add(entry.id);
      const list = listNames.get(entry.guestListId) ?? '';
      const source = `${entry.guestName}\u0000${list}\u0000${entry.note ?? ''}`;
      let known = this.folded.get(entry.id);
      if (known?.source !== source) {
        const name = fold(entry.guestName);
        known = { source, name, text: `${name} ${fold(list)} ${fold(entry.note ?? '')}` };
        this.folded.set(entry.id, known);
      }
      return { entry, name: known.name, text: known.text };
    });
    // entries removed from the list are forgotten
    if (this.folded.size > seen.size) for (const id of this.folded.keys()) if (!seen.has(id)) this.folded.delete(id);
    return indexed;
  }
}

export function indexGuests(entries: readonly GuestEntry[], listNames: ReadonlyMap<string, string>): IndexedGuest[] {
  return new GuestIndexer().index(entries, listNames);
}

/** how well a guest matches: 0 name starts with it, 1 a word of the name does, 2 anywhere */
function rank(guest: IndexedGuest, words: readonly string[]): number {
  const first = words[0]!;
  if (guest.name.startsWith(first)) return 0;
  if (guest.name.includes(` ${first}`)) return 1;
  return 2;
}

export interface FoundGuests {
  /** the best matches, at most the limit asked for */
  readonly entries: GuestEntry[];
  /** how many guests match in all */
  readonly total: number;
}

/** the guests matching every word, best first, then by name (the index's order) */
export function findGuests(index: readonly IndexedGuest[], query: string, limit: number): FoundGuests {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return { entries: index.slice(0, limit).map((guest) => guest.entry), total: index.length };
  const buckets: GuestEntry[][] = [[], [], []];
  let total = 0;
  for (const guest of index) {
    if (!words.every((word) => guest.text.includes(word))) continue;
    total++;
    const bucket = buckets[rank(guest, words)]!;
    if (bucket.length < limit) bucket.push(guest.entry);
  }
  return { entries: buckets.flat().slice(0, limit), total };
}
