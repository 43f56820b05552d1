// The settlement's figures under its lines, as the deal makes them of the lines: gross, expenses,
// net, the split point and which side of a versus deal pays, bonuses, the artist's payout and the
// venue's share, with the door's count beside the tickets sold.
import { useFormat } from '../format/use-format.js';
import type { SettlementFigures } from './settlement-figures.js';

function Figure({ label, children, strong = false }: { label: string; children: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-4 py-1 text-sm ${strong ? 'font-semibold' : ''}`}>
      <dt className={strong ? '' : 'text-zinc-500 dark:text-zinc-400'}>{label}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </div>
  );
}

export function Figures({ figures, admitted }: { figures: SettlementFigures; admitted: number | undefined }) {
  const fmt = useFormat();
  const money = (cents: number) => fmt.money(cents, figures.currency);
  const f = figures;
  return (
    <dl
      aria-label="Settlement figures"
      className="divide-y divide-zinc-100 border-t border-zinc-200 pt-2 dark:divide-zinc-800 dark:border-zinc-800"
    >
      <Figure label="Tickets sold">
        {`${fmt.count(f.ticketsSold)}${admitted === undefined ? '' : ` (admitted at the door so far: ${fmt.count(admitted)})`}`}
      </Figure>
      <Figure label="Comps">{fmt.count(f.comps)}</Figure>
      <Figure label="Gross">{money(f.grossCents)}</Figure>
      {f.adjustmentsCents !== 0 && <Figure label="Adjusted gross">{money(f.adjustedGrossCents)}</Figure>}
      <Figure label="Expenses, budget">{money(f.expensesBudgetCents)}</Figure>
      <Figure
        label={f.expensesWithoutActual > 0 ? `Expenses (${fmt.count(f.expensesWithoutActual)} at budget)` : 'Expenses'}
      >
        {money(f.expensesCents)}
      </Figure>
      <Figure label="Net">{money(f.netCents)}</Figure>
      {f.splitPointCents !== null && <Figure label="Split point">{money(f.splitPointCents)}</Figure>}
      {f.versusSide && (
        <Figure label="Versus pays">{f.versusSide === 'SHARE' ? 'the percentage' : 'the guarantee'}</Figure>
      )}
      {f.bonusCents > 0 && <Figure label="Bonuses">{money(f.bonusCents)}</Figure>}
      <Figure label="Artist payout" strong>
        {money(f.artistPayoutCents)}
      </Figure>
      <Figure label="Venue / promoter share" strong>
        {money(f.promoterResultCents)}
      </Figure>
      {f.overCapacity && (
        <p className="pt-1 text-xs text-amber-700 dark:text-amber-400">
          Tickets and comps are above the deal&apos;s sellable capacity: worth a look before settling.
        </p>
      )}
    </dl>
  );
}
