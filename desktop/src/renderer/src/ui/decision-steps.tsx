// A request's decisions as a list, oldest first: the move, who made it and why, at the venue's
// time. Shown on the request and again on the event it became.
import type { CommandResult } from '../../../common/command-map.js';
import { StatusBadge } from './controls.js';
import { useFormat } from '../format/use-format.js';

type DecisionStep = CommandResult<'requests.get'>['history'][number];

export function DecisionSteps({
  steps,
  zone,
  label,
}: {
  steps: readonly DecisionStep[];
  /** the venue's timezone */
  zone: string;
  label?: string;
}) {
  const f = useFormat();
  return (
    <ol aria-label={label} className="space-y-2">
      {steps.map((step, index) => (
        <li key={index} className="grid grid-cols-[12rem_1fr] gap-3 text-sm">
          <time dateTime={step.at} className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            {f.dateTime(step.at, zone)}
          </time>
          <div>
            <span className="inline-flex items-center gap-1.5">
              {step.fromStatus && (
                <>
                  <StatusBadge status={step.fromStatus} />
                  <span aria-label="to">→</span>
                </>
              )}
              <StatusBadge status={step.toStatus} />
            </span>
            {step.actor && <span className="ml-2 text-xs text-zinc-500">by {step.actor}</span>}
            {step.note && <p className="mt-0.5 text-zinc-600 dark:text-zinc-300">{step.note}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
