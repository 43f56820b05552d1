// A show's deal: the four deal types in turn across the calendar, with money in proportion to
// what the room can take, and tickets sold to match (tonight's show has sold well).
import { dealTypes, type DealType, type RowOf } from '@promoteros/shared';
import { settleShow } from '@promoteros/shared/settlement';
import type { SeededRandom } from './random.js';
import { iso } from './plan-types.js';
import type { ShowContext } from './plan-show.js';

type DealMoney = Pick<
  RowOf<'deal_terms'>,
  'guarantee_cents' | 'artist_share_bp' | 'split_basis' | 'promoter_profit_bp' | 'expenses_budget_cents'
>;

export interface PlannedDeal {
  readonly deal: RowOf<'deal_terms'>;
  readonly ticketPrice: number;
  /** tickets sold, in advance and at the door */
  readonly sold: number;
}

/** The deal of the `index`-th event of the demo. */
export function planDeal(show: ShowContext, index: number): PlannedDeal {
  const { r, ev, event, venue, sellable } = show;
  const dealType = dealTypes[index % dealTypes.length]!;
  const ticketPrice = r.int(5, 15) * 500;
  const terms = dealTerms(r, dealType, sellable, ticketPrice);
  // tonight's show has sold well (the screens show a healthy night); past shows did what shows do
  const sold = event.tonight ? Math.round(sellable * r.between(0.8, 0.88)) : Math.round(sellable * r.between(0.55, 1));
  const deal: RowOf<'deal_terms'> = {
    id: r.uuid(),
    organization_id: venue.organization.id,
    event_id: ev.id,
    deal_type: dealType,
    currency: venue.cast.currency,
    ...terms,
    ticket_price_cents: ticketPrice,
    sellable_capacity: sellable,
    bonuses:
      dealType === 'GUARANTEE_PLUS'
        ? [
            { atTickets: Math.round(sellable * 0.8), bonusCents: 100_000 },
            { atTickets: sellable, bonusCents: 250_000 },
          ]
        : [],
    notes: dealType === 'VERSUS' ? 'Versus deal: the greater of the guarantee or the share of net.' : null,
    created_at: iso(event.bookedAt),
    updated_at: iso(event.bookedAt),
  };
  show.plan.deal_terms.push(deal);
  return { deal, ticketPrice, sold };
}

/**
 * Deal money in proportion to what the room can take (a sell-out's gross): a house nut of about a
 * fifth of it, guarantees a venue can cover at two-thirds sold, splits as agents ask for them
 * (80-90 % of the net, 60-70 % of the gross). Rounded to 500 of the currency, as deals are.
 */
function dealTerms(r: SeededRandom, dealType: DealType, sellable: number, ticketPrice: number): DealMoney {
  const sellOut = sellable * ticketPrice;
  const round = (cents: number) => Math.max(50_000, Math.round(cents / 50_000) * 50_000);
  const gross = dealType === 'DOOR_SPLIT' && r.chance(0.5);
  return {
    expenses_budget_cents: round(sellOut * r.between(0.16, 0.24)),
    guarantee_cents: dealType === 'DOOR_SPLIT' ? 0 : round(sellOut * r.between(0.22, dealType === 'FLAT' ? 0.4 : 0.32)),
    artist_share_bp: dealType === 'FLAT' ? 0 : gross ? r.pick([6000, 6500, 7000]) : r.pick([8000, 8500, 9000]),
    split_basis: gross ? 'GROSS' : 'NET',
    promoter_profit_bp: dealType === 'GUARANTEE_PLUS' ? r.pick([1000, 1500]) : 0,
  };
}

/**
 * Tonight's show is the one every screen opens on: it must not show the venue losing money on a
 * night that sold well. Should the drawn numbers say otherwise, the artist's side comes down until
 * the venue at least breaks even on the advance alone (door sales are still to come).
 */
export function keepTheNightHealthy(deal: RowOf<'deal_terms'>, lines: readonly RowOf<'settlement_lines'>[]): void {
  for (let step = 0; step < 40; step++) {
    if (settleShow(deal, lines).promoterResultCents >= 0n) return;
    deal.guarantee_cents = Math.round((deal.guarantee_cents * 0.9) / 50_000) * 50_000;
    if (deal.artist_share_bp > 5000) deal.artist_share_bp -= 250;
  }
  throw new Error(`demo: tonight's deal for event ${deal.event_id} cannot be made to break even`);
}
