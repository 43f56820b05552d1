// The desktop core: everything that is not window chrome, runnable under plain Node.
export { openReplica, type Replica, type ReplicaChange, type OpenReplicaOptions } from './replica/open-replica.js';
export { startSync, type StartSyncOptions, type SyncSession } from './sync/start-sync.js';
export type { SyncStatus, SyncPhase } from './sync/sync-status.js';
