// One kind of settlement line (tickets, comps, expenses, adjustments) as the sheet lists it:
// each line with its amounts, moved up or down within its kind (buttons or Alt+↑/↓), edited in
// place or removed, and the form to add one more.
import type { CommandError } from '../../../common/command-map.js';
import { linkButtonClass } from '../ui/controls.js';
import type { LineKind, SheetLine } from './settlement-figures.js';
import { SettlementLineForm } from './settlement-line-form.js';
import { blankLine, lineValues, type LineFields } from './settlement-line-changes.js';
import { LineAmounts } from './line-amounts.js';

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

/** the line being edited, or the kind a line is being added to */
export type OpenLine = { lineId: string } | { adding: LineKind };

export function SettlementLineGroup({
  kind,
  groupTitle,
  lines,
  open,
  setOpen,
  editable,
  currency,
  onAdd,
  onUpdate,
  onMove,
  onRemove,
}: {
  kind: LineKind;
  groupTitle: string;
  /** the sheet's lines of this kind, in their order */
  lines: SheetLine[];
  open: OpenLine | undefined;
  setOpen: (open: OpenLine | undefined) => void;
  editable: boolean;
  currency: string;
  onAdd: (fields: LineFields) => Promise<CommandError | undefined>;
  onUpdate: (line: SheetLine) => (fields: LineFields) => Promise<CommandError | undefined>;
  onMove: (line: SheetLine, by: -1 | 1) => Promise<void>;
  onRemove: (line: SheetLine) => Promise<void>;
}) {
  const adding = open && 'adding' in open && open.adding === kind;
  return (
    <div>
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
                onSave={onUpdate(line)}
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
                void onMove(line, key.key === 'ArrowUp' ? -1 : 1);
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
                      onClick={() => void onMove(line, by)}
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
                    onClick={() => void onRemove(line)}
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
          onSave={onAdd}
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
}
