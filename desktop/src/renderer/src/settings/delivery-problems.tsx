// Settings → delivery problems, for OWNERs: the emails and documents the relay gave up on (or is
// retrying after a failure), each with what it was for, to whom, and the mail server's words;
// Retry makes one due again. Emails refused for some of their recipients are listed too, without
// Retry (it would resend to everyone). The list lives on the relay (never synced), so it is read when the
// screen opens, after each Retry, on Refresh and every half minute while the screen is open.
import type { Formats } from '@promoteros/shared/format';
import { useCallback, useEffect, useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { buttonClass, ErrorNote, Section, Spinner } from '../ui/controls.js';
import { problemReason, problemTitle } from './delivery-wording.js';
import { useFormat } from '../format/use-format.js';

type Problem = CommandResult<'deliveryProblems.list'>[number];

const REFRESH_MS = 30_000;

/** Where a problem stands, and for one sent to only some of its recipients, what is left to do. */
function problemState(problem: Problem, f: Formats): string {
  const when = (iso: string) => f.clockDateTime(iso);
  switch (problem.status) {
    case 'DEAD':
      return `Given up after ${f.countOf(problem.attempts, { one: 'try', other: 'tries' })}, ${when(problem.failedAt)}`;
    case 'QUEUED':
      return `Failed ${when(problem.failedAt)}; next try ${problem.nextTryAt ? when(problem.nextTryAt) : 'soon'}`;
    case 'PARTLY_SENT':
      return `Delivered to the other recipients ${when(problem.failedAt)}. Correct the address, then tell them yourself: sending it again would repeat it to the others.`;
  }
}

export function DeliveryProblemsPanel() {
  const f = useFormat();
  const bridge = useBridge();
  const [problems, setProblems] = useState<Problem[]>();
  const [error, setError] = useState<CommandError>();
  const [retrying, setRetrying] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    const outcome = await bridge.invoke('deliveryProblems.list', {});
    if (outcome.ok) {
      setProblems(outcome.value);
      setError(undefined);
    } else setError(outcome.error);
  }, [bridge]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  async function retry(problem: Problem) {
    setRetrying(problem.jobId);
    setNotice(undefined);
    const outcome = await bridge.invoke('deliveryProblems.retry', { jobId: problem.jobId });
    setRetrying(undefined);
    if (outcome.ok) setNotice(`${problemTitle(problem.kind)} queued again: the relay tries it now.`);
    else setError(outcome.error);
    await load();
  }

  return (
    <Section
      title="Delivery problems"
      aside={
        <button type="button" className={buttonClass} onClick={() => void load()}>
          Refresh
        </button>
      }
    >
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
        Emails and documents the relay could not get out. Fix the cause (an address, the sender), then retry.
      </p>
      {error && <ErrorNote error={error} />}
      <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {notice}
      </p>
      {!problems && !error ? (
        <Spinner label="Asking the relay…" />
      ) : problems && problems.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No delivery problems: everything went out.</p>
      ) : (
        <ul aria-label="Delivery problems" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {problems?.map((problem) => (
            <li key={problem.jobId} className="flex items-start gap-3 py-3">
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium">
                  {problemTitle(problem.kind)}
                  {problem.email && (
                    <span className="font-normal text-zinc-600 dark:text-zinc-300">
                      {' '}
                      to {problem.email.recipients.join(', ')}
                    </span>
                  )}
                </p>
                {problem.email && (
                  <p className="truncate text-zinc-600 dark:text-zinc-300">“{problem.email.subject}”</p>
                )}
                <p className="text-red-700 dark:text-red-400">{problemReason(problem.lastError)}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{problemState(problem, f)}</p>
              </div>
              {problem.status !== 'PARTLY_SENT' && (
                <button
                  type="button"
                  className={buttonClass}
                  disabled={retrying === problem.jobId}
                  aria-label={`Retry: ${problemTitle(problem.kind)}${problem.email ? ` to ${problem.email.recipients.join(', ')}` : ''}`}
                  onClick={() => void retry(problem)}
                >
                  {retrying === problem.jobId ? 'Retrying…' : 'Retry'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
