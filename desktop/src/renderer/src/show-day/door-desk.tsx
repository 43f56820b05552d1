// The door: a search field that has focus from the start, the matching guests as you type (from
// the list held in memory, no round trip per keystroke), Enter to admit the highlighted guest
// (Shift+Enter: their whole party; nobody is highlighted until a name is typed or a row chosen,
// see door-highlight.ts), a confirmation before admitting anyone already in, beyond their
// allotment or admitted here seconds ago, walk-ups (Alt+W), undo of this device's last check-in
// (Alt+Z), the door count moving on the key press, and for managers the entries two doors
// admitted beyond their allotment.
import { roleAtLeast } from '@promoteros/shared';
import { isOverAllotment } from '@promoteros/shared/mutations';
import {
  startTransition,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { useEdit } from '../data/use-edit.js';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import { ErrorNote, Spinner } from '../ui/controls.js';
import { Dialog } from '../ui/dialog.js';
import { AdmitDialog } from './admit-dialog.js';
import { DoorCountPanel } from './door-count-panel.js';
import { FlaggedEntries } from './flagged-entries.js';
import { highlighted, highlightForQuery, moveHighlight, NOTHING, type Highlight } from './door-highlight.js';
import { checkAdmit } from './door-tally.js';
import { findGuests, GuestIndexer } from './guest-search.js';
import { GuestEntryDialog } from './guest-entry-dialog.js';
import { GuestListsPanel } from './guest-lists-panel.js';
import { GuestRow } from './guest-row.js';
import { listedMoreThanOnce } from './namesakes.js';
import { admittedHereRecently } from './recent-check-in.js';
import { useDoor } from './use-door.js';
import { useFormat } from '../format/use-format.js';

type GuestListDoor = CommandResult<'guestList.get'>;
type GuestEntry = GuestListDoor['entries'][number];

const guestNoun = { one: 'guest', other: 'guests' };
/** rows shown for a search: the door needs the few best, not the whole list */
const SHOWN = 30;

export function DoorDesk({
  eventId,
  showDate,
  timezone,
  role,
  initialSearch,
}: {
  eventId: string;
  showDate: string;
  timezone: string;
  role: Role | undefined;
  /** a name to start the search with (a guest opened from Ctrl/Cmd-K) */
  initialSearch?: string | undefined;
}) {
  const f = useFormat();
  const guests = useQuery('guestList.get', { eventId });
  // a new answer (after every check-in, here or synced) is drawn at low priority: a key press
  // at the door interrupts that render instead of waiting behind it
  const answer = useDeferredValue(guests.data);
  const data = answer?.eventId === eventId ? answer : undefined;
  const door = useDoor(eventId, data);
  const edit = useEdit();
  const [query, setQuery] = useState(initialSearch ?? '');
  // a search the door did not type highlights nobody: Enter admits only once someone chose a row
  const [highlight, setHighlight] = useState<Highlight>(NOTHING);
  useEffect(() => {
    if (!initialSearch) return;
    setQuery(initialSearch);
    setHighlight(NOTHING);
  }, [initialSearch]);
  const [confirming, setConfirming] = useState<{ entry: GuestEntry; count: number; message: string }>();
  const [editing, setEditing] = useState<{ entry?: GuestEntry }>();
  const [removing, setRemoving] = useState<GuestEntry>();
  const [removeError, setRemoveError] = useState<string>();
  const [said, setSaid] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const ids = useId();
  const manages = role !== undefined && roleAtLeast(role, 'MANAGER');

  const listNames = useMemo(() => new Map((data?.lists ?? []).map((list) => [list.id, list.name])), [data?.lists]);
  const indexer = useRef(new GuestIndexer());
  const index = useMemo(() => indexer.current.index(data?.entries ?? [], listNames), [data?.entries, listNames]);
  const found = useMemo(() => findGuests(index, query, SHOWN), [index, query]);
  // names on their list more than once (added twice, or by two doors offline): marked on the row
  const twice = useMemo(() => listedMoreThanOnce(data?.entries ?? []), [data?.entries]);
  const results = found.entries;
  const selected = highlighted(results, highlight);
  const tally = door.tally;

  const admittedOf = (entry: GuestEntry) => entry.admitted + (tally?.extraByEntry.get(entry.id) ?? 0);

  // the search takes focus as soon as the list is there: the door types a name straight away
  const ready = Boolean(data);
  useEffect(() => {
    if (ready) search.current?.focus();
  }, [ready]);

  function requestAdmit(entry: GuestEntry | undefined, count: number) {
    if (!entry) return;
    const recent = admittedHereRecently(door.made, entry.id, Date.now());
    const check = checkAdmit(entry.guestName, entry.admitCount, admittedOf(entry), count, recent);
    if (check.confirm) setConfirming({ entry, count, message: check.message });
    else admit(entry, count);
  }

  function admit(entry: GuestEntry, count: number) {
    door.admit(entry, count);
    setSaid(`Admitted ${entry.guestName}${count > 1 ? ` and ${count - 1} more` : ''}`);
    // the count first; the emptied search and its list of guests right after, interruptibly.
    // Nobody is highlighted then: a second Enter admits no one.
    setHighlight(NOTHING);
    startTransition(() => setQuery(''));
  }

  function walkUp() {
    door.walkUp(1);
    setSaid('Walk-up counted');
  }

  function undoLast() {
    // the latest this device made that no device has taken back yet
    const undone = new Set(
      [...(data?.walkUps ?? []), ...(data?.entries.flatMap((entry) => entry.checkIns) ?? [])]
        .filter((checkIn) => checkIn.undone)
        .map((checkIn) => checkIn.id),
    );
    const last = door.made.findLast((checkIn) => !undone.has(checkIn.id));
    if (!last) return;
    door.undo(last);
    setSaid(`Undone: ${last.label}`);
  }

  // Alt+W and Alt+Z work wherever focus is on the screen (not inside a dialog)
  const shortcuts = useRef({ walkUp, undoLast });
  shortcuts.current = { walkUp, undoLast };
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.code === 'KeyW') {
        event.preventDefault();
        shortcuts.current.walkUp();
      } else if (event.code === 'KeyZ') {
        event.preventDefault();
        shortcuts.current.undoLast();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight(moveHighlight(results, highlight, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!selected) return;
      // Shift+Enter: the rest of the party, at least one
      const count = event.shiftKey ? Math.max(1, selected.admitCount - admittedOf(selected)) : 1;
      requestAdmit(selected, count);
    } else if (event.key === 'Escape' && (query || selected)) {
      event.preventDefault();
      setQuery('');
      setHighlight(NOTHING);
    }
  }

  if (guests.error && !data) return <ErrorNote error={guests.error} />;
  if (!data || !tally) return <Spinner label="Opening the guest list…" />;

  const flagged = data.entries.filter((entry) => isOverAllotment(admittedOf(entry), entry.admitCount));

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby={`${ids}-guests`} className="space-y-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id={`${ids}-guests`} className="text-xl font-black">
            Guest list
          </h2>
          <p className="text-base" aria-live="polite">
            {query.trim()
              ? `${f.count(found.total)} of ${f.countOf(data.entries.length, guestNoun)} ${found.total === 1 ? 'matches' : 'match'}`
              : `${f.countOf(data.entries.length, guestNoun)} · type a name`}
          </p>
        </div>
        <input
          ref={search}
          type="search"
          role="combobox"
          aria-label="Find a guest"
          aria-expanded={results.length > 0}
          aria-controls={`${ids}-results`}
          aria-activedescendant={selected ? `${ids}-${selected.id}` : undefined}
          aria-keyshortcuts="Enter Shift+Enter Alt+W Alt+Z"
          autoComplete="off"
          spellCheck={false}
          placeholder="Type a guest's name, Enter to admit"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHighlight(highlightForQuery(event.target.value));
          }}
          onKeyDown={onSearchKey}
          className="block w-full rounded-lg border-4 border-zinc-900 bg-white px-4 py-3 text-3xl font-bold text-zinc-950 placeholder:text-zinc-500 focus:outline-4 focus:outline-offset-2 focus:outline-sky-600 dark:border-zinc-100 dark:bg-black dark:text-white"
        />
        <p role="status" className="min-h-7 text-xl font-bold">
          {said}
          {door.made.length > 0 && said && (
            <button
              type="button"
              onClick={undoLast}
              aria-keyshortcuts="Alt+Z"
              className="ml-3 rounded-md border-2 border-zinc-900 px-2 text-base font-bold dark:border-zinc-100"
            >
              Undo {door.made.at(-1)?.label} <kbd className="text-sm font-normal">Alt+Z</kbd>
            </button>
          )}
        </p>
        {door.error && <ErrorNote error={door.error} />}
        <ul
          id={`${ids}-results`}
          role="listbox"
          aria-label="Guests"
          // what these results answer, so a reader (or a benchmark) knows they are current
          data-query={query}
          className="space-y-2"
        >
          {results.map((entry) => (
            <GuestRow
              key={entry.id}
              id={`${ids}-${entry.id}`}
              entry={entry}
              list={listNames.get(entry.guestListId) ?? ''}
              namesakes={twice.entries.get(entry.id) ?? 1}
              admitted={admittedOf(entry)}
              active={entry === selected}
              timezone={timezone}
              undone={tally.undone}
              onAdmit={(count) => requestAdmit(entry, count)}
              onUndo={(checkIn) => door.undo(checkIn)}
              onEdit={() => setEditing({ entry })}
              onRemove={() => {
                setRemoveError(undefined);
                setRemoving(entry);
              }}
              onPick={() => setHighlight({ kind: 'entry', id: entry.id })}
            />
          ))}
          {results.length === 0 && (
            <li className="rounded-lg border-2 border-dashed border-zinc-500 p-4 text-xl">
              {query.trim() ? `No guest matches “${query.trim()}”.` : 'No guests on the lists yet.'}
            </li>
          )}
        </ul>
      </section>
      <div className="space-y-5">
        <DoorCountPanel door={tally.door} onWalkUp={walkUp} walkUpShortcut="Alt+W" />
        {manages && flagged.length > 0 && (
          <FlaggedEntries entries={flagged} admittedOf={admittedOf} timezone={timezone} />
        )}
        <GuestListsPanel
          lists={data.lists}
          eventId={eventId}
          showDate={showDate}
          timezone={timezone}
          manages={manages}
          doubledNames={twice.namesByList}
          onAddGuest={() => setEditing({})}
        />
      </div>
      {confirming && (
        <AdmitDialog
          message={confirming.message}
          admitLabel={confirming.count === 1 ? 'Admit 1 more' : `Admit ${confirming.count} more`}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            admit(confirming.entry, confirming.count);
            setConfirming(undefined);
          }}
        />
      )}
      {editing && (
        <GuestEntryDialog
          eventId={eventId}
          lists={data.lists}
          entries={data.entries}
          {...(editing.entry ? { entry: editing.entry } : {})}
          onClose={() => setEditing(undefined)}
        />
      )}
      {removing && (
        <Dialog title={`Remove ${removing.guestName}?`} onClose={() => setRemoving(undefined)}>
          <p className="mb-4">They come off {listNames.get(removing.guestListId)}.</p>
          <ErrorNote error={removeError} />
          <div className="flex justify-end gap-2">
            <button
              type="button"
              className="rounded-lg border-2 border-zinc-900 px-3 py-1.5 font-bold dark:border-zinc-100"
              onClick={() => setRemoving(undefined)}
            >
              Keep
            </button>
            <button
              type="button"
              autoFocus
              className="rounded-lg bg-red-700 px-3 py-1.5 font-bold text-white"
              onClick={() =>
                void edit('guestEntry.remove', { id: removing.id }).then((refusal) =>
                  refusal ? setRemoveError(refusal.message) : setRemoving(undefined),
                )
              }
            >
              Remove
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
