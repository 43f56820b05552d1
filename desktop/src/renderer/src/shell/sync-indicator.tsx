// Always visible: is this window live with the relay, catching up (with progress), or working
// from the local replica while offline, and since when.
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../common/command-map.js';
import { formatRelative } from '../format/venue-time.js';

type SyncStatus = EventPayload<'sync.status'>;

const clock = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** The words the indicator shows, and a longer line for its tooltip. */
export function describeSync(status: SyncStatus | undefined, now: Date): { tone: Tone; label: string; detail: string } {
  const last = status?.lastSyncedAt ? `Last synced ${clock(status.lastSyncedAt)}` : 'Not synced yet';
  const pending = status?.pendingChanges ? ` · ${status.pendingChanges} changes waiting to upload` : '';
  switch (status?.phase) {
    case 'live':
      return { tone: 'live', label: 'Live', detail: `Up to date with the relay. ${last}${pending}` };
    case 'initial-sync': {
      const received = (status.rowsReceived ?? 0).toLocaleString();
      const total = status.rowsTotal ? ` / ${status.rowsTotal.toLocaleString()}` : '';
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
        ? `Offline since ${clock(status.offlineSince)} (${formatRelative(status.offlineSince, now)})`
        : 'Offline';
      return { tone: 'offline', label: since, detail: `Working from this computer’s copy. ${last}${pending}` };
    }
    case 'error':
      return { tone: 'error', label: 'Sync stopped', detail: status.reason ?? 'Sync stopped' };
    default:
      return { tone: 'idle', label: 'Not syncing', detail: status?.reason ?? last };
  }
}

type Tone = 'live' | 'busy' | 'offline' | 'error' | 'idle';
const dot: Record<Tone, string> = {
  live: 'bg-emerald-500',
  busy: 'bg-sky-500 animate-pulse',
  offline: 'bg-amber-500',
  error: 'bg-red-500',
  idle: 'bg-zinc-400',
};

export function SyncIndicator({ status }: { status: SyncStatus | undefined }) {
  // relative times ("5 minutes ago") age while nothing else changes
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const { tone, label, detail } = describeSync(status, now);
  const progress =
    status?.phase === 'initial-sync' && status.rowsTotal
      ? Math.min(1, (status.rowsReceived ?? 0) / status.rowsTotal)
      : undefined;
  return (
    <div
      role="status"
      aria-live="polite"
      data-sync-phase={status?.phase ?? 'unknown'}
      title={detail}
      className="flex items-center gap-2 rounded-md px-2 py-1 text-xs text-zinc-600 dark:text-zinc-300"
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${dot[tone]}`} />
      <span className="whitespace-nowrap">{label}</span>
      {progress !== undefined && (
        <span aria-hidden className="h-1 w-16 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700">
          <span className="block h-full bg-sky-500" style={{ width: `${Math.round(progress * 100)}%` }} />
        </span>
      )}
      {tone !== 'busy' && status?.lastSyncedAt && (
        <span className="hidden whitespace-nowrap text-zinc-400 lg:inline dark:text-zinc-500">
          · synced {clock(status.lastSyncedAt)}
        </span>
      )}
    </div>
  );
}
