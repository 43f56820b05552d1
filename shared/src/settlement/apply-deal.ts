// The deal applied to the night's figures: what each deal type pays the artist before bonuses,
// with the sheet's lines that show the working. The rules, as the trade reckons them, are set out
// at the top of settle-show.ts.
import { maxCents, percentText, shareOf } from './cents-math.js';
import type { SettlementDealTerms } from './settlement-inputs.js';
import type { Settlement, SheetLine } from './settle-show.js';

/** What the deal is applied to. */
export interface NightFigures {
  guaranteeCents: bigint;
  adjustedGrossCents: bigint;
  expensesCents: bigint;
  netCents: bigint;
}

/** What the deal pays before bonuses, and the working each deal type shows. */
export type DealOutcome = Pick<
  Settlement,
  'shareCents' | 'versusSide' | 'promoterProfitCents' | 'splitPointCents' | 'overageCents'
> & { dealCents: bigint };

const nothingElse = {
  shareCents: null,
  versusSide: null,
  promoterProfitCents: null,
  splitPointCents: null,
  overageCents: null,
};

/** Applies the deal, pushing its lines onto `sheet`. */
export function applyDeal(terms: SettlementDealTerms, night: NightFigures, sheet: SheetLine[]): DealOutcome {
  const { guaranteeCents } = night;
  const share = terms.artist_share_bp;
  const basisCents = terms.split_basis === 'GROSS' ? night.adjustedGrossCents : night.netCents;
  const basisName = terms.split_basis === 'GROSS' ? 'adjusted gross' : 'net';

  switch (terms.deal_type) {
    case 'FLAT':
      sheet.push({ label: 'Flat guarantee', cents: guaranteeCents });
      return { ...nothingElse, dealCents: guaranteeCents };
    case 'DOOR_SPLIT': {
      // a share of a loss is not a bill for the artist: below zero the share is 0
      const shareCents = shareOf(maxCents(basisCents, 0n), share);
      sheet.push({ label: `Door split: ${percentText(share)} of ${basisName}`, cents: shareCents });
      return { ...nothingElse, shareCents, dealCents: shareCents };
    }
    case 'VERSUS': {
      const shareCents = shareOf(maxCents(basisCents, 0n), share);
      const versusSide = shareCents > guaranteeCents ? 'SHARE' : 'GUARANTEE';
      const dealCents = maxCents(guaranteeCents, shareCents);
      sheet.push({ label: 'Guarantee', cents: guaranteeCents });
      sheet.push({ label: `Versus: ${percentText(share)} of ${basisName}`, cents: shareCents });
      sheet.push({
        label: `Versus deal pays the larger: the ${versusSide === 'SHARE' ? 'percentage' : 'guarantee'}`,
        cents: dealCents,
      });
      return { ...nothingElse, shareCents, versusSide, dealCents };
    }
    case 'GUARANTEE_PLUS':
      return guaranteePlus(terms, night, sheet);
  }
}

/** The guarantee, plus the artist's share of what the adjusted gross makes above the split point. */
function guaranteePlus(terms: SettlementDealTerms, night: NightFigures, sheet: SheetLine[]): DealOutcome {
  const { guaranteeCents } = night;
  const share = terms.artist_share_bp;
  const covered = night.expensesCents + guaranteeCents;
  const promoterProfitCents = shareOf(maxCents(covered, 0n), terms.promoter_profit_bp);
  const splitPointCents = covered + promoterProfitCents;
  const overageCents = maxCents(night.adjustedGrossCents - splitPointCents, 0n);
  const shareCents = shareOf(overageCents, share);
  sheet.push({ label: 'Guarantee', cents: guaranteeCents });
  sheet.push({
    label: `Promoter profit (${percentText(terms.promoter_profit_bp)} of expenses and guarantee)`,
    cents: promoterProfitCents,
  });
  sheet.push({ label: 'Split point (expenses + guarantee + promoter profit)', cents: splitPointCents });
  sheet.push({ label: 'Adjusted gross above the split point', cents: overageCents });
  sheet.push({ label: `Artist's ${percentText(share)} above the split point`, cents: shareCents });
  return {
    ...nothingElse,
    shareCents,
    promoterProfitCents,
    splitPointCents,
    overageCents,
    dealCents: guaranteeCents + shareCents,
  };
}
