import { describe, expect, it } from 'vitest';
import { listedMoreThanOnce, nameKey, namesakesOn } from './namesakes.js';

const entry = (id: string, guestName: string, guestListId = 'band') => ({ id, guestName, guestListId });

describe('one name twice on one list', () => {
  it('should compare names without case, accents, spacing or a trailing party size', () => {
    expect(nameKey('  Zoë   ADAIR ')).toBe('zoe adair');
    expect(nameKey('Ada Lovelace +1')).toBe('ada lovelace');
    expect(nameKey('Ada Lovelace (+2)')).toBe('ada lovelace');
    expect(nameKey('Ada Lovelace+1')).toBe('ada lovelace');
    // a number that is part of the name stays
    expect(nameKey('Room 101')).toBe('room 101');
  });

  it('should find the namesakes on the same list only, leaving out the entry being edited', () => {
    const entries = [entry('1', 'Ada Lovelace'), entry('2', 'ada lovelace +1'), entry('3', 'Ada Lovelace', 'press')];
    expect(namesakesOn(entries, 'band', 'ADA LOVELACE').map((e) => e.id)).toEqual(['1', '2']);
    expect(namesakesOn(entries, 'band', 'Ada Lovelace', '1').map((e) => e.id)).toEqual(['2']);
    expect(namesakesOn(entries, 'press', 'Ada Lovelace').map((e) => e.id)).toEqual(['3']);
    expect(namesakesOn(entries, 'band', 'Bea Hollow')).toEqual([]);
    expect(namesakesOn(entries, 'band', '  ')).toEqual([]);
  });

  it('should mark every entry whose name is on its list more than once, with how many times', () => {
    const entries = [
      entry('1', 'Ada Lovelace'),
      entry('2', 'Ada Lovelace'),
      entry('3', 'Ada Lovelace', 'press'),
      entry('4', 'Bea Hollow'),
      entry('5', 'bea hollow'),
      entry('6', 'Bea Hollow +2'),
      entry('7', 'Cy Twombly'),
    ];
    const twice = listedMoreThanOnce(entries);
    expect(twice.entries).toEqual(
      new Map([
        ['1', 2],
        ['2', 2],
        ['4', 3],
        ['5', 3],
        ['6', 3],
      ]),
    );
    expect(twice.namesByList).toEqual(new Map([['band', 2]]));
  });
});
