import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftCaret, spliceText } from './text-binding.js';

const textOf = (value: string) => {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  text.insert(0, value);
  return text;
};

describe('textarea ↔ Y.Text binding', () => {
  it('should turn a typed change into one splice that merges with a concurrent edit elsewhere', () => {
    const here = textOf('Doors 19:30. Curfew 23:00.');
    const there = new Y.Doc();
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here.doc!));
    const updates: Uint8Array[] = [];
    here.doc!.on('update', (update: Uint8Array) => updates.push(update));
    expect(spliceText(here, 'Doors 19:15. Curfew 23:00.')).toBe(true);
    expect(updates).toHaveLength(1);
    there.getText('text').insert(0, 'Sold out. ');
    Y.applyUpdate(there, updates[0]!);
    Y.applyUpdate(here.doc!, Y.encodeStateAsUpdate(there));
    expect(here.toString()).toBe('Sold out. Doors 19:15. Curfew 23:00.');
    expect(there.getText('text').toString()).toBe(here.toString());
  });

  it('should change nothing when the value is the same', () => {
    expect(spliceText(textOf('same'), 'same')).toBe(false);
  });

  it('should handle repeated letters at the edges of the change', () => {
    const text = textOf('aaa');
    spliceText(text, 'aaaa');
    expect(text.toString()).toBe('aaaa');
    spliceText(text, 'a');
    expect(text.toString()).toBe('a');
  });

  it('should move the caret by what a remote edit inserted or deleted before it, and not by what came after', () => {
    expect(shiftCaret(5, [{ insert: 'abc' }])).toBe(8);
    expect(shiftCaret(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
    expect(shiftCaret(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    // a deletion around the caret leaves it where the deleted run began
    expect(shiftCaret(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
  });
});
