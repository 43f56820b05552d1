// The deal with the artist: one set of terms per event, made on first save and edited after.
import { z } from 'zod';
import { DealType, SplitBasis } from '../entities/deals.js';
import { basisPoints, cents, currencyCode, int, text, uuid } from '../entities/fields.js';
import { defineMutation, RuleViolation, type Row } from './define.js';
import { editableEvent } from './rules.js';

/** The column each argument sets. */
const columns = {
  dealType: 'deal_type',
  currency: 'currency',
  guaranteeCents: 'guarantee_cents',
  artistShareBp: 'artist_share_bp',
  splitBasis: 'split_basis',
  promoterProfitBp: 'promoter_profit_bp',
  ticketPriceCents: 'ticket_price_cents',
  sellableCapacity: 'sellable_capacity',
  expensesBudgetCents: 'expenses_budget_cents',
  notes: 'notes',
} as const;

/** What a new row holds for the fields the user has not filled in (the table's defaults). */
const defaults: Row = {
  currency: 'USD',
  guarantee_cents: 0,
  artist_share_bp: 0,
  split_basis: 'NET',
  promoter_profit_bp: 0,
  ticket_price_cents: 0,
  sellable_capacity: null,
  expenses_budget_cents: 0,
  bonuses: [],
  notes: null,
};

/** Each deal type pays from a guarantee, a share of the door, or both: the part it pays from
 * must be there, or the settlement would pay the artist nothing. */
function checkDeal(terms: Row): void {
  const guarantee = Number(terms.guarantee_cents) > 0;
  const share = Number(terms.artist_share_bp) > 0;
  switch (terms.deal_type) {
    case 'FLAT':
      if (!guarantee) throw new RuleViolation('a flat deal needs a guarantee above zero');
      break;
    case 'DOOR_SPLIT':
      if (!share) throw new RuleViolation('a door split needs an artist share above zero');
      break;
    case 'VERSUS':
      if (!guarantee || !share)
        throw new RuleViolation('a versus deal needs both a guarantee and an artist share above zero');
      break;
    case 'GUARANTEE_PLUS':
      if (!guarantee || !share)
        throw new RuleViolation('a guarantee-plus deal needs both a guarantee and an artist share above zero');
      break;
  }
}

export const dealTermsSet = defineMutation({
  name: 'dealTerms.set',
  minimumRole: 'MANAGER',
  args: z
    .object({
      eventId: uuid,
      /** made by the device; used only when the event has no terms yet */
      dealTermsId: uuid,
      dealType: DealType.optional(),
      currency: currencyCode.optional(),
      guaranteeCents: cents({ min: 0 }).optional(),
      artistShareBp: basisPoints.optional(),
      splitBasis: SplitBasis.optional(),
      promoterProfitBp: basisPoints.optional(),
      ticketPriceCents: cents({ min: 0 }).optional(),
      sellableCapacity: int({ min: 1 }).nullable().optional(),
      expensesBudgetCents: cents({ min: 0 }).optional(),
      notes: text({ max: 5000 }).nullable().optional(),
    })
    .refine((a) => Object.keys(a).length > 2, 'name at least one term to set'),
  subject: (args) => ({ table: 'events', id: args.eventId }),
  describe: () => 'Set the deal terms',
  async plan(args, context, read) {
    await editableEvent(read, args.eventId);
    const given: Row = {};
    for (const [arg, column] of Object.entries(columns)) {
      const value = args[arg as keyof typeof columns];
      if (value !== undefined) given[column] = value;
    }

    const [existing] = await read.where('deal_terms', { event_id: args.eventId });
    if (!existing) {
      if (given.deal_type === undefined) throw new RuleViolation('choose the deal type before the other terms');
      if (await read.get('deal_terms', args.dealTermsId))
        throw new RuleViolation('deal terms with this id already exist');
      const row: Row = {
        id: args.dealTermsId,
        event_id: args.eventId,
        ...defaults,
        ...given,
        created_at: context.at,
        updated_at: context.at,
      };
      checkDeal(row);
      return [{ op: 'insert', table: 'deal_terms', row }];
    }

    checkDeal({ ...existing, ...given });
    return [{ op: 'update', table: 'deal_terms', id: String(existing.id), set: { ...given, updated_at: context.at } }];
  },
});
