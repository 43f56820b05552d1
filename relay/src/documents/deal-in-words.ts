// The deal as the confirmation states it: each term in figures and in words, the way a booking
// contract reads ("the greater of a guarantee of $2,500.00 (two thousand five hundred US dollars)
// or 80% (eighty percent) of net receipts").
import { toCents } from '@promoteros/shared/settlement';
import { percentInWords } from './amount-in-words.js';
import type { DealFacts } from './document-data.js';
import type { SheetFormat } from './sheet-format.js';

const dealNames = {
  FLAT: 'Flat guarantee',
  DOOR_SPLIT: 'Door split',
  VERSUS: 'Guarantee versus percentage',
  GUARANTEE_PLUS: 'Guarantee plus percentage',
} as const;

export const dealName = (deal: DealFacts) => dealNames[deal.deal_type];

function amount(cents: bigint, fmt: SheetFormat): string {
  return `${fmt.money(cents)} (${fmt.moneyWords(cents)})`;
}

const percent = (bp: number, fmt: SheetFormat) => `${fmt.percent(bp)} (${percentInWords(bp)})`;

const basis = (deal: DealFacts) =>
  deal.split_basis === 'GROSS' ? 'the gross ticket receipts' : 'the net receipts (gross receipts less show expenses)';

/** The deal's terms as sentences, figures and words side by side. */
export function dealInWords(deal: DealFacts, fmt: SheetFormat): string[] {
  const guarantee = toCents(deal.guarantee_cents, 'guarantee_cents');
  const sentences: string[] = [];
  switch (deal.deal_type) {
    case 'FLAT':
      sentences.push(`The artist is paid a flat guarantee of ${amount(guarantee, fmt)}, whatever the ticket sales.`);
      break;
    case 'DOOR_SPLIT':
      sentences.push(
        `The artist is paid ${percent(deal.artist_share_bp, fmt)} of ${basis(deal)}, and nothing if there is none.`,
      );
      break;
    case 'VERSUS':
      sentences.push(
        `The artist is paid the greater of a guarantee of ${amount(guarantee, fmt)} or ${percent(deal.artist_share_bp, fmt)} of ${basis(deal)}.`,
      );
      break;
    case 'GUARANTEE_PLUS':
      sentences.push(
        `The artist is paid a guarantee of ${amount(guarantee, fmt)}, plus ${percent(deal.artist_share_bp, fmt)} of the adjusted gross above the split point.`,
        `The split point is the show's expenses plus the guarantee plus a promoter profit of ${percent(deal.promoter_profit_bp, fmt)} of expenses and guarantee.`,
      );
      break;
  }
  const budget = toCents(deal.expenses_budget_cents, 'expenses_budget_cents');
  if (budget > 0n) sentences.push(`Show expenses are budgeted at ${amount(budget, fmt)}.`);
  for (const bonus of [...deal.bonuses].sort((a, b) => a.atTickets - b.atTickets)) {
    sentences.push(
      `A bonus of ${amount(toCents(bonus.bonusCents, 'bonusCents'), fmt)} is paid when ${fmt.count(bonus.atTickets)} tickets are sold.`,
    );
  }
  return sentences;
}

/** The deal's figures, one per row, for the table beside the sentences. */
export function dealFigures(deal: DealFacts, fmt: SheetFormat): [string, string][] {
  const rows: [string, string][] = [['Deal', dealName(deal)]];
  if (deal.deal_type !== 'DOOR_SPLIT')
    rows.push(['Guarantee', fmt.money(toCents(deal.guarantee_cents, 'guarantee_cents'))]);
  if (deal.deal_type !== 'FLAT') {
    rows.push(['Artist share', fmt.percent(deal.artist_share_bp)]);
    if (deal.deal_type !== 'GUARANTEE_PLUS')
      rows.push(['Taken of', deal.split_basis === 'GROSS' ? 'Gross receipts' : 'Net receipts']);
  }
  if (deal.deal_type === 'GUARANTEE_PLUS') rows.push(['Promoter profit', fmt.percent(deal.promoter_profit_bp)]);
  rows.push(['Ticket price', fmt.money(toCents(deal.ticket_price_cents ?? 0, 'ticket_price_cents'))]);
  if (deal.sellable_capacity !== null) rows.push(['Sellable capacity', fmt.count(deal.sellable_capacity)]);
  rows.push(['Expenses budget', fmt.money(toCents(deal.expenses_budget_cents, 'expenses_budget_cents'))]);
  rows.push(['Currency', deal.currency]);
  return rows;
}
