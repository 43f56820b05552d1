import { describe, expect, it } from 'vitest';
import { notesBesidesRunOfShow, runOfShowFromNotes } from './run-of-show.js';

const notes = [
  'Parking behind the venue.',
  '19:00 Doors',
  '17:30 – Soundcheck',
  '9.05 Breakfast',
  '21:15: Headliner',
  'Bring the banner.',
].join('\n');

describe('runOfShowFromNotes', () => {
  it('should take the timed lines of the notes, in running order', () => {
    expect(runOfShowFromNotes(notes)).toEqual([
      { at: '09:05', item: 'Breakfast' },
      { at: '17:30', item: 'Soundcheck' },
      { at: '19:00', item: 'Doors' },
      { at: '21:15', item: 'Headliner' },
    ]);
  });

  it('should give no rows for no notes', () => {
    expect(runOfShowFromNotes(null)).toEqual([]);
    expect(runOfShowFromNotes('Just words.\n25:00 not a time')).toEqual([]);
  });
});

describe('notesBesidesRunOfShow', () => {
  it('should leave the notes without the timed lines', () => {
    expect(notesBesidesRunOfShow(notes)).toBe('Parking behind the venue.\nBring the banner.');
  });
});
