// Settling the show: the lines of the night (tickets sold, comps, expenses budget vs actual,
// adjustments), the deal applied to them live (the shared settleShow, as the PDF sheet applies
// it) and "Settle show", which makes it final. Managers and owners enter it, staff read it,
// promoters do not see it. Every change is an edit the core applies at once and uploads later,
// so a settlement can be entered in a back office with no network.
import { useLayoutEffect, useRef, useState } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { useQuery } from '../data/use-query.js';
import { buttonClass, dangerButtonClass, ErrorNote, linkButtonClass, Section, Spinner } from '../ui/controls.js';
import type { Role } from './edit-rights.js';
import { settlementAccess } from './settlement-access.js';
import {
  lineGroups,
  settlementFigures,
  type LineKind,
  type SettlementFigures,
  type SettlementSheet,
  type SheetLine,
} from './settlement-figures.js';
import { SettlementLineForm } from './settlement-line-form.js';
import { blankLine, lineChanges, lineValues, type LineFields } from './settlement-line-changes.js';
import { movedWithinKind } from './settlement-line-order.js';
import { useFormat } from '../format/use-format.js';

/** a line's two moves within its kind, in the order their buttons stand */
const directions = [
  { by: -1, word: 'up', arrow: '↑' },
  { by: 1, word: 'down', arrow: '↓' },
] as const;

const addLabel: Record<LineKind, string> = {
  TICKETS: 'Add tickets',
  COMPS: 'Add comps',
  EXPENSE: 'Add expense',
  ADJUSTMENT: 'Add adjustment',
};

export function SettlementPanel({
  eventId,
  title,
  status,
  role,
}: {
  eventId: string;
  title: string;
  status: string;
  role: Role | undefined;
}) {
  const access = settlementAccess(role, status);
  const sheet = useQuery('settlement.get', { eventId });
  const door = useQuery('doorCount.get', { eventId });
  if (access === 'none') return null;
  return (
    <Section title="Settlement" aside={sheet.data?.terms?.currency}>
      {sheet.error && !sheet.data ? (
        <ErrorNote error={sheet.error} />
      ) : !sheet.data ? (
        <Spinner label="Loading the settlement…" />
      ) : (
        <SettlementBody sheet={sheet.data} title={title} editable={access === 'edit'} admitted={door.data?.total} />
      )}
    </Section>
  );
}

