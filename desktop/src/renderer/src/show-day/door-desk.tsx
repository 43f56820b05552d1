// The door: a search field that has focus from the start, the matching guests as you type (from
// the list held in memory, no round trip per keystroke), Enter to admit the highlighted guest
// (Shift+Enter: their whole party; nobody is highlighted until a name is typed or a row chosen,
// see door-highlight.ts), a confirmation before admitting anyone already in, beyond their
// allotment or admitted here seconds ago, walk-ups (Alt+W), undo of this device's last check-in
// (Alt+Z), the door count moving on the key press, and for managers the entries two doors
// admitted beyond their allotment.
import { roleAtLeast } from '@promoteros/shared';
import { isOverAllotment } from '@promoteros/shared/mutations';
import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import { ErrorNote, Spinner } from '../ui/controls.js';
import { AdmitDialog } from './admit-dialog.js';
import { CheckInStatus } from './check-in-status.js';
import { DoorCountPanel } from './door-count-panel.js';
import { FlaggedEntries } from './flagged-entries.js';
import { GuestEntryDialog } from './guest-entry-dialog.js';
import { GuestListsPanel } from './guest-lists-panel.js';
import { GuestResults } from './guest-results.js';
import { GuestSearchField } from './guest-search-field.js';
import type { GuestEntry } from './guest-search.js';
import { RemoveGuestDialog } from './remove-guest-dialog.js';
import { useDoor } from './use-door.js';
import { useDoorCheckIns } from './use-door-check-ins.js';
import { useDoorSearch } from './use-door-search.js';
import { useDoorShortcuts } from './use-door-shortcuts.js';

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
  const guests = useQuery('guestList.get', { eventId });
  // a new answer (after every check-in, here or synced) is drawn at low priority: a key press
  // at the door interrupts that render instead of waiting behind it
  const answer = useDeferredValue(guests.data);
  const data = answer?.eventId === eventId ? answer : undefined;
  const door = useDoor(eventId, data);
  const search = useDoorSearch(data, initialSearch);
  const checkIns = useDoorCheckIns(door, data, search);
  const { admittedOf, requestAdmit, walkUp, undoLast, confirming } = checkIns;
  const [editing, setEditing] = useState<{ entry?: GuestEntry }>();
  const [removing, setRemoving] = useState<GuestEntry>();
  const field = useRef<HTMLInputElement>(null);
  const ids = useId();
  const manages = role !== undefined && roleAtLeast(role, 'MANAGER');
  const { selected } = search;

  // the search takes focus as soon as the list is there: the door types a name straight away
  const ready = Boolean(data);
  useEffect(() => {
    if (ready) field.current?.focus();
  }, [ready]);

  useDoorShortcuts({ walkUp, undoLast });

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      search.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!selected) return;
      // Shift+Enter: the rest of the party, at least one
      const count = event.shiftKey ? Math.max(1, selected.admitCount - admittedOf(selected)) : 1;
      requestAdmit(selected, count);
    } else if (event.key === 'Escape' && (search.query || selected)) {
      event.preventDefault();
      search.clear();
    }
  }

  if (guests.error && !data) return <ErrorNote error={guests.error} />;
  if (!data || !door.tally) return <Spinner label="Opening the guest list…" />;

  const flagged = data.entries.filter((entry) => isOverAllotment(admittedOf(entry), entry.admitCount));

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby={`${ids}-guests`} className="space-y-3">
        <GuestSearchField ref={field} ids={ids} search={search} listed={data.entries.length} onKeyDown={onSearchKey} />
        <CheckInStatus said={checkIns.said} last={door.made.at(-1)} onUndo={undoLast} />
        {door.error && <ErrorNote error={door.error} />}
        <GuestResults
          ids={ids}
          search={search}
          timezone={timezone}
          undone={door.tally.undone}
          admittedOf={admittedOf}
          onAdmit={requestAdmit}
          onUndo={(checkIn) => door.undo(checkIn)}
          onEdit={(entry) => setEditing({ entry })}
          onRemove={setRemoving}
        />
      </section>
      <div className="space-y-5">
        <DoorCountPanel door={door.tally.door} onWalkUp={walkUp} walkUpShortcut="Alt+W" />
        {manages && flagged.length > 0 && (
          <FlaggedEntries entries={flagged} admittedOf={admittedOf} timezone={timezone} />
        )}
        <GuestListsPanel
          lists={data.lists}
          eventId={eventId}
          showDate={showDate}
          timezone={timezone}
          manages={manages}
          doubledNames={search.twice.namesByList}
          onAddGuest={() => setEditing({})}
        />
      </div>
      {confirming && (
        <AdmitDialog
          message={confirming.message}
          admitLabel={confirming.count === 1 ? 'Admit 1 more' : `Admit ${confirming.count} more`}
          onCancel={checkIns.cancel}
          onConfirm={checkIns.confirm}
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
        <RemoveGuestDialog
          key={removing.id}
          entry={removing}
          listName={search.listNames.get(removing.guestListId)}
          onClose={() => setRemoving(undefined)}
        />
      )}
    </div>
  );
}
