// Each emailing of an event's confirmation, newest first: who asked, to whom it went, which PDF
// version, how delivery went, and whether the deal terms differ now from what it carried. The
// comparison is made here, in SQL, on the timestamps themselves (microseconds; a JavaScript Date
// would round them to milliseconds). It reads the replica's views, so a revised confirmation
// asked for offline shows as QUEUED at once.
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { isoInstant } from './venue-time.js';

type ConfirmationSends = CommandResult<'events.get'>['confirmations'];

interface SendRow {
  id: string;
  revised: boolean;
  status: ConfirmationSends[number]['status'];
  requested_by: string | null;
  recipients: string[] | null;
  document_version: number | null;
  with_deal_terms: boolean | null;
  deal_changed_since: boolean;
  created_at: Date;
  sent_at: Date | null;
  delivery_note: string | null;
}

export async function confirmationSends(
  replica: Replica,
  organizationId: string,
  eventId: string,
): Promise<ConfirmationSends> {
  const rows = await replica.query<SendRow>(
    `SELECT s.id, s.revised, s.status, m.user_name AS requested_by, s.recipients, s.document_version,
            s.with_deal_terms, s.created_at, s.sent_at, s.delivery_note,
            (SELECT d.updated_at FROM deal_terms d WHERE d.organization_id = s.organization_id AND d.event_id = s.event_id)
              IS DISTINCT FROM s.deal_terms_updated_at AS deal_changed_since
       FROM confirmation_sends s
       LEFT JOIN memberships m ON m.organization_id = s.organization_id AND m.user_id = s.requested_by
      WHERE s.organization_id = $1 AND s.event_id = $2
      ORDER BY s.created_at DESC, s.id DESC`,
    [organizationId, eventId],
  );
  return rows.map((row) => ({
    id: row.id,
    revised: row.revised,
    status: row.status,
    requestedBy: row.requested_by,
    recipients: row.recipients ?? [],
    documentVersion: row.document_version,
    withDealTerms: row.with_deal_terms,
    dealChangedSince: row.deal_changed_since,
    createdAt: isoInstant(row.created_at),
    sentAt: row.sent_at ? isoInstant(row.sent_at) : null,
    deliveryNote: row.delivery_note,
  }));
}
