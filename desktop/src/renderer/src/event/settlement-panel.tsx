// Settling the show: the lines of the night (tickets sold, comps, expenses budget vs actual,
// adjustments), the deal applied to them live (the shared settleShow, as the PDF sheet applies
// it) and "Settle show", which makes it final. Managers and owners enter it, staff read it,
// promoters do not see it. Every change is an edit the core applies at once and uploads later,
// so a settlement can be entered in a back office with no network.
import { useLayoutEffect, useRef, useState } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { useQuery } from '../data/use-query.js';
import { ErrorNote, Section, Spinner } from '../ui/controls.js';
import type { Role } from './edit-rights.js';
import { SettleAction } from './settle-action.js';
import { settlementAccess } from './settlement-access.js';
import {
  lineGroups,
  settlementFigures,
  type SettlementFigures,
  type SettlementSheet,
  type SheetLine,
} from './settlement-figures.js';
import { Figures } from './settlement-figures-list.js';
import { lineChanges, type LineFields } from './settlement-line-changes.js';
import { SettlementLineGroup, type OpenLine } from './settlement-line-group.js';
import { movedWithinKind } from './settlement-line-order.js';

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
  const [open, setOpen] = useState<OpenLine>();
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
      {lineGroups.map(({ kind, title: groupTitle }) => (
        <SettlementLineGroup
          key={kind}
          kind={kind}
          groupTitle={groupTitle}
          lines={sheet.lines.filter((line) => line.kind === kind)}
          open={open}
          setOpen={setOpen}
          editable={editable}
          currency={currency}
          onAdd={add}
          onUpdate={update}
          onMove={move}
          onRemove={remove}
        />
      ))}
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
