// A settlement line's amounts as the sheet shows them: tickets as quantity × price = total, comps
// as a count, an expense's budget and actual (or that there is none yet), an adjustment's amount.
import { useFormat } from '../format/use-format.js';
import type { SheetLine } from './settlement-figures.js';

export function LineAmounts({ line, currency }: { line: SheetLine; currency: string }) {
  const fmt = useFormat();
  const money = (cents: number) => fmt.money(cents, currency);
  const cell = 'text-right tabular-nums';
  switch (line.kind) {
    case 'TICKETS':
      return (
        <span className={cell}>
          {fmt.count(line.quantity)} × {money(line.unitCents)} = {money(line.quantity * line.unitCents)}
        </span>
      );
    case 'COMPS':
      return <span className={cell}>{fmt.count(line.quantity)}</span>;
    case 'EXPENSE':
      return (
        <span className={cell}>
          {money(line.budgetCents)} ·{' '}
          {line.actualCents === null ? (
            <span className="text-zinc-500 dark:text-zinc-400">no actual yet</span>
          ) : (
            money(line.actualCents)
          )}
        </span>
      );
    case 'ADJUSTMENT':
      return <span className={cell}>{money(line.actualCents ?? line.quantity * line.unitCents)}</span>;
  }
}
