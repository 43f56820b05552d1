// The core's SyncStatus (Dates, progress object, skipped tables) as the command map carries it.
import type { SignalPayload } from '../../common/command-map.js';
import type { SyncStatus as CoreSyncStatus } from '../sync/sync-status.js';

export type SyncStatusView = SignalPayload<'sync.status'>;

export function syncStatusView(status: CoreSyncStatus): SyncStatusView {
  return {
    phase: status.phase,
    ...(status.progress ? { rowsReceived: status.progress.rowsReceived } : {}),
    ...(status.progress?.rowsTotal !== undefined ? { rowsTotal: status.progress.rowsTotal } : {}),
    ...(status.offlineSince ? { offlineSince: status.offlineSince.toISOString() } : {}),
    ...(status.lastSyncedAt ? { lastSyncedAt: status.lastSyncedAt.toISOString() } : {}),
    ...(status.reason ? { reason: status.reason } : {}),
  };
}
