// The deal form's values ↔ a dealTerms.set: money typed in the deal's currency becomes cents,
// the artist's share in percent becomes basis points, and only the terms that differ are sent
// (all of them when the event has no deal yet).
import type { CommandResult } from '../../../common/command-map.js';
import { moneyInput, parseMoney, parsePercent, percentInput } from '../format/money.js';

type Deal = NonNullable<CommandResult<'events.get'>['deal']>;

export const dealTypeName: Record<string, string> = {
  FLAT: 'Flat guarantee',
  DOOR_SPLIT: 'Door deal',
  VERSUS: 'Versus',
  GUARANTEE_PLUS: 'Guarantee plus',
};
export const splitBasisName: Record<string, string> = { NET: 'Net (after expenses)', GROSS: 'Gross' };

export interface DealFormValues {
  readonly dealType: string;
  readonly currency: string;
  readonly guarantee: string;
  readonly artistShare: string;
  readonly splitBasis: string;
  readonly ticketPrice: string;
  readonly expensesBudget: string;
  readonly notes: string;
}

export type DealProblems = Partial<Record<keyof DealFormValues, string>>;

/** The request an event was booked from: what the requester offered, for a deal not made yet. */
export type BookedFrom = NonNullable<CommandResult<'events.get'>['request']>;

/**
 * The form's first values: the deal's own, or for an event without one, what its request said:
 * the budget's lower end (or its one end) as the guarantee, the deal notes as the notes. The
 * manager checks them before saving; nothing is saved by opening the form.
 */
export function dealFormValues(deal: Deal | null, bookedFrom: BookedFrom | null = null): DealFormValues {
  const currency = deal?.currency ?? 'USD';
  const budget = bookedFrom?.budgetMinCents ?? bookedFrom?.budgetMaxCents ?? null;
  return {
    dealType: deal?.dealType ?? 'FLAT',
    currency,
    guarantee: deal ? moneyInput(deal.guaranteeCents, currency) : budget !== null ? moneyInput(budget, currency) : '',
    artistShare: deal ? percentInput(deal.artistShareBp) : '',
    splitBasis: deal?.splitBasis ?? 'NET',
    ticketPrice: deal ? moneyInput(deal.ticketPriceCents, currency) : '',
    expensesBudget: deal ? moneyInput(deal.expensesBudgetCents, currency) : '',
    notes: deal ? (deal.notes ?? '') : bookedFrom?.dealNotes?.trim() ? bookedFrom.dealNotes : '',
  };
}

/** Whether the form starts from the request (an event without a deal whose request said something). */
export function prefilledFromRequest(deal: Deal | null, bookedFrom: BookedFrom | null): boolean {
  return (
    deal === null &&
    bookedFrom !== null &&
    (bookedFrom.budgetMinCents !== null || bookedFrom.budgetMaxCents !== null || !!bookedFrom.dealNotes?.trim())
  );
}

function knownCurrency(code: string): boolean {
  try {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/** The dealTerms.set terms that differ from `deal` (all of them for a new deal), or the form's problems. */
export function dealChanges(
  deal: Deal | null,
  values: DealFormValues,
): { ok: true; changes: Record<string, unknown> } | { ok: false; problems: DealProblems } {
  const problems: DealProblems = {};
  const currency = values.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency) || !knownCurrency(currency)) problems.currency = 'a currency code such as USD';
  const money = currency && !problems.currency ? currency : 'USD';
  const amounts = {
    guaranteeCents: ['guarantee', parseMoney(values.guarantee, money)],
    ticketPriceCents: ['ticketPrice', parseMoney(values.ticketPrice, money)],
    expensesBudgetCents: ['expensesBudget', parseMoney(values.expensesBudget, money)],
    artistShareBp: ['artistShare', parsePercent(values.artistShare)],
  } as const;
  const terms: Record<string, unknown> = {
    dealType: values.dealType,
    currency,
    splitBasis: values.splitBasis,
    notes: values.notes.trim() === '' ? null : values.notes,
  };
  for (const [term, [field, parsed]] of Object.entries(amounts)) {
    if (parsed.ok) terms[term] = parsed.value;
    else problems[field] = parsed.message;
  }
  if (typeof terms.notes === 'string' && terms.notes.length > 5000) problems.notes = 'at most 5,000 characters';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  if (!deal) return { ok: true, changes: terms };

  const changes: Record<string, unknown> = {};
  for (const [term, value] of Object.entries(terms)) {
    if (value !== deal[term as keyof Deal]) changes[term] = value;
  }
  return { ok: true, changes };
}
