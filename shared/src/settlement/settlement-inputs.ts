// What the settlement reads: the deal terms row and the event's settlement lines, as the entity
// schemas parse them (shared/src/entities/deals.ts). Only the columns the arithmetic needs are
// required, so a caller can pass a row straight from the database, a shape or a test.
import type { DealBonus, DealTermsRow, SettlementLineRow } from '../entities/deals.js';

type Money = number | bigint | string;

export type SettlementDealTerms = Pick<
  DealTermsRow,
  'deal_type' | 'currency' | 'artist_share_bp' | 'split_basis' | 'promoter_profit_bp' | 'sellable_capacity'
> & {
  guarantee_cents: Money;
  ticket_price_cents?: Money;
  expenses_budget_cents: Money;
  bonuses: readonly DealBonus[];
};

export type SettlementLine = Pick<SettlementLineRow, 'kind' | 'label' | 'quantity'> & {
  unit_cents: Money;
  budget_cents: Money;
  actual_cents: Money | null;
};
