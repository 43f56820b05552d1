// Always visible: is this window live with the relay, catching up (with progress), or working
// from the local replica while offline, and since when; how many edits made here are still on
// their way to the relay, and how many the relay refused (a button that opens the list).
// It sits in the one-line header: going offline or queueing edits must not make the header wrap
// and the page jump, so on narrower windows it says the short form ("Offline · 2 to upload") and
// keeps the long one for wider windows, the tooltip and screen readers.
import type { Formats } from '@promoteros/shared/format';
import type { SignalPayload } from '../../../common/command-map.js';
import { useFormat, useNow } from '../format/use-format.js';
import { RelativeTime } from '../ui/relative-time.js';

type SyncStatus = SignalPayload<'sync.status'>;
type OutboxCounts = SignalPayload<'outbox.changed'>;

/** The words the indicator shows, and a longer line for its tooltip. */
export function describeSync(
  status: SyncStatus | undefined,
  now: Date,
  f: Formats,
): { tone: Tone; label: string; short: string; detail: string } {
  const last = status?.lastSyncedAt ? `Last synced ${f.exact(status.lastSyncedAt)}` : 'Not synced yet';
  const pending = status?.pendingChanges ? ` · ${pendingLabel(status.pendingChanges, f)}` : '';
  switch (status?.phase) {
    case 'live':
      return { tone: 'live', label: 'Live', short: 'Live', detail: `Up to date with the relay. ${last}${pending}` };
    case 'initial-sync': {
      const received = f.count(status.rowsReceived ?? 0);
      const total = status.rowsTotal ? ` / ${f.count(status.rowsTotal)}` : '';
      return {
        tone: 'busy',
        label: `Syncing ${received}${total} rows`,
        short: 'Syncing',
        detail: `Downloading your organization. ${last}`,
      };
    }
    case 'connecting':
      return { tone: 'busy', label: 'Connecting…', short: 'Connecting…', detail: last };
    case 'offline': {
      const since = status.offlineSince
        ? `Offline since ${f.clock(status.offlineSince)} (${f.relative(status.offlineSince, now)})`
        : 'Offline';
      return {
        tone: 'offline',
        label: since,
        short: 'Offline',
        detail: `${since}. Working from this computer’s copy. ${last}${pending}`,
      };
    }
    case 'error':
      return { tone: 'error', label: 'Sync stopped', short: 'Sync stopped', detail: status.reason ?? 'Sync stopped' };
    default:
      return { tone: 'idle', label: 'Not syncing', short: 'Not syncing', detail: status?.reason ?? last };
  }
}

/** "1 edit waiting to upload", "1,200 edits waiting to upload" */
export function pendingLabel(count: number, f: Formats): string {
  return `${f.countOf(count, { one: 'edit', other: 'edits' })} waiting to upload`;
}

/** "2 to upload": the pending count where the header is short of room */
export function pendingShortLabel(count: number, f: Formats): string {
  return `${f.count(count)} to upload`;
}

/** "1 needs attention", "2 need attention" */
export function refusedLabel(count: number, f: Formats): string {
  return `${f.count(count)} ${count === 1 ? 'needs' : 'need'} attention`;
}

type Tone = 'live' | 'busy' | 'offline' | 'error' | 'idle';
const dot: Record<Tone, string> = {
  live: 'bg-emerald-500',
  busy: 'bg-sky-500 animate-pulse',
  offline: 'bg-amber-500',
  error: 'bg-red-500',
  idle: 'bg-zinc-400',
};

export function SyncIndicator({
  status,
  outbox,
  onShowRefused,
}: {
  status: SyncStatus | undefined;
  outbox: OutboxCounts | undefined;
  onShowRefused: () => void;
}) {
  const f = useFormat();
  // relative times ("5 minutes ago") age while nothing else changes
  const now = useNow();
  const { tone, label, short, detail } = describeSync(status, now, f);
  const pending = outbox?.pending ?? status?.pendingChanges ?? 0;
  const refused = outbox?.refused ?? 0;
  const progress =
    status?.phase === 'initial-sync' && status.rowsTotal
      ? Math.min(1, (status.rowsReceived ?? 0) / status.rowsTotal)
      : undefined;
  // the long words from `wide` up, the short ones below it: one of the two is displayed (and
  // read out), never both, and neither wraps
  const wide = 'hidden truncate 2xl:inline';
  const narrow = 'truncate 2xl:hidden';
  return (
    <div className="flex min-w-0 items-center gap-1">
      <div
        role="status"
        aria-live="polite"
        data-sync-phase={status?.phase ?? 'unknown'}
        title={detail + (outbox?.uploadProblem ? `\nUploading: ${outbox.uploadProblem}` : '')}
        // the last resort of a window too narrow for even the short words: cut, never wrap
        className="flex min-w-0 items-center gap-2 overflow-hidden rounded-md px-2 py-1 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-300"
      >
        <span aria-hidden className={`size-2 shrink-0 rounded-full ${dot[tone]}`} />
        <span className={wide}>{label}</span>
        <span className={narrow}>{short}</span>
        {progress !== undefined && (
          <span aria-hidden className="h-1 w-16 shrink-0 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700">
            <span className="block h-full bg-sky-500" style={{ width: `${Math.round(progress * 100)}%` }} />
          </span>
        )}
        {pending > 0 && (
          <span data-testid="pending-edits" className="min-w-0 truncate font-medium text-amber-700 dark:text-amber-400">
            <span className={wide}>· {pendingLabel(pending, f)}</span>
            <span className={narrow}>· {pendingShortLabel(pending, f)}</span>
          </span>
        )}
      </div>
      {/* outside the live region: a clock that ages every half minute is not news to announce;
          from 1280 px, below which the header's room goes to the sync state and the edits waiting */}
      {tone !== 'busy' && status?.lastSyncedAt && (
        <span className="hidden shrink-0 text-xs whitespace-nowrap text-zinc-500 xl:inline dark:text-zinc-400">
          · <RelativeTime at={status.lastSyncedAt} prefix="synced" />
        </span>
      )}
      {refused > 0 && (
        <button
          type="button"
          onClick={onShowRefused}
          className="shrink-0 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-red-800 hover:bg-red-200 dark:bg-red-950 dark:text-red-300 dark:hover:bg-red-900"
        >
          {refusedLabel(refused, f)}
        </button>
      )}
    </div>
  );
}
