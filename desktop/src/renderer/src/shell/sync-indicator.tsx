// Always visible: is this window live with the relay, catching up (with progress), or working
// from the local replica while offline, and since when; how many edits made here are still on
// their way to the relay, and how many the relay refused (a button that opens the list).
import type { Formats } from '@promoteros/shared/format';
import type { EventPayload } from '../../../common/command-map.js';
import { useFormat, useNow } from '../format/use-format.js';
import { RelativeTime } from '../ui/relative-time.js';

type SyncStatus = EventPayload<'sync.status'>;
type OutboxCounts = EventPayload<'outbox.changed'>;

/** The words the indicator shows, and a longer line for its tooltip. */
export function describeSync(
  status: SyncStatus | undefined,
  now: Date,
  f: Formats,
): { tone: Tone; label: string; detail: string } {
  const last = status?.lastSyncedAt ? `Last synced ${f.exact(status.lastSyncedAt)}` : 'Not synced yet';
  const pending = status?.pendingChanges ? ` · ${pendingLabel(status.pendingChanges, f)}` : '';
  switch (status?.phase) {
    case 'live':
      return { tone: 'live', label: 'Live', detail: `Up to date with the relay. ${last}${pending}` };
    case 'initial-sync': {
      const received = f.count(status.rowsReceived ?? 0);
      const total = status.rowsTotal ? ` / ${f.count(status.rowsTotal)}` : '';
      return {
        tone: 'busy',
        label: `Syncing ${received}${total} rows`,
        detail: `Downloading your organization. ${last}`,
      };
    }
    case 'connecting':
      return { tone: 'busy', label: 'Connecting…', detail: last };
    case 'offline': {
      const since = status.offlineSince
        ? `Offline since ${f.clock(status.offlineSince)} (${f.relative(status.offlineSince, now)})`
        : 'Offline';
      return { tone: 'offline', label: since, detail: `Working from this computer’s copy. ${last}${pending}` };
    }
    case 'error':
      return { tone: 'error', label: 'Sync stopped', detail: status.reason ?? 'Sync stopped' };
    default:
      return { tone: 'idle', label: 'Not syncing', detail: status?.reason ?? last };
  }
}

/** "1 edit waiting to upload", "1,200 edits waiting to upload" */
export function pendingLabel(count: number, f: Formats): string {
  return `${f.countOf(count, { one: 'edit', other: 'edits' })} waiting to upload`;
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
  const { tone, label, detail } = describeSync(status, now, f);
  const pending = outbox?.pending ?? status?.pendingChanges ?? 0;
  const refused = outbox?.refused ?? 0;
  const progress =
    status?.phase === 'initial-sync' && status.rowsTotal
      ? Math.min(1, (status.rowsReceived ?? 0) / status.rowsTotal)
      : undefined;
  return (
    <div className="flex items-center gap-1">
      <div
        role="status"
        aria-live="polite"
        data-sync-phase={status?.phase ?? 'unknown'}
        title={detail + (outbox?.uploadProblem ? `\nUploading: ${outbox.uploadProblem}` : '')}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-xs text-zinc-600 dark:text-zinc-300"
      >
        <span aria-hidden className={`size-2 shrink-0 rounded-full ${dot[tone]}`} />
        <span className="whitespace-nowrap">{label}</span>
        {progress !== undefined && (
          <span aria-hidden className="h-1 w-16 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700">
            <span className="block h-full bg-sky-500" style={{ width: `${Math.round(progress * 100)}%` }} />
          </span>
        )}
        {pending > 0 && (
          <span
            data-testid="pending-edits"
            className="font-medium whitespace-nowrap text-amber-700 dark:text-amber-400"
          >
            · {pendingLabel(pending, f)}
          </span>
        )}
      </div>
      {/* outside the live region: a clock that ages every half minute is not news to announce */}
      {tone !== 'busy' && status?.lastSyncedAt && (
        <span className="hidden text-xs whitespace-nowrap text-zinc-500 lg:inline dark:text-zinc-400">
          · <RelativeTime at={status.lastSyncedAt} prefix="synced" />
        </span>
      )}
      {refused > 0 && (
        <button
          type="button"
          onClick={onShowRefused}
          className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-red-800 hover:bg-red-200 dark:bg-red-950 dark:text-red-300 dark:hover:bg-red-900"
        >
          {refusedLabel(refused, f)}
        </button>
      )}
    </div>
  );
}
