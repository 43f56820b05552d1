// intake_submissions (shared/migrations/0006_intake.sql): one row per intake form token that
// filed a request, so a form sent twice (a double click, a reload after posting) files one. Read,
// never written: a request's id derives from its form token (relay/src/intake/file-request.ts),
// which does this job without a row. A form that has a row here is answered with that row's
// request for as long as the form is valid (24 h).
import { z } from 'zod';
import { timestamp, uuid } from '../entities/fields.js';

export const IntakeSubmissionRow = z.object({
  /** SHA-256 of the form token; the token itself is never stored */
  token_hash: z.string('must be text'),
  organization_id: uuid,
  request_id: uuid,
  created_at: timestamp,
});
export type IntakeSubmissionRow = z.output<typeof IntakeSubmissionRow>;
