// Who is signed in, to which relay, with which organization open, and how sync is doing.
import { z } from 'zod';
import { Role, storableText } from '@promoteros/shared';
import { Id } from './fields.js';
import type { CommandDeclarations } from './declaration.js';

export const OrganizationChoice = z.object({ id: z.string(), slug: z.string(), name: z.string(), role: Role });

/** an organization this device lost (the member was removed): why, and what was deleted unsent */
export const RemovalNotice = z.object({
  organizationId: z.string(),
  name: z.string(),
  reason: z.string(),
  /** the member's edits that never reached the relay, listed so they can copy what they need */
  unsentEdits: z.array(z.object({ name: z.string(), description: z.string(), args: z.unknown(), at: z.string() })),
});

export const SessionState = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('signed-out'),
    relayUrl: z.string(),
    reason: z.string().optional(),
    /** the sign-in form's email: the last one used on this device, else the one the shell suggests */
    email: z.string().optional(),
  }),
  z.object({
    state: z.literal('signed-in'),
    relayUrl: z.string(),
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
    organizations: z.array(OrganizationChoice),
    organizationId: z.string().nullable(),
    /** set while no organization is open because the member was removed from the one that was */
    removal: RemovalNotice.optional(),
  }),
]);

export const SyncStatus = z.object({
  phase: z.enum(['idle', 'connecting', 'initial-sync', 'live', 'offline', 'signed-out', 'error']),
  rowsReceived: z.number().int().optional(),
  rowsTotal: z.number().int().optional(),
  offlineSince: z.string().optional(),
  lastSyncedAt: z.string().optional(),
  reason: z.string().optional(),
  pendingChanges: z.number().int().optional(),
});

export const sessionCommands = {
  'session.get': { args: z.object({}), result: SessionState },
  'auth.requestCode': {
    args: z.object({ relayUrl: z.string().url(), email: z.string().email() }),
    result: z.object({ message: z.string() }),
  },
  'auth.verifyCode': {
    args: z.object({ email: z.string().email(), code: z.string().regex(/^\d{6}$/, 'the code has six digits') }),
    result: SessionState,
  },
  /** the token of a sign-in link (deep link or pasted) */
  'auth.verifyLink': {
    args: z.object({ token: z.string().check(storableText()).min(16).max(200) }),
    result: SessionState,
  },
  /**
   * With edits not yet uploaded or refused edits waiting, sign-out is refused (code
   * pending_changes) unless `discardPending` says the user was warned; the edits then stay in
   * the replica and upload at the member's next sign-in on this computer.
   */
  'auth.signOut': { args: z.object({ discardPending: z.boolean().default(false) }), result: SessionState },
  'organization.select': { args: z.object({ organizationId: Id }), result: SessionState },
  'sync.status': { args: z.object({}), result: SyncStatus },
} as const satisfies CommandDeclarations;
