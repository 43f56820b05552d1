// What the artist is paid and how the night settles (shared/migrations/0003_show.sql).
// Money is integer cents; percentages are basis points (10000 = 100 %).
import { z } from 'zod';
import { basisPoints, cents, currencyCode, int, text, timestamp, uuid } from './fields.js';

/** FLAT guarantee, DOOR_SPLIT of receipts, VERSUS (greater of the two), GUARANTEE_PLUS a split above a point. */
export const dealTypes = ['FLAT', 'DOOR_SPLIT', 'VERSUS', 'GUARANTEE_PLUS'] as const;
export const DealType = z.enum(dealTypes);
export type DealType = z.infer<typeof DealType>;

/** NET (after expenses) first: what a new deal starts with (mutations/deal-terms.ts) and the form offers first. */
export const splitBases = ['NET', 'GROSS'] as const;
export const SplitBasis = z.enum(splitBases);
export type SplitBasis = z.infer<typeof SplitBasis>;

export const settlementLineKinds = ['TICKETS', 'COMPS', 'EXPENSE', 'ADJUSTMENT'] as const;
export const SettlementLineKind = z.enum(settlementLineKinds);
export type SettlementLineKind = z.infer<typeof SettlementLineKind>;

/** A sales-threshold bonus: at this many tickets sold, the artist gets this much more. */
export const DealBonus = z.object({
  atTickets: int({ min: 1 }),
  bonusCents: cents({ min: 0 }),
});
export type DealBonus = z.output<typeof DealBonus>;

export const DealTermsRow = z.object({
  id: uuid,
  organization_id: uuid,
  event_id: uuid,
  deal_type: DealType,
  currency: currencyCode,
  guarantee_cents: cents({ min: 0 }),
  artist_share_bp: basisPoints,
  split_basis: SplitBasis,
  promoter_profit_bp: basisPoints,
  ticket_price_cents: cents({ min: 0 }),
  sellable_capacity: int({ min: 1 }).nullable(),
  expenses_budget_cents: cents({ min: 0 }),
  bonuses: z.array(DealBonus, 'must be a list of bonuses'),
  notes: text({ max: 5000 }).nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type DealTermsRow = z.output<typeof DealTermsRow>;

export const SettlementLineRow = z.object({
  id: uuid,
  organization_id: uuid,
  event_id: uuid,
  kind: SettlementLineKind,
  label: text({ min: 1, max: 200 }),
  quantity: int({ min: 0 }),
  // adjustments may be negative, so these carry no lower bound
  unit_cents: cents(),
  budget_cents: cents(),
  actual_cents: cents().nullable(),
  position: int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type SettlementLineRow = z.output<typeof SettlementLineRow>;
