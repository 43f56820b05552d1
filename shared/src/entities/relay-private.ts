// Tables only the relay reads, never served as shapes (shared/migrations/0004_relay_private.sql).
import { z } from 'zod';
import { int, int8, jsonObject, text, timestamp, uuid } from './fields.js';

export const SignInTokenRow = z.object({
  id: uuid,
  email: z.string('must be text'),
  user_id: uuid.nullable(),
  code_hash: z.string('must be text'),
  link_token_hash: z.string('must be text'),
  failed_attempts: int({ min: 0 }),
  expires_at: timestamp,
  consumed_at: timestamp.nullable(),
  request_ip: z.string('must be text').nullable(),
  created_at: timestamp,
});
export type SignInTokenRow = z.output<typeof SignInTokenRow>;

export const SessionRow = z.object({
  id: uuid,
  user_id: uuid,
  token_hash: z.string('must be text'),
  device_name: text({ max: 200 }),
  /** the device's operating system as the app named it at sign-in (0029) */
  platform: text({ max: 50 }).nullable(),
  created_at: timestamp,
  last_seen_at: timestamp,
  expires_at: timestamp,
  revoked_at: timestamp.nullable(),
});
export type SessionRow = z.output<typeof SessionRow>;

export const mutationOutcomes = ['APPLIED', 'REFUSED'] as const;
export const MutationOutcome = z.enum(mutationOutcomes);
export type MutationOutcome = z.infer<typeof MutationOutcome>;

export const MutationLedgerRow = z.object({
  /** the client-generated mutation id */
  id: uuid,
  organization_id: uuid.nullable(),
  user_id: uuid.nullable(),
  session_id: uuid.nullable(),
  name: z.string('must be text'),
  args: z.json(),
  outcome: MutationOutcome,
  result: jsonObject,
  // a transaction id, kept exact as a decimal string
  txid: int8.nullable(),
  created_at: timestamp,
});
export type MutationLedgerRow = z.output<typeof MutationLedgerRow>;

export const jobStatuses = ['QUEUED', 'RUNNING', 'DONE', 'DEAD'] as const;
export const JobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobRow = z.object({
  // bigserial, kept exact as a decimal string
  id: int8,
  organization_id: uuid.nullable(),
  kind: z.string('must be text'),
  payload: jsonObject,
  status: JobStatus,
  attempts: int({ min: 0 }),
  // every claim by a worker, never given back (migration 0015)
  claims: int({ min: 0 }),
  max_attempts: int({ min: 0 }),
  run_at: timestamp,
  locked_at: timestamp.nullable(),
  locked_by: z.string('must be text').nullable(),
  last_error: z.string('must be text').nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type JobRow = z.output<typeof JobRow>;
