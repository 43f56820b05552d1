// The event's status at the head of its screen: a picker for who may edit the event (the change
// shows at once, and goes back if the core refuses it, with the reason), a badge for everyone
// else, and a word that a settled show is no longer editable.
import { editableEventStatuses } from '@promoteros/shared/mutations';
import { useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import type { useEdit } from '../data/use-edit.js';
import { usePendingValue } from '../data/use-pending-value.js';
import { ErrorNote, selectClass, StatusBadge } from '../ui/controls.js';
import { humanize } from './humanize.js';

type EventDetail = CommandResult<'events.get'>;

export function EventStatusControl({
  event,
  editable,
  edit,
}: {
  event: EventDetail;
  editable: boolean;
  edit: ReturnType<typeof useEdit>;
}) {
  const [refusal, setRefusal] = useState<CommandError>();
  const [status, applyStatus] = usePendingValue<string>(event.status);
  return (
    <div className="flex flex-col items-end gap-1">
      {editable ? (
        <label className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          Status
          <select
            className={selectClass}
            value={status}
            onChange={(change) => {
              const next = editableEventStatuses.find((each) => each === change.target.value);
              if (!next) return;
              void applyStatus(next, async () => {
                const refused = await edit('event.update', { eventId: event.id, status: next });
                setRefusal(refused);
                return !refused;
              });
            }}
          >
            {editableEventStatuses.map((each) => (
              <option key={each} value={each}>
                {humanize(each)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <StatusBadge status={event.status} />
      )}
      {event.status === 'SETTLED' && (
        <span className="text-xs text-zinc-500 dark:text-zinc-400">Settled: no longer editable</span>
      )}
      <ErrorNote error={refusal} />
    </div>
  );
}
