// The few building blocks every screen shares, so screens look alike and stay short.
import { statusLabel } from '@promoteros/shared/labels';
import { useId, type ReactNode } from 'react';
import type { CommandError } from '../../../common/command-map.js';

export const buttonClass =
  'inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium ' +
  'text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 ' +
  'dark:text-zinc-100 dark:hover:bg-zinc-800';

export const primaryButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold ' +
  'text-white shadow-xs hover:bg-indigo-500 disabled:opacity-50 dark:bg-indigo-500 dark:hover:bg-indigo-400';

export const dangerButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold ' +
  'text-white shadow-xs hover:bg-red-500 disabled:opacity-50 dark:bg-red-500 dark:hover:bg-red-400';

/** a quiet button inside dense rows and section headers */
export const linkButtonClass =
  'rounded px-1.5 py-0.5 text-xs font-medium text-indigo-600 hover:bg-indigo-50 disabled:opacity-50 ' +
  'dark:text-indigo-400 dark:hover:bg-indigo-950';

export const inputClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 ' +
  'placeholder:text-zinc-400 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 ' +
  'dark:text-zinc-100';

export const selectClass =
  'rounded-md border border-zinc-300 bg-white py-1 pr-7 pl-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';

/** A failed command, shown next to what failed. */
export function ErrorNote({ error, id }: { error: CommandError | string | undefined; id?: string }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-700 dark:text-red-400">
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}

/** A labelled form field with its own problem underneath (aria-invalid + aria-describedby). */
export function Field({
  label,
  problem,
  hint,
  className = '',
  children,
}: {
  label: string;
  problem?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(problem), 'aria-describedby': problem ? `${id}-problem` : undefined })}
      {problem ? (
        <p id={`${id}-problem`} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      ) : (
        hint && <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      )}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
      <span
        aria-hidden
        className="size-3.5 animate-spin rounded-full border-2 border-zinc-300 border-t-indigo-600 dark:border-zinc-700 dark:border-t-indigo-400"
      />
      {label}
    </span>
  );
}

const statusTone: Record<string, string> = {
  NEW: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
  REVIEW: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
  APPROVED: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  SCHEDULED: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300',
  CONFIRMED: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300',
  SETTLED: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  DECLINED: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  WITHDRAWN: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  CANCELLED: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  DRAFT: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide ${statusTone[status] ?? statusTone.DRAFT}`}
    >
      {statusLabel(status)}
    </span>
  );
}

export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex items-baseline justify-between border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 id={titleId} className="text-sm font-semibold">
          {title}
        </h2>
        {aside && <div className="text-xs text-zinc-500 dark:text-zinc-400">{aside}</div>}
      </header>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}
