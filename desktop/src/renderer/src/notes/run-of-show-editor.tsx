// Run of show: the day's timed items (HH:MM on the venue's clock), always shown in running
// order. Rows live in a Y.Array of Y.Maps {at, item}; editing a field sets it on its row, so
// two people editing different rows never collide. Rows at the same time keep the order they
// were written in, and Move up / Move down changes that order.
import { useEffect, useId, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import type { Formats } from '@promoteros/shared/format';
import { RUN_OF_SHOW_ROWS, VENUE_TIME_OF_DAY, byRunningOrder } from '@promoteros/shared/notes';
import { useFormat } from '../format/use-format.js';
import { buttonClass, inputClass, linkButtonClass } from '../ui/controls.js';
import { venueTimeOf } from './typed-time.js';

type RowMap = Y.Map<string>;

/** a row's time as the organization's locale writes it ("3:00 PM" / "15:00"), as the day sheet does */
const shownTime = (at: string, f: Formats) => (VENUE_TIME_OF_DAY.test(at) ? f.wallTime(at) : at);

/** a stable React key per row object (Y.Map has no public id) */
const rowKeys = new WeakMap<RowMap, number>();
let nextRowKey = 0;
const keyOf = (map: RowMap) => {
  let key = rowKeys.get(map);
  if (key === undefined) rowKeys.set(map, (key = nextRowKey++));
  return key;
};
interface ShownRow {
  readonly at: string;
  readonly item: string;
  readonly map: RowMap;
}

function readRows(rows: Y.Array<RowMap>): ShownRow[] {
  return byRunningOrder(
    rows
      .toArray()
      .filter((map): map is RowMap => map instanceof Y.Map)
      .map((map) => ({ at: map.get('at') ?? '', item: map.get('item') ?? '', map })),
  );
}

export function RunOfShowEditor({ doc, readOnly, zoneLabel }: { doc: Y.Doc; readOnly: boolean; zoneLabel: string }) {
  const f = useFormat();
  const rows = doc.getArray<RowMap>(RUN_OF_SHOW_ROWS);
  const [shown, setShown] = useState(() => readRows(rows));
  useEffect(() => {
    const refresh = () => setShown(readRows(rows));
    refresh();
    rows.observeDeep(refresh);
    return () => rows.unobserveDeep(refresh);
  }, [rows]);

  /** swap a row with its neighbour in running order, when both are at the same time */
  const move = (index: number, by: -1 | 1) => {
    const row = shown[index]!;
    const other = shown[index + by];
    if (!other || other.at !== row.at) return;
    const list = rows.toArray();
    const from = list.indexOf(row.map);
    const to = list.indexOf(other.map);
    doc.transact(() => {
      // Yjs has no move: the row is written again at its neighbour's place
      const copy = new Y.Map<string>();
      copy.set('at', row.at);
      copy.set('item', row.item);
      rows.delete(from, 1);
      // after the delete, index `to` is just past the neighbour when moving down, at it when moving up
      rows.insert(to, [copy]);
    });
  };

  return (
    // a container: the row's layout follows the card it sits in, not the window (the card is
    // half the page beside the advance notes, or the whole page on a narrow one)
    <div className="@container space-y-2">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Venue time: {zoneLabel}</p>
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-500">Nothing scheduled yet.</p>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={`Run of show (${zoneLabel})`}>
          {shown.map((row, index) => (
            <li key={keyOf(row.map)} className={`${rowGrid} items-center py-1.5`}>
              <RowFields row={row} readOnly={readOnly} />
              {!readOnly && (
                <span className="col-start-2 flex justify-end gap-1 @sm:col-start-3">
                  <button
                    type="button"
                    className={linkButtonClass}
                    disabled={shown[index - 1]?.at !== row.at}
                    aria-label={`Move ${shownTime(row.at, f)} ${row.item} up`}
                    title="Move up: rows are in time order; this moves a row among those at the same time"
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden>↑</span>
                  </button>
                  <button
                    type="button"
                    className={linkButtonClass}
                    disabled={shown[index + 1]?.at !== row.at}
                    aria-label={`Move ${shownTime(row.at, f)} ${row.item} down`}
                    title="Move down: rows are in time order; this moves a row among those at the same time"
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden>↓</span>
                  </button>
                  <button
                    type="button"
                    className={linkButtonClass}
                    aria-label={`Remove ${shownTime(row.at, f)} ${row.item}`}
                    onClick={() => {
                      const at = rows.toArray().indexOf(row.map);
                      if (at >= 0) rows.delete(at, 1);
                    }}
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <AddRow rows={rows} zoneLabel={zoneLabel} />}
    </div>
  );
}

/**
 * One grid for the rows and the form that adds one, so their fields line up: the time (as the
 * locale writes it, "10:30 PM" at the longest), what happens (the rest), the row's buttons. In a card too narrow for all three the
 * buttons go under what happens.
 */
const rowGrid = 'grid grid-cols-[6rem_minmax(0,1fr)] gap-x-2 gap-y-1 @sm:grid-cols-[6rem_minmax(0,1fr)_auto]';

function RowFields({ row, readOnly }: { row: ShownRow; readOnly: boolean }) {
  const f = useFormat();
  const [item, setItem] = useState(row.item);
  const [at, setAt] = useState(() => shownTime(row.at, f));
  useEffect(() => setItem(row.item), [row.item]);
  useEffect(() => setAt(shownTime(row.at, f)), [row.at, f]);
  const commitItem = () => {
    if (item !== row.item) row.map.set('item', item);
  };
  const commitAt = () => {
    const valid = venueTimeOf(at);
    if (valid && valid !== row.at) row.map.set('at', valid);
    else setAt(shownTime(row.at, f));
  };
  return (
    <>
      <input
        aria-label={`Time of ${row.item || 'this item'}`}
        className={`${inputClass} tabular-nums`}
        placeholder={f.wallTime('19:30')}
        value={at}
        readOnly={readOnly}
        onChange={(change) => setAt(change.target.value)}
        onBlur={commitAt}
        onKeyDown={(key) => {
          if (key.key === 'Enter') commitAt();
          if (key.key === 'Escape') setAt(shownTime(row.at, f));
        }}
      />
      <input
        aria-label={`What happens at ${shownTime(row.at, f) || 'this time'}`}
        className={inputClass}
        value={item}
        readOnly={readOnly}
        maxLength={200}
        onChange={(change) => setItem(change.target.value)}
        onBlur={commitItem}
        onKeyDown={(key) => {
          if (key.key === 'Enter') commitItem();
          if (key.key === 'Escape') setItem(row.item);
        }}
      />
    </>
  );
}

function AddRow({ rows, zoneLabel }: { rows: Y.Array<RowMap>; zoneLabel: string }) {
  const f = useFormat();
  const timeId = useId();
  const itemId = useId();
  const [at, setAt] = useState('');
  const [item, setItem] = useState('');
  const [problem, setProblem] = useState<string>();
  const add = (submit: FormEvent) => {
    submit.preventDefault();
    const time = venueTimeOf(at);
    if (!time) return setProblem(`Give the time on the venue’s clock, such as ${f.wallTime('19:30')}.`);
    if (!item.trim()) return setProblem('Say what happens at that time.');
    const row = new Y.Map<string>();
    row.set('at', time);
    row.set('item', item.trim());
    rows.push([row]);
    setProblem(undefined);
    setAt('');
    setItem('');
  };
  return (
    <form className={`${rowGrid} items-end`} onSubmit={add} aria-label="Add to the run of show">
      <div>
        <label htmlFor={timeId} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Time <span className="sr-only">({zoneLabel})</span>
        </label>
        <input
          id={timeId}
          className={`${inputClass} tabular-nums`}
          placeholder={f.wallTime('19:30')}
          value={at}
          onChange={(change) => setAt(change.target.value)}
        />
      </div>
      <div>
        <label htmlFor={itemId} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          What happens
        </label>
        <input
          id={itemId}
          className={inputClass}
          value={item}
          maxLength={200}
          placeholder="Load-in, soundcheck, doors, sets, curfew…"
          onChange={(change) => setItem(change.target.value)}
        />
      </div>
      <span className="col-start-2 flex justify-end @sm:col-start-3">
        <button type="submit" className={buttonClass}>
          Add
        </button>
      </span>
      {problem && (
        <p role="alert" className="col-span-full text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