function SettlementBody({
  sheet,
  title,
  editable,
  admitted,
}: {
  sheet: SettlementSheet;
  title: string;
  editable: boolean;
  admitted: number | undefined;
}) {
  const edit = useEdit();
  const [open, setOpen] = useState<{ lineId: string } | { adding: LineKind }>();
  const [refusal, setRefusal] = useState<CommandError>();
  const currency = sheet.terms?.currency ?? 'USD';
  let figures: SettlementFigures | null = null;
  let problem: string | undefined;
  try {
    figures = settlementFigures(sheet);
  } catch (error) {
    // a row synced from elsewhere the arithmetic refuses: say which, rather than show a wrong sheet
    problem = error instanceof Error ? error.message : String(error);
  }

  const add = async (fields: LineFields) => {
    const refused = await edit('settlementLine.add', { id: crypto.randomUUID(), eventId: sheet.eventId, ...fields });
    if (!refused) setOpen(undefined);
    return refused;
  };
  const update = (line: SheetLine) => async (fields: LineFields) => {
    const changes = lineChanges(line, fields);
    const refused =
      Object.keys(changes).length === 0 ? undefined : await edit('settlementLine.update', { id: line.id, ...changes });
    if (!refused) setOpen(undefined);
    return refused;
  };
  const remove = async (line: SheetLine) => setRefusal(await edit('settlementLine.remove', { id: line.id }));
  /** one place up or down among the lines of its kind: the order the sheet prints them in */
  const move = async (line: SheetLine, by: -1 | 1) => {
    const order = movedWithinKind(sheet.lines, line.id, by);
    if (!order) return;
    moved.current = { lineId: line.id, by };
    setRefusal(await edit('settlementLine.reorder', { eventId: sheet.eventId, lineIds: order }));
  };
  // React moves the line's element, which takes the focus away (and its button may now be
  // disabled, at the end of its group): give it to the line's move button that still works
  const moved = useRef<{ lineId: string; by: -1 | 1 } | null>(null);
  useLayoutEffect(() => {
    const last = moved.current;
    if (!last) return;
    const row = document.querySelector(`[data-line-id="${last.lineId}"]`);
    const buttons = [...(row?.querySelectorAll<HTMLButtonElement>('button[data-move]') ?? [])];
    const same = buttons.find((b) => b.dataset.move === String(last.by) && !b.disabled);
    const other = buttons.find((b) => !b.disabled);
    const target = same ?? other;
    if (target && document.activeElement !== target) target.focus();
    if (target) moved.current = null;
  }, [sheet.lines]);

  return (
    <div className="space-y-4">
      {!sheet.terms && (
        <p className="text-sm text-zinc-500">No deal terms yet: the lines can be entered, the payout needs the deal.</p>
      )}
      {lineGroups.map(({ kind, title: groupTitle }) => {
        const lines = sheet.lines.filter((line) => line.kind === kind);
        const adding = open && 'adding' in open && open.adding === kind;
        return (
          <div key={kind}>
            <h3 className="flex items-baseline justify-between text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              {groupTitle}
              {kind === 'EXPENSE' && lines.length > 0 && <span className="normal-case">budget · actual</span>}
            </h3>
            {lines.length === 0 && !adding && <p className="py-1 text-sm text-zinc-500">None.</p>}
            <ul aria-label={groupTitle} className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {lines.map((line, index) =>
                open && 'lineId' in open && open.lineId === line.id ? (
                  <li key={line.id}>
                    <SettlementLineForm
                      initial={lineValues(line, currency)}
                      currency={currency}
                      saveLabel="Save"
                      onSave={update(line)}
                      onCancel={() => setOpen(undefined)}
                    />
                  </li>
                ) : (
                  <li
                    key={line.id}
                    aria-label={line.label}
                    data-line-id={line.id}
                    className="flex items-center gap-3 py-1.5 text-sm"
                    onKeyDown={(key) => {
                      // Alt+↑/↓ from anywhere in the row, as on the checklist
                      if (!editable || !key.altKey || (key.key !== 'ArrowUp' && key.key !== 'ArrowDown')) return;
                      key.preventDefault();
                      void move(line, key.key === 'ArrowUp' ? -1 : 1);
                    }}
                  >
                    <span className="flex-1">{line.label}</span>
                    <LineAmounts line={line} currency={currency} />
                    {editable && (
                      <span className="flex gap-1">
                        {directions.map(({ by, word, arrow }) => (
                          <button
                            key={word}
                            type="button"
                            className={linkButtonClass}
                            aria-label={`Move ${line.label} ${word}`}
                            title={`Move ${word} (Alt+${arrow})`}
                            data-move={by}
                            disabled={index + by < 0 || index + by >= lines.length}
                            onClick={() => void move(line, by)}
                          >
                            {arrow}
                          </button>
                        ))}
                        <button
                          type="button"
                          className={linkButtonClass}
                          aria-label={`Edit ${line.label}`}
                          onClick={() => setOpen({ lineId: line.id })}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className={linkButtonClass}
                          aria-label={`Remove ${line.label}`}
                          onClick={() => void remove(line)}
                        >
                          Remove
                        </button>
                      </span>
                    )}
                  </li>
                ),
              )}
            </ul>
            {adding ? (
              <SettlementLineForm
                initial={blankLine(kind)}
                currency={currency}
                saveLabel={addLabel[kind]}
                onSave={add}
                onCancel={() => setOpen(undefined)}
              />
            ) : (
              editable && (
                <button type="button" className={`${linkButtonClass} mt-1`} onClick={() => setOpen({ adding: kind })}>
                  {addLabel[kind]}
                </button>
              )
            )}
          </div>
        );
      })}
      <ErrorNote error={refusal} />
      <ErrorNote error={problem} />
      {figures && <Figures figures={figures} admitted={admitted} />}
      {editable && sheet.terms && sheet.status !== 'DRAFT' && <SettleAction eventId={sheet.eventId} title={title} />}
      {editable && sheet.status === 'DRAFT' && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">A draft is settled once the show is confirmed.</p>
      )}
      {sheet.status === 'SETTLED' && (
        <p className="text-sm font-medium text-emerald-700 dark:text-emerald-400">Settled: these figures are final.</p>
      )}
    </div>
  );
}

function LineAmounts({ line, currency }: { line: SheetLine; currency: string }) {
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

function Figure({ label, children, strong = false }: { label: string; children: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-4 py-1 text-sm ${strong ? 'font-semibold' : ''}`}>
      <dt className={strong ? '' : 'text-zinc-500 dark:text-zinc-400'}>{label}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </div>
  );
}

function Figures({ figures, admitted }: { figures: SettlementFigures; admitted: number | undefined }) {
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

/** Settling is final, so it asks first; the confirm button takes the focus, Cancel is one Tab away. */
function SettleAction({ eventId, title }: { eventId: string; title: string }) {
  const edit = useEdit();
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<CommandError>();

  async function settle() {
    setSaving(true);
    const refused = await edit('event.settle', { eventId });
    setSaving(false);
    setRefusal(refused);
    if (!refused) setAsking(false);
  }

  return (
    <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      {asking ? (
        <div role="group" aria-label="Confirm settling" className="space-y-2">
          <p className="text-sm">
            Settle “{title}”? The sheet becomes final: its lines, the deal and the event can no longer be changed.
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              className={dangerButtonClass}
              disabled={saving}
              autoFocus
              onClick={() => void settle()}
            >
              Settle for good
            </button>
            <button type="button" className={buttonClass} onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass} onClick={() => setAsking(true)}>
          Settle show
        </button>
      )}
      <ErrorNote error={refusal} />
    </div>
  );
}
