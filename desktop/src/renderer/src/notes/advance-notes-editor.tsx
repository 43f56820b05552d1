// Advance notes: a textarea bound to the document's Y.Text. Typing splices the text; someone
// else's edit updates the value and keeps the caret where the writer left it.
import { useEffect, useId, useRef, useState } from 'react';
import * as Y from 'yjs';
import { ADVANCE_NOTES_TEXT } from '@promoteros/shared/notes';
import { inputClass } from '../ui/controls.js';
import { shiftCaret, spliceText } from './text-binding.js';

export function AdvanceNotesEditor({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const id = useId();
  const text = doc.getText(ADVANCE_NOTES_TEXT);
  const [value, setValue] = useState(() => text.toString());
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setValue(text.toString());
    const observe = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const next = text.toString();
      const element = area.current;
      if (!transaction.local && element && document.activeElement === element) {
        const delta = event.delta as Parameters<typeof shiftCaret>[1];
        const start = shiftCaret(element.selectionStart, delta);
        const end = shiftCaret(element.selectionEnd, delta);
        // the value must be in the element before the caret can be placed in it
        element.value = next;
        element.setSelectionRange(start, end);
      }
      setValue(next);
    };
    text.observe(observe);
    return () => text.unobserve(observe);
  }, [text]);

  return (
    <div>
      <label htmlFor={id} className="sr-only">
        Advance notes
      </label>
      <textarea
        id={id}
        ref={area}
        className={`${inputClass} min-h-40 font-[inherit] leading-relaxed`}
        value={value}
        readOnly={readOnly}
        placeholder="Parking, load-in, hospitality, settlement contacts…"
        onChange={(change) => {
          setValue(change.target.value);
          spliceText(text, change.target.value);
        }}
      />
    </div>
  );
}
