// Settings → audit log, for OWNERs: "Verify audit log" asks the relay to walk the organization's
// audit chain (relay/src/audit) and shows what it found: intact, with how many entries and the
// last anchor the relay wrote down, or the first entry that was changed, removed or moved, in
// words. Run on request only (a long log takes a while: every entry's hash is computed again).
import { useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { buttonClass, ErrorNote, Section, Spinner } from '../ui/controls.js';
import { useFormat } from '../format/use-format.js';

type Verification = CommandResult<'audit.verify'>;

function Outcome({ result }: { result: Verification }) {
  const f = useFormat();
  const when = (iso: string) => f.clockDateTime(iso);
  const entries = (n: number) => f.countOf(n, { one: 'entry', other: 'entries' });
  if (result.intact) {
    return (
      <div className="text-sm">
        <p className="font-medium text-emerald-700 dark:text-emerald-400">
          Intact: {entries(result.entries)}, none changed, missing or out of order.
        </p>
        <p className="text-zinc-600 dark:text-zinc-300">
          {result.lastAnchor?.anchoredAt
            ? `Last anchor: entry ${f.count(result.lastAnchor.position)}, ${when(result.lastAnchor.anchoredAt)}.`
            : 'Not anchored yet: the relay writes the chain’s head down every hour.'}
        </p>
        {result.head && (
          <p className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400" title={result.head.hash}>
            Head {result.head.position}:{result.head.hash}
          </p>
        )}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Checked {when(result.checkedAt)}.</p>
      </div>
    );
  }
  return (
    <div className="text-sm">
      <p className="font-medium text-red-700 dark:text-red-400">Broken: the log was tampered with.</p>
      <p className="text-red-700 dark:text-red-400">{result.problem?.message}</p>
      <p className="text-zinc-600 dark:text-zinc-300">
        {result.entries === 0
          ? 'No entry before it could be verified.'
          : result.entries === 1
            ? 'The entry before it is intact.'
            : `The ${entries(result.entries)} before it are intact.`}{' '}
        Keep this report, and ask whoever runs your relay’s database what happened.
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Checked {when(result.checkedAt)}.</p>
    </div>
  );
}

export function AuditVerificationPanel() {
  const bridge = useBridge();
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<CommandError>();
  const [checking, setChecking] = useState(false);

  async function verify() {
    setChecking(true);
    setError(undefined);
    const outcome = await bridge.invoke('audit.verify', {});
    setChecking(false);
    if (outcome.ok) setResult(outcome.value);
    else setError(outcome.error);
  }

  return (
    <Section
      title="Audit log"
      aside={
        <button type="button" className={buttonClass} disabled={checking} onClick={() => void verify()}>
          {checking ? 'Verifying…' : 'Verify audit log'}
        </button>
      }
    >
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
        Every change is recorded in a chain of entries, each sealed with the one before it. Verifying recomputes every
        seal, so an entry changed, removed or moved afterwards shows.
      </p>
      {error && <ErrorNote error={error} />}
      <div role="status" aria-live="polite">
        {checking ? <Spinner label="The relay is checking every entry…" /> : result && <Outcome result={result} />}
      </div>
    </Section>
  );
}
