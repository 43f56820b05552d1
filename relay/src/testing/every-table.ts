// One row in every synced table of an organization, linked the way real data is, for tests
// that must cover every table (tenancy, type round trips, replica equality).
import type { Sql } from '../db/database.js';

export interface OrganizationRows {
  readonly venueId: string;
  readonly requestId: string;
  readonly eventId: string;
  /** synced table name → ids of the rows created in it */
  readonly ids: Readonly<Record<string, readonly string[]>>;
}

export async function fillEveryTable(sql: Sql, organizationId: string, userId: string): Promise<OrganizationRows> {
  return sql.begin(async (tx) => {
    const one = async (query: Promise<{ id: string }[]>) => (await query)[0]!.id;
    const venueId = await one(tx`
      INSERT INTO venues (organization_id, slug, name, timezone, capacity, intake_enabled)
      VALUES (${organizationId}, ${'v-' + organizationId.slice(0, 8)}, 'Roundhouse', 'America/Chicago', 2400, false)
      RETURNING id`);
    const invitationId = await one(tx`
      INSERT INTO invitations (organization_id, email, role, token_hash, invited_by, expires_at)
      VALUES (${organizationId}, ${'invitee-' + organizationId.slice(0, 8) + '@example.test'}, 'STAFF',
              ${'hash-' + organizationId}, ${userId}, now() + interval '7 days')
      RETURNING id`);
    const requestId = await one(tx`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance,
                                  budget_min_cents, budget_max_cents, tags, promoter_user_id)
      VALUES (${organizationId}, ${venueId}, ${'RQ-' + organizationId.slice(0, 8)}, 'Dana Booker', 'dana@example.test',
              'The Test Pattern', 'Spring Tour', '2027-04-01 20:00+00', '2027-04-01 23:00+00', 1800,
              9007199254740993, 9007199254740999, ${['indie', 'all "ages"', 'a,b']}, ${userId})
      RETURNING id`);
    const decisionId = await one(tx`
      INSERT INTO decision_logs (organization_id, request_id, from_status, to_status, note, actor_user_id)
      VALUES (${organizationId}, ${requestId}, NULL, 'NEW', NULL, ${userId}) RETURNING id`);
    const eventId = await one(tx`
      INSERT INTO events (organization_id, venue_id, request_id, title, artist_name, show_date, doors_at, show_at, ends_at,
                          promoter_user_id)
      VALUES (${organizationId}, ${venueId}, ${requestId}, 'Spring Tour', 'The Test Pattern', '2027-04-01',
              '2027-04-01 19:00+00', '2027-04-01 20:00+00', '2027-04-01 23:00+00', ${userId})
      RETURNING id`);
    const holdId = await one(tx`
      INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, created_by)
      VALUES (${organizationId}, ${venueId}, ${requestId}, '2027-04-01', 1, ${userId}) RETURNING id`);
    const dealId = await one(tx`
      INSERT INTO deal_terms (organization_id, event_id, deal_type, guarantee_cents, artist_share_bp, bonuses)
      VALUES (${organizationId}, ${eventId}, 'VERSUS', 1500000, 8500,
              ${tx.json([{ atTickets: 1500, bonusCents: 50000 }])})
      RETURNING id`);
    const lineId = await one(tx`
      INSERT INTO settlement_lines (organization_id, event_id, kind, label, quantity, unit_cents, budget_cents, actual_cents)
      VALUES (${organizationId}, ${eventId}, 'EXPENSE', 'Security', 12, 2500, 30000, NULL) RETURNING id`);
    const templateId = await one(tx`
      INSERT INTO task_templates (organization_id, title, default_due_days)
      VALUES (${organizationId}, 'Send advance sheet', 14) RETURNING id`);
    const taskId = await one(tx`
      INSERT INTO event_tasks (organization_id, event_id, template_id, title, assignee_user_id, due_date)
      VALUES (${organizationId}, ${eventId}, ${templateId}, 'Send advance sheet', ${userId}, '2027-03-18') RETURNING id`);
    const listId = await one(tx`
      INSERT INTO guest_lists (organization_id, event_id, name, kind, allotment)
      VALUES (${organizationId}, ${eventId}, 'Band guests', 'ARTIST', 20) RETURNING id`);
    const entryId = await one(tx`
      INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count, added_by)
      VALUES (${organizationId}, ${eventId}, ${listId}, 'Sam Plusone', 2, ${userId}) RETURNING id`);
    const checkInId = await one(tx`
      INSERT INTO check_ins (organization_id, event_id, entry_id, kind, admitted, device_id, recorded_by, occurred_at)
      VALUES (${organizationId}, ${eventId}, ${entryId}, 'ADMIT', 1, 'door-1', ${userId}, now()) RETURNING id`);
    const documentId = await one(tx`
      INSERT INTO documents (organization_id, event_id, kind, version, sha256, byte_size, file_name)
      VALUES (${organizationId}, ${eventId}, 'CONFIRMATION', 1, ${'a'.repeat(64)}, 1234, 'confirmation.pdf')
      RETURNING id`);
    const sendId = await one(tx`
      INSERT INTO confirmation_sends (id, organization_id, event_id, status, requested_by, recipients, document_id,
                                      document_version, with_deal_terms, deal_terms_updated_at, written_at, sent_at)
      VALUES (gen_random_uuid(), ${organizationId}, ${eventId}, 'SENT', ${userId},
              ${['dana@example.test', 'promoter@example.test']}, ${documentId}, 1, true, now(), now(), now())
      RETURNING id`);
    const auditId = await one(tx`
      INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
      VALUES (${organizationId}, ${userId}, 'request.create', 'event_requests', ${requestId}, ${tx.json({ via: 'test' })})
      RETURNING id`);
    const [membership] = await tx<{ id: string }[]>`
      SELECT id FROM memberships WHERE organization_id = ${organizationId}`;
    return {
      venueId,
      requestId,
      eventId,
      ids: {
        organizations: [organizationId],
        venues: [venueId],
        memberships: membership ? [membership.id] : [],
        invitations: [invitationId],
        event_requests: [requestId],
        decision_logs: [decisionId],
        events: [eventId],
        holds: [holdId],
        deal_terms: [dealId],
        settlement_lines: [lineId],
        task_templates: [templateId],
        event_tasks: [taskId],
        guest_lists: [listId],
        guest_list_entries: [entryId],
        check_ins: [checkInId],
        documents: [documentId],
        confirmation_sends: [sendId],
        audit_logs: [auditId],
      },
    };
  });
}
