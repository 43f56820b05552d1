// The append-only record of decisions and sensitive reads (shared/migrations/0003_show.sql).
import { z } from 'zod';
import { jsonObject, timestamp, uuid } from './fields.js';

export const AuditLogRow = z.object({
  id: uuid,
  organization_id: uuid,
  actor_user_id: uuid.nullable(),
  action: z.string('must be text').min(1, 'must not be empty'),
  entity_table: z.string('must be text').min(1, 'must not be empty'),
  entity_id: uuid.nullable(),
  details: jsonObject,
  created_at: timestamp,
});
export type AuditLogRow = z.output<typeof AuditLogRow>;
