// "synced 2 minutes ago", kept current, with the exact time behind it: the browser's tooltip on
// hover, a visible one on keyboard focus, and the description a screen reader reads.
import { useId } from 'react';
import { useFormat, useNow } from '../format/use-format.js';

export function RelativeTime({ at, prefix, className }: { at: string; prefix?: string; className?: string }) {
  const f = useFormat();
  const now = useNow();
  const id = useId();
  const exact = f.exact(at);
  return (
    <span className="group relative">
      <time
        dateTime={at}
        title={exact}
        tabIndex={0}
        aria-describedby={id}
        className={`rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${className ?? ''}`}
      >
        {prefix ? `${prefix} ` : ''}
        {f.relative(at, now)}
      </time>
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none absolute top-full right-0 z-50 mt-1 hidden rounded bg-zinc-900 px-2 py-1 text-xs whitespace-nowrap text-white group-focus-within:block dark:bg-zinc-100 dark:text-zinc-900"
      >
        {exact}
      </span>
    </span>
  );
}
