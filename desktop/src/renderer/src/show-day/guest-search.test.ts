import { describe, expect, it } from 'vitest';
import { findGuests, fold, GuestIndexer, indexGuests, type GuestEntry } from './guest-search.js';

const entry = (id: string, guestName: string, guestListId = 'artist', note: string | null = null): GuestEntry => ({
  id,
  guestListId,
  guestName,
  admitCount: 1,
  note,
  addedBy: null,
  admitted: 0,
  flagged: false,
  checkIns: [],
});

// the core sends entries by name; the index keeps that order
const entries = [
  entry('1', 'Ada Lovelace'),
  entry('2', 'Bea Adams', 'comps'),
  entry('3', 'Chloé Durand', 'artist', 'photo pass'),
  entry('4', 'Zoë Adair', 'media'),
];
const index = indexGuests(
  entries,
  new Map([
    ['artist', 'Amber Fields guests'],
    ['comps', 'Comps'],
    ['media', 'Press'],
  ]),
);
const names = (query: string, limit = 10) => findGuests(index, query, limit).entries.map((e) => e.guestName);

describe('findGuests', () => {
  it('should fold case and accents so any keyboard finds any spelling', () => {
    expect(fold('Zoë CHLOÉ')).toBe('zoe chloe');
    expect(names('zoe')).toEqual(['Zoë Adair']);
    expect(names('CHLOE')).toEqual(['Chloé Durand']);
  });

  it('should put names that start with the words typed first, then a word of the name, then the rest', () => {
    // "ad": Ada starts with it, Adams and Adair have a word starting with it, none elsewhere
    expect(names('ad')).toEqual(['Ada Lovelace', 'Bea Adams', 'Zoë Adair']);
  });

  it('should need every word typed, in the name, the list or the note', () => {
    expect(names('ad press')).toEqual(['Zoë Adair']);
    expect(names('photo')).toEqual(['Chloé Durand']);
    expect(names('ada nobody')).toEqual([]);
  });

  it('should show at most the limit but count every match', () => {
    const found = findGuests(index, 'a', 2);
    expect(found.entries).toHaveLength(2);
    expect(found.total).toBe(4);
    expect(findGuests(index, '  ', 3)).toMatchObject({ total: 4 });
  });
});

describe('GuestIndexer', () => {
  it('should fold an entry again when its name changes, and forget removed entries', () => {
    const indexer = new GuestIndexer();
    const lists = new Map([['artist', 'Artist']]);
    indexer.index([entry('1', 'Ada'), entry('2', 'Bea')], lists);
    const renamed = indexer.index([entry('1', 'Chloé')], lists);
    expect(renamed.map((guest) => guest.name)).toEqual(['chloe']);
    expect(findGuests(renamed, 'ada', 5).total).toBe(0);
    expect(findGuests(renamed, 'chloe', 5).total).toBe(1);
  });
});
