// The settlement panel's rows: every deal column the arithmetic reads (shared/src/settlement) and
// the event's settlement lines, from the replica's views, so the manager's own edits not yet
// uploaded are in the figures at once.
import type { EventStatus, SplitBasis } from '@promoteros/shared';
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { notFound } from '../command-failure.js';

type Sheet = CommandResult<'settlement.get'>;

interface TermsRow {
  deal_type: NonNullable<Sheet['terms']>['dealType'];
  currency: string;
  guarantee_cents: number;
  artist_share_bp: number;
  split_basis: SplitBasis;
  promoter_profit_bp: number;
  ticket_price_cents: number;
  sellable_capacity: number | null;
  expenses_budget_cents: number;
  bonuses: { atTickets: number; bonusCents: number }[] | null;
}

interface LineRow {
  id: string;
  kind: Sheet['lines'][number]['kind'];
  label: string;
  quantity: number;
  unit_cents: number;
  budget_cents: number;
  actual_cents: number | null;
  position: number;
}

export async function settlementSheet(replica: Replica, organizationId: string, eventId: string): Promise<Sheet> {
  const [event] = await replica.query<{ status: EventStatus }>(
    `SELECT status FROM events WHERE organization_id = $1 AND id = $2`,
    [organizationId, eventId],
  );
  if (!event) throw notFound(`no event ${eventId} in this organization`);
  // bigint money columns as float8: exact for any amount of cents below 2^53
  const [terms] = await replica.query<TermsRow>(
    `SELECT deal_type, currency, guarantee_cents::float8 AS guarantee_cents, artist_share_bp, split_basis,
            promoter_profit_bp, ticket_price_cents::float8 AS ticket_price_cents, sellable_capacity,
            expenses_budget_cents::float8 AS expenses_budget_cents, bonuses
       FROM deal_terms WHERE organization_id = $1 AND event_id = $2`,
    [organizationId, eventId],
  );
  const lines = await replica.query<LineRow>(
    `SELECT id, kind, label, quantity, unit_cents::float8 AS unit_cents, budget_cents::float8 AS budget_cents,
            actual_cents::float8 AS actual_cents, position
       FROM settlement_lines WHERE organization_id = $1 AND event_id = $2
      ORDER BY position, created_at, id`,
    [organizationId, eventId],
  );
  return {
    eventId,
    status: event.status,
    terms: terms
      ? {
          dealType: terms.deal_type,
          currency: terms.currency,
          guaranteeCents: terms.guarantee_cents,
          artistShareBp: terms.artist_share_bp,
          splitBasis: terms.split_basis,
          promoterProfitBp: terms.promoter_profit_bp,
          ticketPriceCents: terms.ticket_price_cents,
          sellableCapacity: terms.sellable_capacity,
          expensesBudgetCents: terms.expenses_budget_cents,
          bonuses: terms.bonuses ?? [],
        }
      : null,
    lines: lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      label: line.label,
      quantity: line.quantity,
      unitCents: line.unit_cents,
      budgetCents: line.budget_cents,
      actualCents: line.actual_cents,
      position: line.position,
    })),
  };
}
