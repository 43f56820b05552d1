// One field of the sign-in form: its label, the input, and the relay's complaint about it (from
// `invalid_arguments` details), tied to the input for a screen reader.
import type { ReactNode } from 'react';
import { ErrorNote } from '../ui/controls.js';

export function SignInField({
  id,
  label,
  error,
  children,
}: {
  /** the input's id; the complaint's is `${id}-error` */
  id: string;
  label: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <ErrorNote id={`${id}-error`} error={error} />
    </div>
  );
}

/** the input's side of the tie: its id, and the complaint when there is one */
export function described(id: string, error: string | undefined) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
}
