// The desktop core: everything that is not window chrome, runnable under plain Node.
export { openReplica, type Replica, type ReplicaChange, type OpenReplicaOptions } from './replica/open-replica.js';
export { startSync, type StartSyncOptions, type SyncSession } from './sync/start-sync.js';
export type { SyncStatus, SyncPhase } from './sync/sync-status.js';
export { startDesktopApp, type DesktopApp, type DesktopAppOptions } from './app/desktop-app.js';
export { createDispatch, type CommandHandlers, type Dispatch } from './app/dispatch.js';
export { MemoryCredentialStore, type CredentialStore } from './app/credential-store.js';
export { CommandFailure } from './app/command-failure.js';
export { Outbox, EditRefused, type OutboxOptions, type OutboxCounts, type NeedsAttention } from './outbox/index.js';
