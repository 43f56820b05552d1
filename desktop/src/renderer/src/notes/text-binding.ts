// A plain textarea bound to a Y.Text without a rich-text library: a local edit becomes the one
// delete + insert between the common prefix and suffix of the old and new value, and a remote
// edit moves the caret by what was inserted or deleted before it.
import type * as Y from 'yjs';

/** make `text` read `next` with the smallest single splice; returns whether anything changed */
export function spliceText(text: Y.Text, next: string): boolean {
  const previous = text.toString();
  if (previous === next) return false;
  let start = 0;
  const shorter = Math.min(previous.length, next.length);
  while (start < shorter && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    previous.charCodeAt(previous.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  text.doc!.transact(() => {
    const removed = previous.length - start - end;
    if (removed > 0) text.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted) text.insert(start, inserted);
  });
  return true;
}

type Delta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/** where a caret at `position` is after someone else's change `delta` */
export function shiftCaret(position: number, delta: Delta): number {
  let index = 0;
  let caret = position;
  for (const op of delta) {
    if (index > caret) break;
    if (op.retain) index += op.retain;
    else if (typeof op.insert === 'string') {
      if (index <= caret) caret += op.insert.length;
      index += op.insert.length;
    } else if (op.delete) {
      caret -= Math.min(op.delete, caret - index);
    }
  }
  return caret;
}
