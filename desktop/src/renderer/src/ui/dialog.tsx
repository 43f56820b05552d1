// A modal dialog on the native <dialog>: the browser keeps focus inside it, makes the page behind
// inert and closes it on Escape. Focus goes back to what had it when the dialog opened.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { buttonClass, ErrorNote, primaryButtonClass } from './controls.js';

export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement;
    element.showModal();
    // Escape: let the owner decide (it unmounts the dialog)
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    element.addEventListener('cancel', onCancel);
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      // a click on the backdrop lands on the dialog element itself
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
      className={`m-auto w-full ${wide ? 'max-w-2xl' : 'max-w-md'} rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      <div className="p-5">
        <h2 id={titleId} className="mb-3 text-base font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

/** The end of a form in a dialog: what was refused, then Cancel and the submit button. */
export function DialogFormEnd({
  error,
  submitLabel,
  submitDisabled = false,
  onCancel,
}: {
  error: CommandError | string | undefined;
  submitLabel: string;
  submitDisabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <ErrorNote error={error} />
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={primaryButtonClass} disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
