// What Settings shows: the organization's own settings and task templates (from the replica), and
// for its owners the audit log's verification and the deliveries the relay gave up on.
import { z } from 'zod';
import { DeliveryProblemStatus, Role } from '@promoteros/shared';
import type { CommandDeclarations } from './declaration.js';

export const TaskTemplate = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  defaultDueDays: z.number().int(),
  defaultRole: Role.nullable(),
  position: z.number().int(),
  active: z.boolean(),
});

/**
 * An email or job the relay did not get done, as its OWNERs see it (relay/src/notify): given up
 * (DEAD), waiting for another try after a failure (QUEUED, nextTryAt), or taken by the mail server
 * for some recipients and refused for others (PARTLY_SENT: the refused ones in lastError; shown
 * for a month, never retried, as that would repeat it to those who have it).
 */
export const DeliveryProblem = z.object({
  jobId: z.string(),
  /** the job kind, e.g. request.received, event.confirmed, document.render */
  kind: z.string(),
  status: DeliveryProblemStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** the mail server's or the job's last words */
  lastError: z.string().nullable(),
  failedAt: z.string(),
  nextTryAt: z.string().nullable(),
  email: z.object({ messageId: z.string(), recipients: z.array(z.string()), subject: z.string() }).nullable(),
});

/**
 * The relay's check of the organization's audit log, for its OWNERs (relay/src/audit): every entry's
 * hash computed again and the chain walked from its first entry; intact, or the first thing wrong
 * with it, in words (changed, missing, out of order, cut short after an anchor).
 */
export const AuditVerification = z.object({
  checkedAt: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  intact: z.boolean(),
  /** entries verified: all of them when intact, those before the problem otherwise */
  entries: z.number().int(),
  head: z.object({ position: z.number().int(), hash: z.string() }).nullable(),
  /** the chain head the relay last wrote down (hourly), so a removed tail shows */
  lastAnchor: z.object({ position: z.number().int(), hash: z.string(), anchoredAt: z.string().nullable() }).nullable(),
  problem: z
    .object({ kind: z.string(), position: z.number().int(), entryId: z.string().nullable(), message: z.string() })
    .nullable(),
});

export const settingsCommands = {
  /** the open organization's name and locale (how every screen writes dates, numbers and money) */
  'organization.get': {
    args: z.object({}),
    result: z.object({ id: z.string(), name: z.string(), locale: z.string() }),
    reads: ['organizations'],
  },
  'taskTemplates.list': { args: z.object({}), result: z.array(TaskTemplate), reads: ['task_templates'] },
  /** OWNERs only: the organization's emails and jobs the relay gave up on or is retrying */
  'deliveryProblems.list': { args: z.object({}), result: z.array(DeliveryProblem) },
  /** OWNERs only: try a delivery problem again now (a DEAD job gets its attempts back) */
  'deliveryProblems.retry': {
    args: z.object({ jobId: z.string().regex(/^[1-9]\d{0,17}$/, 'a job id is a positive whole number') }),
    result: z.object({ jobId: z.string() }),
  },
  /** OWNERs only: the relay verifies the organization's audit log (its hash chain) now */
  'audit.verify': { args: z.object({}), result: AuditVerification },
} as const satisfies CommandDeclarations;
