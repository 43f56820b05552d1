// The demo as plain rows, table by table, before anything touches the database. Rows have the
// shape of the shared row schemas' output, so a plan can be checked against them directly.
import type { DocumentKind, Role, RowOf, RowTable } from '@promoteros/shared';
import type { NoteName } from '@promoteros/shared/notes';
import type { DemoOrganization, DemoVenue } from './cast.js';
import type { SeededRandom } from './random.js';

export type DemoPlan = { [T in DemoTable]: RowOf<T>[] } & {
  /** the shared notes, relay-private: Yjs state as the note rooms store it */
  note_documents: NoteDocumentRow[];
  /** documents the relay's job loop draws once the demo is in (a PDF is not drawn in the load) */
  document_renders: DocumentRender[];
};

export interface NoteDocumentRow {
  organization_id: string;
  event_id: string;
  name: NoteName;
  state: Uint8Array;
  updated_at: string;
}

export interface DocumentRender {
  readonly organizationId: string;
  readonly eventId: string;
  readonly kind: DocumentKind;
}

/** The tables the demo fills, parents before children. */
export const demoTables = [
  'organizations',
  'venues',
  'users',
  'memberships',
  'invitations',
  'task_templates',
  'event_requests',
  'decision_logs',
  'events',
  'holds',
  'deal_terms',
  'settlement_lines',
  'event_tasks',
  'guest_lists',
  'guest_list_entries',
  'check_ins',
  'audit_logs',
] as const satisfies readonly RowTable[];
export type DemoTable = (typeof demoTables)[number];

export interface PlanClock {
  readonly random: SeededRandom;
  /** the reference day, 'YYYY-MM-DD': shows before it are past, after it upcoming */
  readonly today: string;
  /** midnight UTC at the start of `today`; everything that already happened is before it */
  readonly anchor: number;
  /** the day of the show tonight at a venue: today on the venue's own calendar */
  readonly tonight: (timeZone: string) => string;
}

export interface PlannedMember {
  readonly userId: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string;
}

export interface PlannedOrganization {
  readonly id: string;
  readonly cast: DemoOrganization;
  readonly members: readonly PlannedMember[];
}

export interface PlannedVenue {
  readonly id: string;
  readonly organization: PlannedOrganization;
  readonly cast: DemoVenue;
}

/** how far back the demo's audit log reaches */
const AUDIT_HISTORY_DAYS = 90;

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();

export function membersWith(org: PlannedOrganization, ...roles: Role[]): PlannedMember[] {
  return org.members.filter((m) => roles.includes(m.role));
}

export function emptyPlan(): DemoPlan {
  const tables = Object.fromEntries(demoTables.map((t) => [t, []])) as unknown as DemoPlan;
  return { ...tables, note_documents: [], document_renders: [] };
}

export function audit(
  plan: DemoPlan,
  clock: PlanClock,
  fields: {
    organizationId: string;
    actor: string | null;
    action: string;
    table: string;
    entityId: string | null;
    at: number;
    details?: Record<string, unknown>;
  },
): void {
  // the log as kept on this relay covers the last few months: older entries would only lengthen
  // the first sync of every desktop
  if (fields.at < clock.anchor - AUDIT_HISTORY_DAYS * DAY) return;
  plan.audit_logs.push({
    id: clock.random.uuid(),
    organization_id: fields.organizationId,
    actor_user_id: fields.actor,
    action: fields.action,
    entity_table: fields.table,
    entity_id: fields.entityId,
    details: fields.details ?? {},
    created_at: iso(fields.at),
  });
}
