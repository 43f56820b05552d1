// Row schemas for every table, by area, and the column builders they are made of.
import type { z } from 'zod';
import { InvitationRow, MembershipRow, OrganizationRow, UserRow, VenueRow, VenueSlugRow } from './tenancy.js';
import { DecisionLogRow, EventRequestRow, EventRow, HoldRow } from './booking.js';
import { DealTermsRow, SettlementLineRow } from './deals.js';
import { EventTaskRow, TaskTemplateRow } from './tasks.js';
import { CheckInRow, GuestListEntryRow, GuestListRow } from './guest-lists.js';
import { DocumentRow } from './documents.js';
import { ConfirmationSendRow } from './confirmation-sends.js';
import { AuditLogRow } from './audit.js';
import { JobRow, MutationLedgerRow, SessionRow, SignInTokenRow } from './relay-private.js';
import { IntakeSubmissionRow } from '../intake/submission-row.js';

export * from './tenancy.js';
export * from './booking.js';
export * from './deals.js';
export * from './tasks.js';
export * from './guest-lists.js';
export * from './documents.js';
export * from './confirmation-sends.js';
export * from './audit.js';
export * from './relay-private.js';
export * from '../intake/submission-row.js';
export { instantOf } from './fields.js';
export * as columns from './fields.js';

/** The row schema of each table, by its name in the database. */
export const rowSchemas = {
  organizations: OrganizationRow,
  venues: VenueRow,
  venue_slugs: VenueSlugRow,
  users: UserRow,
  memberships: MembershipRow,
  invitations: InvitationRow,
  event_requests: EventRequestRow,
  decision_logs: DecisionLogRow,
  events: EventRow,
  holds: HoldRow,
  deal_terms: DealTermsRow,
  settlement_lines: SettlementLineRow,
  task_templates: TaskTemplateRow,
  event_tasks: EventTaskRow,
  guest_lists: GuestListRow,
  guest_list_entries: GuestListEntryRow,
  check_ins: CheckInRow,
  documents: DocumentRow,
  confirmation_sends: ConfirmationSendRow,
  audit_logs: AuditLogRow,
  sign_in_tokens: SignInTokenRow,
  sessions: SessionRow,
  mutation_ledger: MutationLedgerRow,
  jobs: JobRow,
  intake_submissions: IntakeSubmissionRow,
} as const satisfies Record<string, z.ZodObject>;

export type RowTable = keyof typeof rowSchemas;
export type RowOf<T extends RowTable> = z.output<(typeof rowSchemas)[T]>;
